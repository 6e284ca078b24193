/**
 * Internal: DEMATEL's D, R, prominence, relation and the layer statistics
 * S_trend and S_flow (docs/methods.md §2.8, §5.2, §5.3) for many direct matrices in a row, on
 * preallocated typed arrays, allocating nothing per call. Used by the
 * bootstrap over experts and by the power simulation. Not part of the public
 * API: the public, checked path is `dematel()` and the layers module.
 *
 * It never forms T. With M = I − N factorised once (LU with partial
 * pivoting), and T = N (I − N)⁻¹ = (I − N)⁻¹ − I:
 * - D = T·1 = z − 1 where M z = 1;
 * - R = Tᵀ·1 = y − 1 where Mᵀ y = 1;
 * - the layer-block sums Σ_{i∈Lp, j∈Lq} t_ij = 1_pᵀ T 1_q come from
 *   u_q = M⁻¹ 1_q (one solve per layer q; T 1_q = u_q − 1_q), and z = Σ_q u_q
 *   (plus one more solve for the components in no layer, if any).
 * Normalisation: N = A/(λ + ε) with λ by the chosen rule and ε the kernel's
 * `epsilon` (docs/methods.md §2.2, as `normalize`); N is unchanged when A and ε are
 * both multiplied by the same c > 0, so callers may fill `direct` with c·A
 * and set `epsilon` to c·ε (the bootstrap skips the division by Σw that way).
 * Feasibility: for a non-negative N, ρ(N) < 1 exactly when M z = 1 has a
 * solution z ≥ 1 (then z = Σ_k N^k 1); ‖M⁻¹‖∞ = max z ≥ 1/(1 − ρ). A call fails
 * (returns false) when there is nothing to normalise (`normalizerOf` gives NaN:
 * an entry is negative, or every sum is 0, where `normalize` throws), the LU pivot
 * is below 1e-14 relative, any z or y is below 1 − 1e-9 or not finite, or
 * max z ≥ 1e10 (ρ within about 1e-10 of 1, where `totalRelation` refuses too).
 *
 * `run` is split into the steps below, each a module function over the
 * kernel's preallocated state: nothing is allocated per replicate. The layer
 * solves (`luSolveFour`, four layers at once) give the same doubles as one
 * `luSolve` per layer, bit for bit.
 */
import { luSolve, luSolveTransposed } from "../linalg/linalg.js";
import { luFactor } from "../linalg/luFactor.js";
import { luSolveFour } from "../linalg/luSolveFour.js";
import { assertNormalizationMethod, type NormalizationMethod, normalizerOf } from "./normalizerOf.js";
import { createTauB, type TauB } from "../stats/tauB.js";

/** Reusable DEMATEL evaluator for one size n and one layer assignment. */
export interface DematelKernel {
  readonly n: number;
  /** Number of layers L. */
  readonly layers: number;
  /** Input: the direct matrix A, row-major n×n, or any positive multiple c·A of it (then set `epsilon` to c·ε); fill it, then call `run`. */
  readonly direct: Float64Array;
  /** Input: ε added to λ on the next `run` (N = A/(λ + ε)); c·ε when `direct` holds c·A. Starts at the `epsilon` argument. */
  epsilon: number;
  /** Outputs of the last successful `run`. */
  readonly given: Float64Array;
  readonly received: Float64Array;
  readonly prominence: Float64Array;
  readonly relation: Float64Array;
  /** Mean relation per layer (outer → inner). */
  readonly layerMeans: Float64Array;
  /** S_trend = −τ_b(ℓ, relation) over layered components (NaN when undefined: fewer than two layers or all relations tied). */
  trend: number;
  /** S_flow (NaN when no influence crosses layers). */
  flow: number;
  /** True when the layer means of relation strictly decrease outer → inner. */
  layerMeansDecrease: boolean;
  /** Evaluate `direct`; false when no total-relation matrix exists (see the file comment). */
  run(): boolean;
}

/**
 * Make a kernel. `layerOf[i]` is component i's 0-based layer or −1 (as
 * `layerIndex(model)` gives); `epsilon` (default 0) is the kernel's initial ε.
 */
