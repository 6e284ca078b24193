import type { Matrix, Model } from "../types.js";
import { InfeasibleError } from "../errors.js";

/** One cluster (dimension) of DANP: an id and the indices of its components in T's order. */
export interface DanpCluster {
  id: string;
  /** Indices into the rows/columns of T; non-empty, disjoint across clusters, together covering every component. */
  members: readonly number[];
}

/** Outcome of {@link danp}: every intermediate matrix of the DEMATEL-based ANP (docs/methods.md §6.6). */
export interface DanpResult {
  /** The cluster ids, in the order given (for a model: its non-empty layers, outermost first). */
  clusters: string[];
  /** T_c^α: T normalised block-wise, each row of block (I, J) divided by its sum within cluster J (components in T's order). */
  normalized: Matrix;
  /** The unweighted supermatrix W = (T_c^α)ᵀ: column j holds how component j's influence on each cluster is shared. */
  unweighted: Matrix;
  /** T_D (clusters × clusters): t_D^{IJ} = the mean of the entries of block (I, J) of T. */
  clusterTotal: Matrix;
  /** T_D^α: T_D with each row divided by its sum. */
  clusterNormalized: Matrix;
  /** The weighted supermatrix W^α: W_ij · t_D^α(J, I) for i in cluster I, j in cluster J; every column sums to 1. */
  weighted: Matrix;
  /** lim_k (W^α)^k, reached by repeated squaring; its columns are equal. */
  limit: Matrix;
  /** Global influential weights (any column of the limit, normalised to sum 1), in T's order. */
  weights: number[];
  /** The sum of the global weights within each cluster, in cluster order (summing to 1). */
  clusterWeights: number[];
  /** Each global weight divided by its cluster's weight (summing to 1 within each cluster), in T's order. */
  localWeights: number[];
  /** How many squarings the limit took. */
  squarings: number;
}

/** Repeated squarings of W^α allowed before its powers are declared not to converge (2^64 is far beyond any primitive chain's mixing time). */
const MAX_SQUARINGS = 64;
/** The limit is reached when one more squaring changes no entry by more than this (entries lie in [0, 1]). */
const LIMIT_TOLERANCE = 1e-14;

function checkedClusters(n: number, clusters: readonly DanpCluster[]): number[] {
  if (clusters.length < 2) throw new RangeError(`danp needs at least two clusters, got ${clusters.length}`);
  const clusterOf = new Array<number>(n).fill(-1);
  clusters.forEach((c, I) => {
    if (c.members.length === 0) throw new RangeError(`danp: cluster "${c.id}" has no components`);
    for (const i of c.members) {
      if (!Number.isInteger(i) || i < 0 || i >= n) throw new RangeError(`danp: cluster "${c.id}" names component ${i}, outside 0..${n - 1}`);
      if (clusterOf[i] !== -1) throw new RangeError(`danp: component ${i} is in two clusters`);
      clusterOf[i] = I;
    }
  });
  const missing = clusterOf.indexOf(-1);
  if (missing !== -1) throw new RangeError(`danp: component ${missing} is in no cluster`);
  return clusterOf;
}

function multiply(a: Matrix, b: Matrix): Matrix {
  const n = a.length;
  const out: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const ai = a[i];
    const oi = out[i];
    for (let k = 0; k < n; k++) {
      const v = ai[k];
      if (v === 0) continue;
      const bk = b[k];
      for (let j = 0; j < n; j++) oi[j] += v * bk[j];
    }
  }
  return out;
}

/**
 * DANP, the DEMATEL-based analytic network process (Ou Yang, Shieh, Leu &
 * Tzeng 2008; the form of Tzeng's group, e.g. Yang & Tzeng 2011), from a
 * total-relation matrix T and a partition of its components into clusters
 * (docs/methods.md §6.6):
 * 1. T_c^α: each row of each block (I, J) of T divided by that row's sum within cluster J;
 * 2. unweighted supermatrix W = (T_c^α)ᵀ;
 * 3. T_D: t_D^{IJ} = mean of block (I, J) of T; T_D^α: each row of T_D divided by its sum;
 * 4. weighted supermatrix W^α: block (I, J) of W times t_D^α(J, I), so every column sums to 1;
 * 5. the limit lim (W^α)^k, by repeated squaring until an entry changes by at most 1e-14;
 *    the global influential weights are its (equal) columns, averaged and normalised to sum 1;
 *    cluster weights sum them per cluster, local weights divide them by their cluster's weight.
 * @param total the n×n total-relation matrix T (non-negative), rows = from.
 * @param clusters a partition of 0..n−1 into at least two non-empty clusters.
 * @throws {RangeError} when T is not square, not finite and non-negative, or the clusters are not a partition.
 * @throws {InfeasibleError} when a component gives no influence to some cluster (a zero row in a block: T_c^α is undefined) or the powers of W^α do not converge.
 * @example
 * const d = danp(result.total, [{ id: "L1", members: [0, 1] }, { id: "L2", members: [2, 3] }]);
 * d.weights; // four influential weights summing to 1
 */
