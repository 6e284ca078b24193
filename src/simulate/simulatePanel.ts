import type { Matrix, Model } from "../types.js";
import { createRandom } from "../random.js";
import { drawRatings, meansFromPositions, resolvePanelSettings, type PanelOptions } from "./panelDraw.js";
import { componentPositions, type PositionOptions } from "./componentPositions.js";

/**
 * Options of {@link simulatePanel}: expertCount K (default 14), delta δ (0.5),
 * sigma σ (0.8), tau τ (0.3), c (2), scaleMax s (4), seed (1) — the defaults
 * of docs/methods.md §8.1, documented field by field on the shared generator options —
 * and what makes a panel look like a real one (§8.1, all off by default): within-layer
 * heterogeneity ω and fixed position shifts of single components ({@link PositionOptions}),
 * and dissenting experts.
 */
export interface SimulatePanelOptions extends PanelOptions, PositionOptions {
  /**
   * Number of dissenting experts (default 0): the last ones of the panel, who see the layering
   * the other way round (their ratings have mean c + δ'·(p_j − p_i) with δ' = `dissenterDelta`, default −δ). Their draws take the same
   * place in the stream as any expert's.
   */
  dissenterCount?: number;
  /** The dissenters' layer effect (default −δ, the layering the other way round). */
  dissenterDelta?: number;
}

/**
 * Simulate a panel of K experts' direct-influence matrices under the
 * generative model of docs/methods.md §8.1 (this project's own definition): for i ≠ j,
 * μ_ij = c + δ·(ℓ(j) − ℓ(i)), with ℓ the 1-based layer (1 = outermost), and
 * expert k rates x^k_ij = round(clip(μ_ij + b_k + ε^k_ij, 0, s)) with bias
 * b_k ~ N(0, τ²) and noise ε ~ N(0, σ²); the diagonal is 0.
 *
 * Sign: with δ > 0 a component i in an outer layer rates its influence on an
 * inner component j (ℓ(j) > ℓ(i)) above c, so outer components give more than
 * they receive — positive relation D − R — which is what the model predicts
 * (docs/methods.md §5.1: outer layers drive inner ones).
 *
 * A component in no layer gets ℓ = (L + 1)/2, the middle of the layer scale;
 * a model without layers gives μ_ij = c everywhere.
 *
 * Realistic panels (all off by default, so the defaults give the panels of
 * earlier versions exactly): ℓ is replaced by the position p_i of
 * {@link componentPositions} (ℓ plus a fixed shift plus ω·z_i, from a stream of
 * its own), and the last `dissenterCount` experts rate with mean c + δ'·(p_j − p_i),
 * δ' = `dissenterDelta` (default −δ).
 *
 * Reproducibility: numbers come from `createRandom(seed)` in this order: for
 * each expert k = 1..K, its bias (one normal deviate), then the noise of each
 * off-diagonal cell row by row (one normal deviate each). Bias and noise are
 * drawn even when τ or σ is 0, so changing δ, c, σ or τ with the same seed
 * reuses the same deviates (common random numbers). Rounding is `Math.round`.
 *
 * @param model the model whose layers define ℓ.
 * @returns K matrices n×n of integers 0..s, in model component order.
 * @throws {RangeError} when expertCount or scaleMax is not a positive integer or σ, τ < 0.
 * @throws {TypeError} when an option is not a finite number or the seed is not an integer.
 * @example
 * const panel = simulatePanel(defaultModel(), { expertCount: 14, delta: 0.5, seed: 7 });
 * panel.length; // 14
 */
export function simulatePanel(model: Model, options: SimulatePanelOptions = {}): Matrix[] {
  const s = resolvePanelSettings(options);
  const n = model.components.length;
  if (n === 0) throw new RangeError("simulatePanel: the model has no components");
  const dissenters = options.dissenterCount ?? 0;
  if (!Number.isInteger(dissenters) || dissenters < 0 || dissenters > s.expertCount)
    throw new RangeError(`simulatePanel: dissenterCount must be an integer from 0 to expertCount (${s.expertCount}), got ${String(dissenters)}`);
  const dissenterDelta = options.dissenterDelta ?? -s.delta;
  if (typeof dissenterDelta !== "number" || !Number.isFinite(dissenterDelta))
    throw new TypeError(`simulatePanel: dissenterDelta must be a finite number, got ${String(dissenterDelta)}`);
  const pos = componentPositions(model, options, s.seed);
  const agreeing = s.expertCount - dissenters;
  const flat = new Float64Array(s.expertCount * n * n);
  const rng = createRandom(s.seed);
  drawRatings(meansFromPositions(pos, s.delta, s.c), n, agreeing, s.sigma, s.tau, s.scaleMax, rng, flat);
  if (dissenters > 0)
    drawRatings(meansFromPositions(pos, dissenterDelta, s.c), n, dissenters, s.sigma, s.tau, s.scaleMax, rng, flat.subarray(agreeing * n * n));
  const panel: Matrix[] = [];
  for (let k = 0; k < s.expertCount; k++) {
    const m: Matrix = [];
    for (let i = 0; i < n; i++) m.push(Array.from(flat.subarray(k * n * n + i * n, k * n * n + (i + 1) * n)));
    panel.push(m);
  }
  return panel;
}
