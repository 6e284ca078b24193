import { mkdirSync } from "node:fs";
import type { Model } from "../types.js";
import { powerCurve, type PowerOptions, type PowerResult } from "../simulate/powerCurve.js";
import { toCsv } from "../io/toCsv.js";
import { writeFilesAtomic } from "../io/writeFilesAtomic.js";
import { checkOutputFolder } from "../io/checkOutputFolder.js";
import { powerNotes, renderPowerReport, smallestAdequatePanel } from "../report/renderPowerReport.js";
import { formatDelta } from "../plots/powerCurvePlot.js";
import { type CommandLine, numberOption, parseCommandLine, rangeOption, stringOption } from "./parseCommandLine.js";
import { cliModel } from "./cliInputs.js";
import { readSurveyFile } from "../io/readSurveyFile.js";
import { pilotEstimate } from "../simulate/pilotEstimate.js";
import { generatorOptions, pilotPowerBand, type PilotPowerBand } from "../simulate/pilotPowerBand.js";
import { assertLayeredModel } from "../model/assertLayeredModel.js";
import { plotlyScript } from "./plotlyScript.js";
import { type ProgressLine, progressLine } from "./progressLine.js";
import { UsageError } from "./usageError.js";
import type { CommandIo } from "./commandIo.js";
import { resultsJsonText } from "../report/resultsJson.js";
import { powerTableRows } from "../report/powerTable.js";
import { POWER_COMMAND_DELTAS, POWER_COMMAND_OMEGA, deltaList, panelSizes, simulationOptions } from "./powerOptions.js";
import { powerStudy, type PilotSummary, type PowerStudy } from "../simulate/powerStudy.js";

export { POWER_COMMAND_DELTAS, POWER_COMMAND_OMEGA } from "./powerOptions.js";
export type { PowerStudy, PowerStudySettings } from "../simulate/powerStudy.js";

/** The files `power --out <dir>` writes, in this order. */
const POWER_FILES = ["power.json", "power.csv", "power.html"] as const;

/** The defaults of `power --pilot`: bootstrap resamples of the pilot's experts, parameter draws and panels per draw. */
export const PILOT_DEFAULTS = Object.freeze({ bootstrap: 1000, bandDraws: 40, bandSims: 200 });

/**
 * `cxm-dematel power [options]`: the power of the layer trend test against
 * the number of experts (docs/methods.md §8.4–8.5), one curve per layer effect δ
 * (`--delta 0.05,0.1,0.5`; default {@link POWER_COMMAND_DELTAS}), every curve
 * with the same simulation seeds, so each equals a run with that δ alone;
 * progress on stderr. Prints a table of power for each K × δ, the smallest K
 * with 80% power per δ and plain-words notes (saturated curves, curves that
 * never reach 80%); with `--json` the {@link PowerStudy}
 * `{ settings, curves }` (always this shape, also for one δ); `--out dir` also
 * writes power.json (the same), power.csv (one row per δ and K) and power.html,
 * all three or none (`writeFilesAtomic`); the folder is checked
 * (`checkOutputFolder`: not a file, no file in its path, not the model file)
 * before anything is simulated.
 * @returns the exit status (0).
 * @throws {UsageError} on bad options; {@link InputError} when --out cannot be written, or the model has fewer than two layers (the same messages as `layers`: {@link assertLayeredModel}).
 * @example
 * await powerCommand(["--experts", "5:20:5", "--sims", "500", "--delta", "0.05,0.1"], io); // 0, a K × δ table on stdout
 */
