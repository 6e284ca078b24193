import type { PowerOptions } from "../simulate/powerCurveCore.js";
import { UsageError } from "./usageError.js";
import { WORKERS_RANGE, numberOption, rangeOption, stringOption, type CommandLine } from "./optionReaders.js";

/**
 * The command's default list of layer effects δ: chosen by measurement
 * (1,000 panels per K, CXM model, ω = 0.3, σ = 0.8, τ = 0.3): power at K = 5 and K = 40
 * is about 0.22 → 0.77 for δ = 0.025, 0.54 → 0.995 for δ = 0.05 and 0.94 → 1.00
 * for δ = 0.1, so the default run shows where power falls off; δ = 0.5, the
 * generator's default (docs/methods.md §8.1, and `powerCurve`'s), is kept as the reference: it is detected by
 * every panel size, which the output says in plain words.
 */
export const POWER_COMMAND_DELTAS: readonly number[] = [0.025, 0.05, 0.1, 0.5];

/**
 * The command's default within-layer heterogeneity ω = 0.3 layer units (docs/methods.md §8.1, §8.5):
 * components of one layer differ, as in real panels, so that a component sits beyond the middle
 * between its layer and the next in about 5% of simulated populations (P(z > 0.5/0.3) ≈ 0.05) — the
 * same ω as the embedded example panel. With ω = 0 (`--omega 0`, and `powerCurve`'s default) every
 * population is perfectly ordered and power tends to 1 with K for any δ > 0; with ω > 0 it levels off
 * at the share of populations whose own ordering the test can detect.
 */
export const POWER_COMMAND_OMEGA = 0.3;

/** The options of `power` that shape the curves (the pilot's and the output's aside), read by {@link powerOptions}. */
export const POWER_FORM_OPTIONS = ["experts", "delta", "omega", "sigma", "tau", "sims", "alpha", "seed"] as const;

/** `--delta 0.05,0.1,0.2`: finite numbers, comma-separated, no repeats, at most 10. */
export function deltaList(raw: string | undefined): number[] | undefined {
  if (raw === undefined) return undefined;
  const parts = raw.split(",").map((x) => x.trim());
  const values = parts.map(Number);
  if (parts.some((p) => p === "") || values.some((x) => !Number.isFinite(x)))
    throw new UsageError(`--delta must be a number or a comma-separated list of numbers (e.g. 0.05,0.1,0.5), got "${raw}"`, "power");
  const seen = new Set<number>();
  for (const d of values) {
    if (seen.has(d)) throw new UsageError(`--delta lists ${d} twice`, "power");
    seen.add(d);
  }
  if (values.length > 10) throw new UsageError(`--delta lists ${values.length} values; use at most 10`, "power");
  return values;
}

/** `--experts from:to:step` (default 5:40:5) as the list of panel sizes K. */
export function panelSizes(cl: CommandLine): number[] {
  const range = rangeOption(cl, "experts", 3, "power") ?? [5, 40, 5];
  const [from, to, step = 5] = range;
  if (!range.every(Number.isInteger) || from < 2 || to < from || step < 1)
    throw new UsageError(`--experts needs integers from:to:step with 2 ≤ from ≤ to and step ≥ 1, got "${stringOption(cl, "experts")}"`, "power");
  const sizes: number[] = [];
  for (let k = from; k <= to; k += step) sizes.push(k);
  if (sizes.length > 200) throw new UsageError(`--experts gives ${sizes.length} panel sizes; use at most 200`, "power");
  return sizes;
}

/**
 * The simulation settings given on the command line (--omega, --sigma, --tau, --sims, --alpha, --seed, --workers);
 * ω defaults to {@link POWER_COMMAND_OMEGA}, the others, when not given, are left out, so powerCurve's defaults apply.
 */
export function simulationOptions(cl: CommandLine): Omit<PowerOptions, "panelSizes" | "delta" | "onProgress"> {
  const omega = numberOption(cl, "omega", "power", { min: 0 }) ?? POWER_COMMAND_OMEGA;
  const sigma = numberOption(cl, "sigma", "power", { min: 0 });
  const tau = numberOption(cl, "tau", "power", { min: 0 });
  const sims = numberOption(cl, "sims", "power", { integer: true, min: 1 });
  const significanceLevel = numberOption(cl, "alpha", "power", { min: 0, max: 1, minExclusive: true });
  const seed = numberOption(cl, "seed", "power", { integer: true });
  const workers = numberOption(cl, "workers", "power", WORKERS_RANGE);
  return {
    omega,
    ...(sigma !== undefined ? { sigma } : {}),
    ...(tau !== undefined ? { tau } : {}),
    ...(sims !== undefined ? { sims } : {}),
    ...(significanceLevel !== undefined ? { significanceLevel } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(workers !== undefined ? { workers } : {}),
  };
}
