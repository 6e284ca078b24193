import type { Matrix } from "../types.js";
import { normalize, type NormalizeOptions, type NormalizationMethod } from "./normalize.js";
import { totalRelation } from "./totalRelation.js";
import { threshold as chooseThreshold } from "./threshold.js";
import type { Threshold, ThresholdOptions } from "./thresholdTypes.js";

/** Cause (net driver, relation > 0), effect (relation < 0) or neutral (relation = 0 within 1e-12). */
export type Role = "cause" | "effect" | "neutral";

/** One arrow of the impact-relation map: t_from,to > threshold. */
export interface Edge {
  from: string;
  to: string;
  value: number;
}

/** Options of {@link dematel}. */
export interface DematelOptions {
  /** Normalisation (default `"max"`), see {@link normalize}. */
  normalization?: NormalizationMethod;
  /** ε added to λ by explicit choice (default 0). */
  epsilon?: number;
  /** Threshold of the impact-relation map (default: mean of all n² entries of T). */
  threshold?: ThresholdOptions;
  /** Component ids in matrix order (default `C1..Cn`). */
  components?: readonly string[];
}

/** Everything classic DEMATEL computes from one direct-influence matrix. */
export interface DematelResult {
  components: string[];
  /** The (average) direct-influence matrix A. */
  direct: Matrix;
  /** N = A / λ. */
  normalized: Matrix;
  lambda: number;
  normalization: NormalizationMethod;
  epsilon: number;
  /** T = N (I − N)⁻¹. */
  total: Matrix;
  spectralRadius: number;
  residual: number;
  /** D: row sums of T (influence given). */
  given: number[];
  /** R: column sums of T (influence received). */
  received: number[];
  /** D + R. */
  prominence: number[];
  /** D − R. */
  relation: number[];
  role: Role[];
  /** w_i = √((D+R)² + (D−R)²), normalised to sum 1. */
  weights: number[];
  /** T − Tᵀ. */
  netInfluence: Matrix;
  threshold: Threshold;
  edges: Edge[];
}

/**
 * The role of a component from its relation D − R: a cause (net driver) above
 * +1e-12, an effect below −1e-12, neutral in between (so floating-point noise
 * around a true 0 never decides a role). The one rule every part of the
 * package uses.
 * @example
 * roleOf(0.4); // "cause"
 */
export function roleOf(relation: number): Role {
  return relation > 1e-12 ? "cause" : relation < -1e-12 ? "effect" : "neutral";
}

/** Row sums D, column sums R, prominence, relation, role and weights of a total-relation matrix. */
export function influenceSums(total: Matrix): Pick<DematelResult, "given" | "received" | "prominence" | "relation" | "role" | "weights"> {
  const n = total.length;
  const given = new Array<number>(n).fill(0);
  const received = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      given[i] += total[i][j];
      received[j] += total[i][j];
    }
  const prominence = given.map((d, i) => d + received[i]);
  const relation = given.map((d, i) => d - received[i]);
  const role: Role[] = relation.map(roleOf);
  const raw = prominence.map((p, i) => Math.hypot(p, relation[i]));
  const sum = raw.reduce((a, b) => a + b, 0);
  const weights = raw.map((w) => (sum > 0 ? w / sum : 1 / n));
  return { given, received, prominence, relation, role, weights };
}

/** Edges t_ij > α of the impact-relation map (α = `threshold`, the threshold value), strongest first (ties in matrix order). Self-loops are left out. */
export function impactEdges(total: Matrix, threshold: number, components: readonly string[]): Edge[] {
  const edges: Edge[] = [];
  const n = total.length;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (i !== j && total[i][j] > threshold) edges.push({ from: components[i], to: components[j], value: total[i][j] });
  return edges.sort((a, b) => b.value - a.value);
}

/**
 * Classic DEMATEL on a direct-influence matrix (docs/methods.md §2): normalise,
 * total relation, D, R, prominence D+R, relation D−R, cause/effect, weights,
 * net influence T − Tᵀ, threshold and impact-relation map.
 * Source: Gabus & Fontela (1973); Tzeng, Chiang & Li (2007), Expert Systems with Applications 32, 1028–1044.
 * @throws {InfeasibleError} when no total-relation matrix exists (ρ(N) ≥ 1).
 * @throws {RangeError} on a non-square, negative or all-zero matrix.
 * @example
 * const r = dematel([[0, 3], [1, 0]], { components: ["A", "B"] });
 * r.role; // ["cause", "effect"]
 */
export function dematel(direct: Matrix, options: DematelOptions = {}): DematelResult {
  const n = direct.length;
  const components = options.components ? [...options.components] : Array.from({ length: n }, (_, i) => `C${i + 1}`);
  if (components.length !== n) throw new RangeError(`dematel: ${components.length} component ids for a ${n}×${n} matrix`);
  const normOptions: NormalizeOptions = { method: options.normalization ?? "max", epsilon: options.epsilon ?? 0 };
  const { normalized, lambda, method, epsilon } = normalize(direct, normOptions);
  const { total, spectralRadius, residual } = totalRelation(normalized);
  const sums = influenceSums(total);
  const netInfluence = total.map((row, i) => row.map((v, j) => v - total[j][i]));
  const thr = chooseThreshold(total, options.threshold);
  // The map's edges are listed (and sorted) when first read: runs that never read them (the leave-one-out runs of a
  // large panel, thousands of edges each) do not pay for them. An enumerable getter, so JSON, spreads and copies see
  // the list as if it were a plain property.
  let edges: Edge[] | undefined;
  return {
    components,
    direct: direct.map((row) => row.slice()),
    normalized,
    lambda,
    normalization: method,
    epsilon,
    total,
    spectralRadius,
    residual,
    ...sums,
    netInfluence,
    threshold: thr,
    get edges(): Edge[] {
      return (edges ??= impactEdges(total, thr.value, components));
    },
  };
}