export function danp(total: Matrix, clusters: readonly DanpCluster[]): DanpResult {
  const n = total.length;
  for (const row of total) {
    if (!Array.isArray(row) || row.length !== n) throw new RangeError(`danp needs a square total-relation matrix, got ${n} rows and a row of ${row?.length}`);
    for (const v of row) if (!Number.isFinite(v) || v < 0) throw new RangeError(`danp: the total-relation matrix must be finite and non-negative, got ${v}`);
  }
  const clusterOf = checkedClusters(n, clusters);
  const m = clusters.length;
  // 1. T_c^α: row i's sums within each cluster.
  const blockRowSum = total.map((row) => {
    const s = new Array<number>(m).fill(0);
    row.forEach((v, j) => (s[clusterOf[j]] += v));
    return s;
  });
  blockRowSum.forEach((s, i) => {
    const J = s.findIndex((v) => !(v > 0));
    if (J !== -1)
      throw new InfeasibleError(
        `DANP is undefined: component ${i} gives no influence to cluster "${clusters[J].id}" (its row of block (${clusters[clusterOf[i]].id}, ${clusters[J].id}) of T sums to 0), so that row cannot be normalised`,
      );
  });
  const normalized = total.map((row, i) => row.map((v, j) => v / blockRowSum[i][clusterOf[j]]));
  // 2. W = (T_c^α)ᵀ.
  const unweighted = normalized.map((_, i) => normalized.map((row) => row[i]));
  // 3. T_D (block means) and T_D^α (rows normalised).
  const clusterTotal: Matrix = clusters.map((ci) =>
    clusters.map((cj) => {
      let s = 0;
      for (const i of ci.members) for (const j of cj.members) s += total[i][j];
      return s / (ci.members.length * cj.members.length);
    }),
  );
  const clusterNormalized = clusterTotal.map((row, I) => {
    const s = row.reduce((a, b) => a + b, 0);
    if (!(s > 0)) throw new InfeasibleError(`DANP is undefined: cluster "${clusters[I].id}" gives no influence (its row of T_D sums to 0)`);
    return row.map((v) => v / s);
  });
  // 4. W^α: entry (i, j) = t_D^α(cluster of j, cluster of i) · W_ij.
  const weighted = unweighted.map((row, i) => row.map((v, j) => clusterNormalized[clusterOf[j]][clusterOf[i]] * v));
  // 5. The limit, by repeated squaring.
  let limit = weighted;
  let squarings = 0;
  for (;;) {
    const next = multiply(limit, limit);
    squarings++;
    let change = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) change = Math.max(change, Math.abs(next[i][j] - limit[i][j]));
    limit = next;
    if (change <= LIMIT_TOLERANCE) break;
    if (squarings >= MAX_SQUARINGS)
      throw new InfeasibleError(
        `DANP: the powers of the weighted supermatrix do not converge (after 2^${MAX_SQUARINGS} steps an entry still changes by ${change})`,
      );
  }
  const rowMeans = limit.map((row) => row.reduce((a, b) => a + b, 0) / n);
  const sum = rowMeans.reduce((a, b) => a + b, 0);
  const weights = rowMeans.map((v) => v / sum);
  const clusterWeights = clusters.map((c) => c.members.reduce((s, i) => s + weights[i], 0));
  const localWeights = weights.map((w, i) => w / clusterWeights[clusterOf[i]]);
  return {
    clusters: clusters.map((c) => c.id),
    normalized,
    unweighted,
    clusterTotal,
    clusterNormalized,
    weighted,
    limit,
    weights,
    clusterWeights,
    localWeights,
    squarings,
  };
}

/**
 * The DANP clusters of a model: its non-empty layers, outermost first, each
 * with the indices of its components in model order (docs/methods.md §6.6).
 * @returns the clusters, or undefined when the model has fewer than two non-empty layers or a component in no layer (DANP needs a partition).
 * @example
 * danpClusters(defaultModel()); // [{ id: "L1", members: [0, 1] }, { id: "L2", members: [2, 3, 4] }, ...]
 */
export function danpClusters(model: Model): DanpCluster[] | undefined {
  const index = new Map(model.components.map((c, i) => [c.id, i] as const));
  const clusters = (model.layers ?? []).filter((l) => l.components.length > 0).map((l) => ({ id: l.id, members: l.components.map((c) => index.get(c) ?? -1) }));
  const covered = clusters.reduce((s, c) => s + c.members.length, 0);
  if (clusters.length < 2 || covered !== model.components.length || clusters.some((c) => c.members.includes(-1))) return undefined;
  return clusters;
}