export function createDematelKernel(layerOf: readonly number[], normalization: NormalizationMethod = "max", epsilon = 0): DematelKernel {
  assertNormalizationMethod(normalization);
  if (!Number.isFinite(epsilon) || epsilon < 0) throw new RangeError(`epsilon must be a finite non-negative number, got ${epsilon}`);
  const s = allocateKernel(layerOf, normalization);
  const kernel: DematelKernel = {
    n: s.n,
    layers: s.L,
    direct: s.direct,
    epsilon,
    given: s.given,
    received: s.received,
    prominence: s.prominence,
    relation: s.relation,
    layerMeans: s.layerMeans,
    trend: NaN,
    flow: NaN,
    layerMeansDecrease: false,
    run(): boolean {
      // Per replicate: module functions over the preallocated state, no closure or array made.
      if (!factorNormalized(s, kernel.epsilon)) return false;
      if (!solveGivenReceived(s)) return false;
      kernel.flow = flowOf(s);
      kernel.trend = trendOf(s);
      kernel.layerMeansDecrease = fillLayerMeans(s);
      return true;
    },
  };
  return kernel;
}

/** A kernel's fixed layer structure and preallocated working memory. */
interface KernelState {
  n: number;
  /** Number of layers. */
  L: number;
  /** Number of components in no layer. */
  unlayered: number;
  normalization: NormalizationMethod;
  /** Layer of each component (−1: none), its size per layer, the layered components' indexes. */
  layerIdx: Int32Array;
  layerSize: Float64Array;
  layered: Int32Array;
  /** τ_b with x = the layered components' layers, fixed. */
  tau: TauB;
  direct: Float64Array;
  /** LU factors of M = I − N (n×n) and the row permutation. */
  lu: Float64Array;
  piv: Int32Array;
  work: Float64Array;
  u: Float64Array;
  /** Four layers' right-hand sides and solutions at once (n×4), and scratch for them. */
  u4: Float64Array;
  work4: Float64Array;
  z: Float64Array;
  y: Float64Array;
  /** Layer-block sums of (I − N)⁻¹, L×L. */
  block: Float64Array;
  given: Float64Array;
  received: Float64Array;
  prominence: Float64Array;
  relation: Float64Array;
  layerMeans: Float64Array;
}

/** Check `layerOf` and allocate every buffer a kernel needs, once. */
function allocateKernel(layerOf: readonly number[], normalization: NormalizationMethod): KernelState {
  const n = layerOf.length;
  let L = 0;
  let unlayered = 0;
  for (const l of layerOf) {
    if (!Number.isInteger(l) || l < -1) throw new RangeError(`layer index must be an integer ≥ −1, got ${l}`);
    if (l + 1 > L) L = l + 1;
    if (l < 0) unlayered++;
  }
  const layerSize = new Float64Array(L);
  for (const l of layerOf) if (l >= 0) layerSize[l]++;
  const layered = Int32Array.from(layerOf.map((l, i) => (l >= 0 ? i : -1)).filter((i) => i >= 0));
  const tau: TauB = createTauB(layered.length);
  for (let a = 0; a < layered.length; a++) tau.x[a] = layerOf[layered[a]];
  tau.fixX();
  return {
    n,
    L,
    unlayered,
    normalization,
    layerIdx: Int32Array.from(layerOf),
    layerSize,
    layered,
    tau,
    direct: new Float64Array(n * n),
    lu: new Float64Array(n * n),
    piv: new Int32Array(n),
    work: new Float64Array(n),
    u: new Float64Array(n),
    u4: new Float64Array(4 * n),
    work4: new Float64Array(4 * n),
    z: new Float64Array(n),
    y: new Float64Array(n),
    block: new Float64Array(Math.max(1, L * L)),
    given: new Float64Array(n),
    received: new Float64Array(n),
    prominence: new Float64Array(n),
    relation: new Float64Array(n),
    layerMeans: new Float64Array(L),
  };
}

/** M = I − A/(λ + ε) into `lu`, factorised; false when there is nothing to normalise or M is (nearly) singular. */
function factorNormalized(s: KernelState, epsilon: number): boolean {
  const { n, direct, lu } = s;
  const lambda = normalizerOf(direct, n, s.normalization, epsilon);
  if (!(lambda > 0) || !Number.isFinite(lambda)) return false;
  const inv = 1 / lambda;
  for (let k = 0; k < n * n; k++) lu[k] = -direct[k] * inv;
  for (let i = 0; i < n; i++) lu[i * n + i] += 1;
  return luFactor(lu, n, s.piv) >= 1e-14;
}