export async function powerCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const cl = parseCommandLine(
    args,
    {
      model: { type: "string", short: "m" },
      experts: { type: "string" },
      delta: { type: "string" },
      omega: { type: "string" },
      pilot: { type: "string" },
      scale: { type: "string" },
      "pilot-bootstrap": { type: "string" },
      "band-draws": { type: "string" },
      "band-sims": { type: "string" },
      sigma: { type: "string" },
      tau: { type: "string" },
      sims: { type: "string" },
      alpha: { type: "string" },
      seed: { type: "string" },
      workers: { type: "string" },
      json: { type: "boolean" },
      out: { type: "string", short: "o" },
      quiet: { type: "boolean", short: "q" },
    },
    0,
    "power",
  );
  if (cl.values.help) return io.help("power");
  const sizes = panelSizes(cl);
  const pilotPath = stringOption(cl, "pilot");
  if (pilotPath === undefined)
    for (const name of ["scale", "pilot-bootstrap", "band-draws", "band-sims"])
      if (stringOption(cl, name) !== undefined) throw new UsageError(`--${name} applies only to a pilot panel: give --pilot <survey>`, "power");
  if (pilotPath !== undefined)
    for (const name of ["delta", "omega", "sigma", "tau"])
      if (stringOption(cl, name) !== undefined)
        throw new UsageError(`--${name} cannot be given with --pilot, which estimates it from the pilot panel`, "power");
  const given = deltaList(stringOption(cl, "delta"));
  const deltas = given ?? [...POWER_COMMAND_DELTAS];
  const simulation = simulationOptions(cl);
  const { model, path: modelPath } = cliModel(cl);
  assertLayeredModel(model, { file: modelPath ?? "the embedded model" });
  const out = stringOption(cl, "out");
  // Check the output folder before the (long) simulation: a file in the way fails now, with a located message.
  const inputs = [modelPath, pilotPath].filter((x): x is string => x !== undefined);
  const outputs = out !== undefined ? checkOutputFolder(out, POWER_FILES, { inputs }) : [];
  const progress = progressLine("power", cl.values.quiet === true);
  const study =
    pilotPath !== undefined
      ? await pilotStudy(cl, model, pilotPath, sizes, simulation, progress)
      : await powerStudy(model, sizes, deltas, given !== undefined, simulation, (d, t) => progress.update(d, t), powerCurve);
  const s = study.settings;
  const panels = s.sims * sizes.length * s.deltas.length + (study.band ? study.band.draws * study.band.sims * sizes.length : 0);
  progress.finish(
    `power: ${panels.toLocaleString("en-US")} simulated panels (${study.band ? `the pilot's estimates and ${study.band.draws} draws of them` : `${s.deltas.length} δ`} × ${sizes.length} panel sizes; ${s.workersUsed} worker${s.workersUsed === 1 ? "" : "s"}, seed ${s.seed})`,
  );
  if (out !== undefined) writePowerFiles(out, outputs, study, model);
  if (cl.values.json === true) {
    io.stdout(resultsJsonText(study));
    return 0;
  }
  io.stdout(powerText(study, model) + (out !== undefined ? `\nWrote power.json, power.csv and power.html to ${out}/` : "") + "\n");
  return 0;
}

/**
 * `power --pilot <survey>`: the generator's parameters estimated from the pilot panel (docs/methods.md §8.6), one
 * curve at the estimates with the command's simulation settings, and the band over the pilot's bootstrap draws.
 */
async function pilotStudy(
  cl: CommandLine,
  model: Model,
  path: string,
  panelSizes: number[],
  simulation: Omit<PowerOptions, "panelSizes" | "delta" | "onProgress">,
  progress: ProgressLine,
): Promise<PowerStudy> {
  const range = rangeOption(cl, "scale", 2, "power");
  if (range && !(range[0] < range[1])) throw new UsageError(`--scale min must be below max, got "${stringOption(cl, "scale")}"`, "power");
  const survey = await readSurveyFile(path, model, { source: path, ...(range ? { scale: { min: range[0], max: range[1] } } : {}) });
  const bootstrap = numberOption(cl, "pilot-bootstrap", "power", { integer: true, min: 2 }) ?? PILOT_DEFAULTS.bootstrap;
  const draws = numberOption(cl, "band-draws", "power", { integer: true, min: 2, max: bootstrap }) ?? Math.min(PILOT_DEFAULTS.bandDraws, bootstrap);
  const bandSims = numberOption(cl, "band-sims", "power", { integer: true, min: 1 }) ?? PILOT_DEFAULTS.bandSims;
  const seed = simulation.seed ?? 1;
  const pilot = pilotEstimate(
    survey.experts.map((e) => e.matrix),
    model,
    { bootstrap, seed, scale: survey.scale },
  );
  const { omega: _omega, ...rest } = simulation;
  const sims = simulation.sims ?? 1000;
  const total = sims + draws * bandSims;
  const curve = await powerCurve(model, {
    panelSizes,
    ...rest,
    ...generatorOptions(pilot.estimates, pilot.scaleMax),
    onProgress: (d) => progress.update(d, total * panelSizes.length),
  });
  const band = await pilotPowerBand(model, pilot, {
    panelSizes,
    draws,
    sims: bandSims,
    seed,
    ...(rest.workers !== undefined ? { workers: rest.workers } : {}),
    ...(rest.significanceLevel !== undefined ? { significanceLevel: rest.significanceLevel } : {}),
    onProgress: (d) => progress.update(sims * panelSizes.length + d, total * panelSizes.length),
  });
  const { delta, ...settings } = curve.settings;
  const summary: PilotSummary = {
    file: path,
    expertCount: pilot.expertCount,
    estimates: pilot.estimates,
    standardErrors: pilot.standardErrors,
    bootstrap: pilot.bootstrap,
    notes: pilot.notes,
  };
  return { settings: { ...settings, deltas: [delta], deltasSource: "--pilot" }, curves: [curve], pilot: summary, band };
}

