import type { Matrix, Model } from "../types.js";
import { createRandom } from "../random.js";
import { layerPositions } from "./panelDraw.js";

/** The generator's parameters (docs/methods.md §8.1) as a pilot panel estimates them. */
export interface PilotParameters {
  /** Mean rating c, on the generator's 0-based scale (the survey's minimum subtracted). */
  c: number;
  /** Layer effect δ: rating points per layer step. */
  delta: number;
  /** Within-layer heterogeneity ω, in layer units (0 when δ̂ ≤ 0, where it is not identified). */
  omega: number;
  /** Rating noise σ (latent, before rounding). */
  sigma: number;
  /** Expert-bias standard deviation τ. */
  tau: number;
}

/** Options of {@link pilotEstimate}. */
export interface PilotEstimateOptions {
  /** Bootstrap replicates over experts for the standard errors and the band's draws (default 1,000). */
  bootstrap?: number;
  /** Seed of the bootstrap (default 1). */
  seed?: number;
  /** The survey's rating scale (default 0..4); the generator's scale is 0..(max − min). */
  scale?: { min: number; max: number };
}

/** Outcome of {@link pilotEstimate}. */
export interface PilotEstimate {
  expertCount: number;
  componentCount: number;
  /** The generator's scale top, max − min of the survey's scale. */
  scaleMax: number;
  /** Whether every rating is an integer, so that Sheppard's correction 1/12 was subtracted from the noise variance. */
  integerRatings: boolean;
  estimates: PilotParameters;
  /** Bootstrap-over-experts standard errors of the estimates. */
  standardErrors: PilotParameters;
  bootstrap: { replicates: number; seed: number };
  /** Every bootstrap replicate's estimates, in replicate order (the power band draws from them). */
  replicates: PilotParameters[];
  /** Plain-words caveats: too few experts, δ̂ ≤ 0, parameters at a bound. */
  notes: string[];
}

/** A pilot's ratings flattened once: off-diagonal cells of each expert, and per-expert sums. */
interface PilotData {
  K: number;
  n: number;
  m: number;
  /** K × m off-diagonal ratings (row-major per expert), minus the scale's minimum. */
  x: Float64Array;
  /** Per expert: the mean and the sum of squares of its m ratings. */
  mean: Float64Array;
  sumSq: Float64Array;
  /** The centred 1-based layer positions ℓ − ℓ̄ and Σ(ℓ − ℓ̄)². */
  layer: Float64Array;
  layerSS: number;
  integer: boolean;
}

/** Work buffers of one estimate, allocated once and reused by every replicate. */
interface Buffers {
  cell: Float64Array;
  q: Float64Array;
}

/**
 * Moment estimates of the generator's parameters from a pilot panel, with bootstrap-over-experts standard
 * errors (docs/methods.md §8.6). With x^k_ij the ratings (off the diagonal, m = n(n − 1) cells):
 * σ̂² from the two-way (expert × cell) residual mean square minus Sheppard's 1/12 for integer ratings; τ̂² from the
 * variance of the experts' mean ratings minus its noise part (so the bias is not counted twice); δ̂ as the slope
 * of the components' net positions q̂_j = mean_i (x̄_ij − x̄_ji)/2 on their layers; ω̂ from the residual spread
 * of q̂ around that line minus its noise part, divided by δ̂; ĉ the grand mean. Rounding and clipping at the
 * ends of the scale are otherwise ignored, which attenuates δ̂ slightly (measured in `tests/pilotEstimate.test.ts`).
 * @param matrices the pilot experts' n×n rating matrices (diagonal ignored), in model order.
 * @param model a model with layers (components in no layer take the middle position, as the generator does).
 * @throws {RangeError} with fewer than 2 experts or 3 components, or matrices that do not match the model.
 * @example
 * const pilot = pilotEstimate(survey.experts.map((e) => e.matrix), defaultModel(), { seed: 1 });
 * pilot.estimates.delta; // rating points per layer step
 */
