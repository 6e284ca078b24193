import type { Matrix } from "../types.js";
import { cfcs } from "./cfcs.js";
import type { DematelResult } from "./dematel.js";
import type { PanelMethodOptions } from "./panelOptions.js";
import { uncertainDematel, type DefuzzifyRange, type NumberKind } from "./uncertainDematel.js";

/** A triangular fuzzy number (l, m, u) with 0 ≤ l ≤ m ≤ u. */
export type TriangularFuzzyNumber = readonly [number, number, number];

/** One expert's matrix of triangular fuzzy numbers, rows = from; the diagonal is read as (0, 0, 0) whatever it holds. */
export type FuzzyMatrix = readonly (readonly TriangularFuzzyNumber[])[];

/** When the fuzzy numbers are made crisp: per expert before classic DEMATEL, or on the total relation at the end. */
export type FuzzyOrder = "defuzzify-first" | "defuzzify-last";

/** Options of {@link fuzzyDematel}; defaults as docs/methods.md §2.9 states them. */
export interface FuzzyDematelOptions extends PanelMethodOptions {
  /** Default `"defuzzify-first"`. */
  order?: FuzzyOrder;
  /** CFCS minimum and range for defuzzify-first: over every expert's off-diagonal cells (`"global"`, default) or each expert's own (`"per-matrix"`). */
  cfcs?: DefuzzifyRange;
  /** Defuzzify-last: whether T's diagonal enters the CFCS minimum and range (default true: all n² cells, as the threshold does). */
  diagonal?: boolean;
  /** Normalisation rule (default `"max"`); defuzzify-last applies the λ of the u matrix to l, m and u. */
  normalization?: PanelMethodOptions["normalization"];
}

/** Outcome of {@link fuzzyDematel}: the crisp DEMATEL result and the method's own matrices. */
export interface FuzzyDematelResult {
  order: FuzzyOrder;
  cfcs: DefuzzifyRange;
  /** The crisp result (T, D, R, prominence, relation, roles, weights, threshold, edges). */
  dematel: DematelResult;
  /** Defuzzify-first: each expert's CFCS-crisp matrix. */
  defuzzified?: Matrix[];
  /** Defuzzify-last: T of the l, m and u matrices. */
  lower?: Matrix;
  middle?: Matrix;
  upper?: Matrix;
}

const TFN: NumberKind = { what: "triangular fuzzy number", parts: 3, crisp: (v, min, delta) => cfcs(v[0], v[1], v[2], min, delta) };

/**
 * Fuzzy DEMATEL of a panel of triangular-fuzzy-number matrices (docs/methods.md §2.9), in either published order:
 * - **defuzzify-first**: CFCS (Opricovic & Tzeng 2003) makes each expert's matrix crisp, then classic DEMATEL (§2) on their aggregate;
 * - **defuzzify-last**: the l, m and u matrices are aggregated, all three divided by the one λ of the u matrix,
 *   T = N(I − N)⁻¹ is computed for each, and T is made crisp by CFCS at the end.
 * A panel of crisp numbers (l = m = u) gives classic DEMATEL exactly, in both orders.
 * @throws {RangeError} on shapes, unordered or negative limits, or invalid weights.
 * @throws {InfeasibleError} when a total-relation matrix does not exist.
 * @example
 * const r = fuzzyDematel([[[[0, 0, 0], [0.5, 0.75, 1]], [[0, 0.25, 0.5], [0, 0, 0]]]]);
 * r.dematel.total; // [[4/7, 11/7], [4/7, 4/7]]
 */
export function fuzzyDematel(matrices: readonly FuzzyMatrix[], options: FuzzyDematelOptions = {}): FuzzyDematelResult {
  const order = options.order ?? "defuzzify-first";
  if (order !== "defuzzify-first" && order !== "defuzzify-last")
    throw new RangeError(`unknown fuzzy order "${String(order)}": use "defuzzify-first" or "defuzzify-last"`);
  const range = options.cfcs ?? "global";
  if (range !== "global" && range !== "per-matrix") throw new RangeError(`unknown CFCS range "${String(range)}": use "global" or "per-matrix"`);
  const r = uncertainDematel(matrices, TFN, {
    order: order === "defuzzify-first" ? "first" : "last",
    range,
    diagonal: options.diagonal ?? true,
    aggregation: options.aggregation ?? "mean",
    weights: options.weights,
    normalization: options.normalization ?? "max",
    epsilon: options.epsilon ?? 0,
    threshold: options.threshold,
    components: options.components,
  });
  if (r.totals) return { order, cfcs: range, dematel: r.dematel, lower: r.totals[0], middle: r.totals[1], upper: r.totals[2] };
  return { order, cfcs: range, dematel: r.dematel, defuzzified: r.crispExperts };
}