/** power.json, power.csv and power.html into `out` (their paths `outputs`, from checkOutputFolder): all three or none. */
function writePowerFiles(out: string, outputs: readonly string[], study: PowerStudy, model: Model): void {
  const [jsonPath, csvPath, htmlPath] = outputs;
  const contents: Array<[string, string]> = [
    [jsonPath, resultsJsonText(study)],
    [csvPath, toCsv(powerTableRows(study))],
    [htmlPath, renderPowerReport(study, model, { plotlyJs: plotlyScript(), date: new Date().toISOString() })],
  ];
  mkdirSync(out, { recursive: true });
  // All three or none: a failure while writing leaves no partial output.
  writeFilesAtomic(contents);
}

/** The text output: settings, the K × δ table, the smallest K with 80% power per δ, and the notes. */
function powerText(study: PowerStudy, model: Model): string {
  const { settings: s, curves } = study;
  const heads = curves.map((c) => `δ = ${formatDelta(c.settings.delta)}`);
  const width = Math.max(8, ...heads.map((h) => h.length));
  const row = (first: string, cells: string[]): string => first.padEnd(6) + cells.map((x) => x.padStart(width + 2)).join("");
  const maxMcse = Math.max(...curves.flatMap((c) => c.mcse.filter((m) => Number.isFinite(m))));
  const lines = [
    `Power of the exact trend test (docs/methods.md §8.4): within-layer heterogeneity ω = ${short(s.omega)}${s.omega === POWER_COMMAND_OMEGA && !study.pilot ? " (the command's default; --omega 0 for layers whose components are alike)" : ""}, σ = ${short(s.sigma)}, τ = ${short(s.tau)}, c = ${short(s.c)}, scale 0..${s.scaleMax}, ${s.sims} panels per K and δ, α = ${s.significanceLevel}, seed ${s.seed}`,
    `δ = ${s.deltas.map(short).join(", ")}${s.deltasSource === "--pilot" ? " (the pilot's estimate)" : ""}${s.deltasSource === "command default" ? " (the command's default list, to show where power falls off; the generator's default δ is 0.5, docs/methods.md §8.1; choose with --delta)" : ""}`,
    `Share of panels with p < α (Monte Carlo SE at most ${maxMcse.toFixed(3)}):`,
    row(`  ${"K".padStart(3)}`, heads),
    ...s.panelSizes.map((k, i) =>
      row(
        `  ${String(k).padStart(3)}`,
        curves.map((c) => c.power[i].toFixed(3)),
      ),
    ),
  ];
  lines.push(
    "Smallest K with 80% power: " +
      curves.map((c) => `δ = ${formatDelta(c.settings.delta)}: ${smallestAdequatePanel(c) ?? `none up to ${Math.max(...c.panelSizes)}`}`).join("; ") +
      ".",
  );
  if (study.pilot && study.band) lines.splice(2, lines.length - 2, ...pilotLines(study.pilot, study.band, curves[0]));
  // With a pilot, δ is an estimate, not a planning choice: the notes on δ (saturated, never reaching 80%) give way to the pilot's.
  const notes = study.pilot ? study.pilot.notes : powerNotes(curves, model);
  if (notes.length) lines.push(...notes.map((n) => `Note: ${n}`));
  return lines.join("\n");
}

/** A setting in running text: four significant digits, trailing zeros dropped (0.8 stays 0.8, an estimate 0.43478… reads 0.4348). */
function short(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/** The pilot's estimates and the table of power at them with the band (`power --pilot`). */
function pilotLines(pilot: PilotSummary, band: PilotPowerBand, curve: PowerResult): string[] {
  const e = pilot.estimates;
  const se = pilot.standardErrors;
  const est = (name: string, k: keyof PilotSummary["estimates"]): string => `${name} = ${e[k].toFixed(3)} (SE ${se[k].toFixed(3)})`;
  const pct = Math.round(100 * band.level);
  const adequate = smallestAdequatePanel({ panelSizes: band.panelSizes, power: band.lower });
  return [
    `Pilot ${pilot.file} (${pilot.expertCount} experts; docs/methods.md §8.6): ${[est("δ", "delta"), est("ω", "omega"), est("σ", "sigma"), est("τ", "tau"), est("c", "c")].join(", ")}; SEs from ${pilot.bootstrap.replicates} bootstrap resamples of the experts`,
    `Power at the estimates (Monte Carlo SE at most ${Math.max(...curve.mcse.filter(Number.isFinite)).toFixed(3)}), and the ${pct}% band over ${band.draws} parameter draws from the pilot's resamples (${band.sims} panels each):`,
    `    K   at estimates   band ${pct}%`,
    ...curve.panelSizes.map(
      (k, i) => `  ${String(k).padStart(3)}   ${curve.power[i].toFixed(3).padStart(12)}   ${band.lower[i].toFixed(3)}–${band.upper[i].toFixed(3)}`,
    ),
    `Smallest K with 80% power: ${smallestAdequatePanel(curve) ?? `none up to ${Math.max(...curve.panelSizes)}`} at the estimates; ${adequate ?? `none up to ${Math.max(...band.panelSizes)}`} at the band's lower edge (the ${Math.round((100 * (1 - band.level)) / 2)}th percentile of the draws' power).`,
  ];
}
