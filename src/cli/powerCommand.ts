import { join } from "node:path";
import { mkdirSync } from "node:fs";
import { InputError } from "../errors.js";
import { powerCurve } from "../uncertainty/powerCurve.js";
import { toCsv } from "../report/toCsv.js";
import { writeFileAtomic } from "../report/writeFileAtomic.js";
import { renderPowerReport } from "../report/renderPowerReport.js";
import { sameFile } from "../report/writeResultFiles.js";
import { numberOption, parseCommandLine, rangeOption, stringOption } from "./parseCommandLine.js";
import { cliModel } from "./cliInputs.js";
import { plotlyScript } from "./plotlyScript.js";
import { progressLine } from "./progressLine.js";
import { UsageError } from "./usageError.js";
import type { CommandIo } from "./commandIo.js";

/**
 * `cxm-dematel power [options]`: the power of the layer trend test against
 * the number of experts (METHODS §7), with progress on stderr; prints a
 * table, or with `--json` the `powerCurve` result; `--out dir` also writes
 * power.json, power.csv and power.html.
 * @returns the exit status (0).
 * @throws {UsageError} on bad options; {@link InputError} when the model has fewer than two layers.
 * @example
 * await powerCommand(["--experts", "5:20:5", "--sims", "500"], io); // 0, a power table on stdout
 */
export async function powerCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const cl = parseCommandLine(
    args,
    { model: { type: "string", short: "m" }, experts: { type: "string" }, delta: { type: "string" }, sigma: { type: "string" }, tau: { type: "string" }, sims: { type: "string" }, alpha: { type: "string" }, seed: { type: "string" }, workers: { type: "string" }, json: { type: "boolean" }, out: { type: "string", short: "o" }, quiet: { type: "boolean", short: "q" } },
    0,
    "power",
  );
  if (cl.values.help) return io.help("power");
  const range = rangeOption(cl, "experts", 3, "power") ?? [5, 40, 5];
  const [from, to, step = 5] = range;
  if (!range.every(Number.isInteger) || from < 2 || to < from || step < 1) throw new UsageError(`--experts needs integers from:to:step with 2 ≤ from ≤ to and step ≥ 1, got "${stringOption(cl, "experts")}"`, "power");
  const experts: number[] = [];
  for (let k = from; k <= to; k += step) experts.push(k);
  if (experts.length > 200) throw new UsageError(`--experts gives ${experts.length} panel sizes; use at most 200`, "power");
  const delta = numberOption(cl, "delta", "power");
  const sigma = numberOption(cl, "sigma", "power", { min: 0 });
  const tau = numberOption(cl, "tau", "power", { min: 0 });
  const sims = numberOption(cl, "sims", "power", { integer: true, min: 1 });
  const alpha = numberOption(cl, "alpha", "power", { min: 0, max: 1, minExclusive: true });
  const seed = numberOption(cl, "seed", "power", { integer: true });
  const workers = numberOption(cl, "workers", "power", { integer: true, min: 1 });
  const { model, path: modelPath } = cliModel(cl);
  if ((model.layers ?? []).filter((l) => l.components.length > 0).length < 2) {
    throw new InputError({ file: modelPath ?? "model", column: "layers", message: "the model needs at least two layers to simulate a layered panel", expected: 'a "layers" list, outer → inner', found: `${(model.layers ?? []).length} layer(s)` });
  }
  const out = stringOption(cl, "out");
  if (out !== undefined && modelPath) for (const f of ["power.json", "power.csv", "power.html"]) if (sameFile(join(out, f), modelPath)) throw new InputError({ file: join(out, f), message: "refusing to write an output over the model file" });
  const progress = progressLine("power", cl.values.quiet === true);
  const result = await powerCurve(model, {
    experts,
    ...(delta !== undefined ? { delta } : {}),
    ...(sigma !== undefined ? { sigma } : {}),
    ...(tau !== undefined ? { tau } : {}),
    ...(sims !== undefined ? { sims } : {}),
    ...(alpha !== undefined ? { alpha } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(workers !== undefined ? { workers } : {}),
    onProgress: (d, t) => progress.update(d, t),
  });
  const s = result.settings;
  progress.finish(`power: ${(s.sims * result.experts.length).toLocaleString("en-US")} simulated panels (${s.workersUsed} worker${s.workersUsed === 1 ? "" : "s"}, seed ${s.seed})`);
  if (out !== undefined) {
    mkdirSync(out, { recursive: true });
    writeFileAtomic(join(out, "power.json"), JSON.stringify(result, null, 2) + "\n");
    writeFileAtomic(join(out, "power.csv"), toCsv([["experts", "power", "mcse", "rejections", "failed"], ...result.experts.map((k, i) => [k, result.power[i], result.mcse[i], result.rejections[i], result.failed[i]])]));
    writeFileAtomic(join(out, "power.html"), renderPowerReport(result, model, { plotlyJs: plotlyScript(), date: new Date().toISOString() }));
  }
  if (cl.values.json === true) {
    io.stdout(JSON.stringify(result, null, 2) + "\n");
    return 0;
  }
  const lines = [
    `Power of the exact trend test (METHODS §7): δ = ${s.delta}, σ = ${s.sigma}, τ = ${s.tau}, c = ${s.c}, scale 0..${s.scaleMax}, ${s.sims} panels per K, α = ${s.alpha}, seed ${s.seed}`,
    `  K    power   ±MCSE`,
    ...result.experts.map((k, i) => `  ${String(k).padStart(3)}  ${result.power[i].toFixed(3)}   ${result.mcse[i].toFixed(3)}`),
  ];
  const enough = result.experts.find((_, i) => result.power[i] >= 0.8);
  lines.push(enough !== undefined ? `80% power from K = ${enough} experts.` : `No K tried reaches 80% power.`);
  if (out !== undefined) lines.push(`Wrote power.json, power.csv and power.html to ${out}/`);
  io.stdout(lines.join("\n") + "\n");
  return 0;
}