/**
 * The solves: u_q = M⁻¹ 1_q per layer q (their sum z, and the layer-block sums),
 * one more for the unlayered components, y = M⁻ᵀ 1; then D = z − 1, R = y − 1,
 * prominence and relation. False when z or y shows ρ(N) ≥ 1 (see the file comment).
 */
function solveGivenReceived(s: KernelState): boolean {
  const { n, L, lu, piv, work, u, z, y, block, layerIdx, given, received, prominence, relation } = s;
  z.fill(0);
  block.fill(0);
  let q = 0;
  for (; q + 4 <= L; q += 4) solveFourLayers(s, q);
  for (; q < L; q++) {
    for (let i = 0; i < n; i++) u[i] = layerIdx[i] === q ? 1 : 0;
    luSolve(lu, n, piv, u, work);
    for (let i = 0; i < n; i++) {
      z[i] += u[i];
      const p = layerIdx[i];
      if (p >= 0) block[p * L + q] += u[i];
    }
  }
  if (s.unlayered > 0) {
    for (let i = 0; i < n; i++) u[i] = layerIdx[i] < 0 ? 1 : 0;
    luSolve(lu, n, piv, u, work);
    for (let i = 0; i < n; i++) z[i] += u[i];
  }
  y.fill(1);
  luSolveTransposed(lu, n, piv, y, work);
  for (let i = 0; i < n; i++) {
    const zi = z[i],
      yi = y[i];
    if (!(zi >= 1 - 1e-9 && zi < 1e10 && yi >= 1 - 1e-9 && yi < 1e10)) return false;
    given[i] = zi - 1;
    received[i] = yi - 1;
    prominence[i] = given[i] + received[i];
    relation[i] = given[i] - received[i];
  }
  return true;
}

/**
 * u_q = M⁻¹ 1_q for layers q..q+3 in one `luSolveFour` (each the same doubles as its own `luSolve`),
 * added into z and the layer blocks layer by layer, in the order the one-layer loop adds them.
 */
function solveFourLayers(s: KernelState, q: number): void {
  const { n, L, lu, piv, u4, work4, z, block, layerIdx } = s;
  for (let i = 0; i < n; i++) {
    const l = layerIdx[i];
    for (let c = 0; c < 4; c++) u4[i * 4 + c] = l === q + c ? 1 : 0;
  }
  luSolveFour(lu, n, piv, u4, work4);
  for (let c = 0; c < 4; c++)
    for (let i = 0; i < n; i++) {
      const v = u4[i * 4 + c];
      z[i] += v;
      const p = layerIdx[i];
      if (p >= 0) block[p * L + q + c] += v;
    }
}

/** S_flow from the off-diagonal layer blocks (the −1_q correction only touches p = q); NaN when no influence crosses layers. */
function flowOf(s: KernelState): number {
  const { L, block } = s;
  let inward = 0,
    outward = 0;
  for (let p = 0; p < L; p++)
    for (let q = 0; q < L; q++) {
      if (p < q) inward += block[p * L + q];
      else if (p > q) outward += block[p * L + q];
    }
  return inward + outward > 0 ? (inward - outward) / (inward + outward) : NaN;
}

/** S_trend = −τ_b(ℓ, relation) over the layered components. */
function trendOf(s: KernelState): number {
  const { layered, tau, relation } = s;
  for (let a = 0; a < layered.length; a++) tau.y[a] = relation[layered[a]];
  const t = tau.compute();
  return t === 0 ? 0 : -t; // never −0, as trendStatistic
}

/** The layer means of relation, outer → inner, into `layerMeans`; true when they strictly decrease (and there are at least two layers). */
function fillLayerMeans(s: KernelState): boolean {
  const { n, L, layerIdx, layerSize, layerMeans, relation } = s;
  layerMeans.fill(0);
  for (let i = 0; i < n; i++) if (layerIdx[i] >= 0) layerMeans[layerIdx[i]] += relation[i];
  let decrease = L >= 2;
  for (let p = 0; p < L; p++) {
    layerMeans[p] /= layerSize[p];
    if (p > 0 && !(layerMeans[p] < layerMeans[p - 1])) decrease = false;
  }
  return decrease;
}
