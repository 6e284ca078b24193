/**
 * Internal: the synthetic-panel generator of docs/methods.md §8.1 on typed arrays, shared
 * by {@link simulatePanel} (which returns plain matrices) and the power
 * simulation (which must not allocate per panel). Not part of the public API.
 */
import type { Model } from "../types.js";
import type { Random } from "../random.js";
import { layerIndex } from "../model/model.js";

/** Settings of the generative model of docs/methods.md §8.1, all resolved. */
export interface PanelSettings {
  /** Number of experts K. */
  expertCount: number;
  /** Layer effect δ: μ_ij = c + δ·(ℓ(j) − ℓ(i)). */
  delta: number;
  /** Standard deviation σ of each rating's noise ε. */
  sigma: number;
  /** Standard deviation τ of each expert's bias b_k. */
  tau: number;
  /** Mean rating c between components of the same layer. */
  c: number;
  /** Top of the rating scale s (ratings are integers 0..s). */
  scaleMax: number;
  /** Seed of the generator. */
  seed: number;
}

/** Options shared by the panel generator and the power simulation (all optional; defaults of docs/methods.md §8.1). */
export interface PanelOptions {
  /** Number of experts K (default 14, like the paper's panel). */
  expertCount?: number;
  /** Layer effect δ (default 0.5); δ = 0 is the null (no layer structure). */
  delta?: number;
  /** Noise standard deviation σ of each rating (default 0.8). */
  sigma?: number;
  /** Standard deviation τ of each expert's overall bias (default 0.3). */
  tau?: number;
  /** Mean rating c between components of the same layer (default 2, the middle of a 0–4 scale). */
  c?: number;
  /** Top of the integer rating scale s (default 4). */
  scaleMax?: number;
  /** Seed of the generator (default 1). */
  seed?: number;
}

/** Defaults of docs/methods.md §8.1. */
export const PANEL_DEFAULTS: Readonly<PanelSettings> = Object.freeze({ expertCount: 14, delta: 0.5, sigma: 0.8, tau: 0.3, c: 2, scaleMax: 4, seed: 1 });

/** Validate options and fill in defaults. @throws {RangeError}/{TypeError} on misuse. */
export function resolvePanelSettings(options: PanelOptions, what = "simulatePanel"): PanelSettings {
  const s: PanelSettings = { ...PANEL_DEFAULTS };
  for (const key of Object.keys(PANEL_DEFAULTS) as Array<keyof PanelSettings>) {
    const v = options[key];
    if (v === undefined) continue;
    if (typeof v !== "number" || !Number.isFinite(v)) throw new TypeError(`${what}: ${key} must be a finite number, got ${String(v)}`);
    s[key] = v;
  }
  if (!Number.isInteger(s.expertCount) || s.expertCount < 1) throw new RangeError(`${what}: expertCount must be a positive integer, got ${s.expertCount}`);
  if (s.sigma < 0) throw new RangeError(`${what}: sigma must be ≥ 0, got ${s.sigma}`);
  if (s.tau < 0) throw new RangeError(`${what}: tau must be ≥ 0, got ${s.tau}`);
  if (!Number.isInteger(s.scaleMax) || s.scaleMax < 1) throw new RangeError(`${what}: scaleMax must be a positive integer, got ${s.scaleMax}`);
  if (!Number.isInteger(s.seed)) throw new TypeError(`${what}: seed must be an integer, got ${s.seed}`);
  return s;
}

/**
 * 1-based layer position ℓ of each component, in model order. A component in
 * no layer gets the middle of the layer scale, (L + 1)/2, so it is neither a
 * driver nor a receiver on average; a model without layers gives every
 * component the same ℓ (μ_ij = c everywhere).
 */
export function layerPositions(model: Model): Float64Array {
  const L = model.layers?.length ?? 0;
  // layerIndex refuses a model without layers; then every component takes the middle, (0 + 1)/2.
  const layerOf = L > 0 ? layerIndex(model) : model.components.map(() => -1);
  return Float64Array.from(layerOf, (l) => (l >= 0 ? l + 1 : (L + 1) / 2));
}

/** μ_ij = c + δ·(ℓ(j) − ℓ(i)) off the diagonal, 0 on it (row-major n×n). */
export function panelMeans(model: Model, delta: number, c: number): Float64Array {
  return meansFromPositions(layerPositions(model), delta, c);
}

/** μ_ij = c + δ·(p_j − p_i) off the diagonal, 0 on it (row-major n×n), for any component positions p. */
export function meansFromPositions(pos: Float64Array, delta: number, c: number): Float64Array {
  const n = pos.length;
  const mu = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) mu[i * n + j] = i === j ? 0 : c + delta * (pos[j] - pos[i]);
  return mu;
}

/**
 * Draw K experts' ratings into `out` (K·n·n, expert-major then row-major).
 * Draw order, which defines reproducibility: for each expert k = 1..K, first
 * b_k = τ·z, then for each cell i = 1..n, j = 1..n with i ≠ j (row by row)
 * ε = σ·z, each z one `rng.normal()`; the bias is drawn even when τ = 0 and the
 * noise even when σ = 0, so changing τ, σ, δ or c never shifts the stream.
 * x = round(clip(μ_ij + b_k + ε, 0, s)) with `Math.round` (halves round up).
 * Allocates nothing.
 */
export function drawRatings(mu: Float64Array, n: number, K: number, sigma: number, tau: number, scaleMax: number, rng: Random, out: Float64Array): void {
  const nn = n * n;
  for (let k = 0; k < K; k++) {
    const b = tau * rng.normal();
    const base = k * nn;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) {
          out[base + i * n + j] = 0;
          continue;
        }
        let x = mu[i * n + j] + b + sigma * rng.normal();
        if (x < 0) x = 0;
        else if (x > scaleMax) x = scaleMax;
        out[base + i * n + j] = Math.round(x);
      }
    }
  }
}
