import type { Model } from "../types.js";
import { quantileType7 } from "../stats/quantileType7.js";
import { powerCurve, type PowerOptions } from "./powerCurve.js";
import type { PilotEstimate, PilotParameters } from "./pilotEstimate.js";

/** Options of {@link pilotPowerBand}. */
export interface PilotPowerBandOptions extends Pick<PowerOptions, "panelSizes" | "significanceLevel" | "seed" | "workers"> {
  /** Parameter draws: the first `draws` bootstrap replicates of the pilot (default 40). */
  draws?: number;
  /** Simulated panels per panel size and draw (default 200). */
  sims?: number;
  /** Coverage of the band: its edges are the (1 ∓ level)/2 quantiles over the draws (default 0.8). */
  level?: number;
  /** Called with (simulations done, total) across all draws. */
  onProgress?: (done: number, total: number) => void;
}

/** The spread of the power curve over the pilot's parameter uncertainty. */
export interface PilotPowerBand {
  panelSizes: number[];
  /** Pointwise quantiles over the draws: lower edge, median, upper edge. */
  lower: number[];
  median: number[];
  upper: number[];
  level: number;
  draws: number;
  sims: number;
  /** Each draw's parameters and power curve, in draw order. */
  curves: Array<{ parameters: PilotParameters; power: number[] }>;
}

/**
 * Power with the pilot's uncertainty carried into the curve (docs/methods.md §8.6): for each of the first `draws`
 * bootstrap replicates of {@link pilotEstimate}, a power curve with that replicate's δ, ω, σ, τ and c, every draw
 * with the same seed (common random numbers, so the band shows parameter uncertainty, not seed noise); the band is
 * the pointwise (1 − level)/2 and (1 + level)/2 quantiles (R type 7) over the draws. Each point also carries the
 * Monte Carlo error of `sims` panels (at most 0.5/√sims), which widens the band slightly.
 * @throws {RangeError} when draws exceeds the pilot's bootstrap replicates or an option is invalid.
 * @example
 * const band = await pilotPowerBand(defaultModel(), pilotEstimate(matrices, defaultModel()), { draws: 20 });
 */
export async function pilotPowerBand(model: Model, pilot: PilotEstimate, options: PilotPowerBandOptions = {}): Promise<PilotPowerBand> {
  const { draws = 40, sims = 200, level = 0.8, onProgress, ...rest } = options;
  if (!Number.isInteger(draws) || draws < 2 || draws > pilot.replicates.length)
    throw new RangeError(`pilotPowerBand: draws must be an integer from 2 to the pilot's ${pilot.replicates.length} bootstrap replicates, got ${draws}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`pilotPowerBand: level must lie strictly between 0 and 1, got ${level}`);
  const curves: PilotPowerBand["curves"] = [];
  let panelSizes: number[] = [];
  for (let d = 0; d < draws; d++) {
    const parameters = pilot.replicates[d];
    const curve = await powerCurve(model, {
      ...rest,
      ...generatorOptions(parameters, pilot.scaleMax),
      sims,
      onProgress: onProgress && ((done, t) => onProgress(d * t + done, t * draws)),
    });
    panelSizes = curve.panelSizes;
    curves.push({ parameters, power: curve.power });
  }
  const at = (p: number): number[] => panelSizes.map((_, i) => quantileType7(Float64Array.from(curves, (c) => c.power[i]).sort(), p));
  return { panelSizes, lower: at((1 - level) / 2), median: at(0.5), upper: at((1 + level) / 2), level, draws, sims, curves };
}

/** The generator's options for one parameter set: c clipped into the scale, every spread ≥ 0. */
export function generatorOptions(p: PilotParameters, scaleMax: number): Pick<PowerOptions, "delta" | "omega" | "sigma" | "tau" | "c" | "scaleMax"> {
  return { delta: p.delta, omega: Math.max(0, p.omega), sigma: p.sigma, tau: p.tau, c: Math.min(scaleMax, Math.max(0, p.c)), scaleMax };
}