export function pilotEstimate(matrices: readonly Matrix[], model: Model, options: PilotEstimateOptions = {}): PilotEstimate {
  const { bootstrap = 1000, seed = 1, scale = { min: 0, max: 4 } } = options;
  if (!Number.isInteger(bootstrap) || bootstrap < 2) throw new RangeError(`pilotEstimate: bootstrap must be an integer ≥ 2, got ${bootstrap}`);
  const data = pilotData(matrices, model, scale.min);
  const buffers: Buffers = { cell: new Float64Array(data.m), q: new Float64Array(data.n) };
  const all = Int32Array.from({ length: data.K }, (_, k) => k);
  const estimates = pilotMoments(data, all, buffers);
  const rng = createRandom(seed);
  const pick = new Int32Array(data.K);
  const replicates: PilotParameters[] = [];
  for (let b = 0; b < bootstrap; b++) {
    for (let k = 0; k < data.K; k++) pick[k] = Math.floor(rng.next() * data.K);
    replicates.push(pilotMoments(data, pick, buffers));
  }
  const errors = standardErrors(replicates);
  return {
    expertCount: data.K,
    componentCount: data.n,
    scaleMax: scale.max - scale.min,
    integerRatings: data.integer,
    estimates,
    standardErrors: errors,
    bootstrap: { replicates: bootstrap, seed },
    replicates,
    notes: pilotNotes(data.K, estimates, errors),
  };
}

/** The pilot's ratings as {@link PilotData}, checked against the model. */
function pilotData(matrices: readonly Matrix[], model: Model, min: number): PilotData {
  const K = matrices.length;
  const n = model.components.length;
  if (K < 2) throw new RangeError(`pilotEstimate: a pilot needs at least 2 experts, got ${K}`);
  if (n < 3) throw new RangeError(`pilotEstimate: the model needs at least 3 components, got ${n}`);
  const m = n * (n - 1);
  const x = new Float64Array(K * m);
  const mean = new Float64Array(K);
  const sumSq = new Float64Array(K);
  let integer = true;
  matrices.forEach((a, k) => {
    if (a.length !== n || a.some((row) => row.length !== n)) throw new RangeError(`pilotEstimate: expert ${k + 1}'s matrix is not ${n}×${n}`);
    let c = k * m;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const v = a[i][j] - min;
        if (!Number.isInteger(v)) integer = false;
        x[c++] = v;
        mean[k] += v / m;
        sumSq[k] += v * v;
      }
  });
  const pos = layerPositions(model);
  const bar = pos.reduce((s, v) => s + v, 0) / n;
  const layer = pos.map((v) => v - bar);
  const layerSS = layer.reduce((s, v) => s + v * v, 0);
  if (layerSS === 0) throw new RangeError("pilotEstimate: every component has the same layer position; δ is not identified");
  return { K, n, m, x, mean, sumSq, layer, layerSS, integer };
}

/** The moment estimates from the experts `pick` (indices into the pilot, repeats allowed). */
function pilotMoments(d: PilotData, pick: Int32Array, buf: Buffers): PilotParameters {
  const { K, m, x } = d;
  const { cell, q } = buf;
  cell.fill(0);
  let sumSq = 0;
  let sumMean = 0;
  let sumMeanSq = 0;
  for (let t = 0; t < K; t++) {
    const k = pick[t];
    const base = k * m;
    for (let c = 0; c < m; c++) cell[c] += x[base + c];
    sumSq += d.sumSq[k];
    sumMean += d.mean[k];
    sumMeanSq += d.mean[k] * d.mean[k];
  }
  let cellSq = 0;
  for (let c = 0; c < m; c++) {
    cell[c] /= K;
    cellSq += cell[c] * cell[c];
  }
  const grand = sumMean / K;
  // Two-way decomposition: Σ_k Σ_c (x − x̄_c − x̄_k + x̄)² = Σx² − K Σ x̄_c² − m Σ x̄_k² + K m x̄².
  const residualSS = sumSq - K * cellSq - m * sumMeanSq + K * m * grand * grand;
  const noiseVar = Math.max(0, residualSS / ((K - 1) * (m - 1)));
  const sigma2 = Math.max(0, noiseVar - (d.integer ? 1 / 12 : 0));
  const expertVar = (sumMeanSq - K * grand * grand) / (K - 1);
  const tau2 = Math.max(0, expertVar - noiseVar / m);
  const { delta, omega } = layerEffect(d, cell, q, noiseVar);
  return { c: grand, delta, omega, sigma: Math.sqrt(sigma2), tau: Math.sqrt(tau2) };
}

/**
 * δ̂ and ω̂ from the cell means: q̂_j = (1/n) Σ_i (x̄_ij − x̄_ji)/2 estimates δ·(p_j − p̄), free of the experts' biases;
 * δ̂ is its least-squares slope on ℓ − ℓ̄, and ω̂² = (RSS/(n − 2) − v)/δ̂², v = σ̃²/(2Kn): the noise of q̂ has covariance
 * v·(I − 11ᵀ/n) (each (x̄_ij − x̄_ji)/2 has variance σ̃²/(2K), σ̃² the rounded ratings' noise variance), so v per
 * residual degree of freedom.
 */
function layerEffect(d: PilotData, cell: Float64Array, q: Float64Array, noiseVar: number): { delta: number; omega: number } {
  const { n, K, layer } = d;
  q.fill(0);
  // cell index of (i, j), i ≠ j, row-major without the diagonal: i·(n − 1) + (j < i ? j : j − 1).
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const a = (cell[i * (n - 1) + (j < i ? j : j - 1)] - cell[j * (n - 1) + (i < j ? i : i - 1)]) / 2;
      q[j] += a / n;
    }
  let sxy = 0;
  for (let j = 0; j < n; j++) sxy += layer[j] * q[j];
  const delta = sxy / d.layerSS;
  let rss = 0;
  for (let j = 0; j < n; j++) rss += (q[j] - delta * layer[j]) ** 2;
  const spread = rss / (n - 2) - noiseVar / (2 * K * n);
  const omega = delta > 0 && spread > 0 ? Math.sqrt(spread) / delta : 0;
  return { delta, omega };
}

/** Standard deviation (n − 1) of each parameter over the replicates. */
function standardErrors(reps: readonly PilotParameters[]): PilotParameters {
  const sd = (key: keyof PilotParameters): number => {
    const mean = reps.reduce((s, r) => s + r[key], 0) / reps.length;
    return Math.sqrt(reps.reduce((s, r) => s + (r[key] - mean) ** 2, 0) / (reps.length - 1));
  };
  return { c: sd("c"), delta: sd("delta"), omega: sd("omega"), sigma: sd("sigma"), tau: sd("tau") };
}

/** Caveats a planner should read next to the estimates. */
function pilotNotes(K: number, e: PilotParameters, se: PilotParameters): string[] {
  const notes: string[] = [];
  if (K < 5) notes.push(`a pilot of ${K} experts gives very uncertain estimates; the band shows how uncertain`);
  if (e.delta <= 0)
    notes.push(
      `the pilot shows no layer effect in the proposed direction (δ̂ = ${e.delta.toFixed(3)} ≤ 0): ω is not identified (set to 0) and the power at δ̂ is at most the test's size`,
    );
  else if (e.delta < 2 * se.delta)
    notes.push(
      `δ̂ = ${e.delta.toFixed(3)} is within two standard errors (${se.delta.toFixed(3)}) of 0: ω̂ (a spread divided by δ̂) is then poorly identified and the curve at the estimates is a guess; read the band`,
    );
  if (e.tau === 0) notes.push("the experts' mean ratings vary no more than their noise explains: τ̂ = 0");
  return notes;
}
