import type { Matrix } from "../types.js";
import { greyWhiten } from "./cfcs.js";
import type { DematelResult } from "./dematel.js";
import type { PanelMethodOptions } from "./panelOptions.js";
import { uncertainDematel, type DefuzzifyRange, type NumberKind } from "./uncertainDematel.js";

/** An interval grey number [lo, hi] with 0 ≤ lo ≤ hi. */
export type GreyNumber = readonly [number, number];

/** One expert's matrix of grey numbers, rows = from; the diagonal is read as [0, 0] whatever it holds. */
export type GreyMatrix = readonly (readonly GreyNumber[])[];

/** When the grey numbers are whitened: per expert before classic DEMATEL, or on the lower and upper T at the end. */
export type GreyOrder = "whiten-first" | "whiten-last";

/** Options of {@link greyDematel}; defaults as docs/methods.md §2.10 states them. */
export interface GreyDematelOptions extends PanelMethodOptions {
  /** Default `"whiten-last"` (lower and upper T, whitened at the end). */
  order?: GreyOrder;
  /** Whitening minimum and range for whiten-first: over every expert's off-diagonal cells (`"global"`, default) or each expert's own (`"per-matrix"`). */
  range?: DefuzzifyRange;
  /** Whiten-last: whether T's diagonal enters the minimum and range (default true). */
  diagonal?: boolean;
  /** Normalisation rule (default `"max"`); whiten-last applies the λ of the upper matrix to both limits. */
  normalization?: PanelMethodOptions["normalization"];
}

/** Outcome of {@link greyDematel}. */
export interface GreyDematelResult {
  order: GreyOrder;
  range: DefuzzifyRange;
  /** The crisp (whitened) result. */
  dematel: DematelResult;
  /** Whiten-first: each expert's whitened matrix. */
  whitened?: Matrix[];
  /** Whiten-last: T of the lower and of the upper matrices. */
  lower?: Matrix;
  upper?: Matrix;
}

const GREY: NumberKind = { what: "grey number", parts: 2, crisp: (v, min, delta) => greyWhiten(v[0], v[1], min, delta) };

/**
 * Grey DEMATEL of a panel of interval-grey-number matrices (docs/methods.md §2.10):
 * - **whiten-last** (default): the lower and upper matrices are aggregated, both divided by the one λ of the
 *   upper matrix, T is computed for each, and the grey T is whitened at the end by the modified CFCS;
 * - **whiten-first**: each expert's matrix is whitened (Xia, Govindan & Zhu 2015), then classic DEMATEL (§2).
 * A panel of white numbers (lo = hi) gives classic DEMATEL exactly, in both orders.
 * @throws {RangeError} on shapes, unordered or negative limits, or invalid weights.
 * @throws {InfeasibleError} when a total-relation matrix does not exist.
 * @example
 * const r = greyDematel([[[[0, 0], [2, 3]], [[0, 1], [0, 0]]]]);
 * r.lower; // [[0, 2/3], [0, 0]]
 */
export function greyDematel(matrices: readonly GreyMatrix[], options: GreyDematelOptions = {}): GreyDematelResult {
  const order = options.order ?? "whiten-last";
  if (order !== "whiten-first" && order !== "whiten-last") throw new RangeError(`unknown grey order "${String(order)}": use "whiten-first" or "whiten-last"`);
  const range = options.range ?? "global";
  if (range !== "global" && range !== "per-matrix") throw new RangeError(`unknown whitening range "${String(range)}": use "global" or "per-matrix"`);
  const r = uncertainDematel(matrices, GREY, {
    order: order === "whiten-first" ? "first" : "last",
    range,
    diagonal: options.diagonal ?? true,
    aggregation: options.aggregation ?? "mean",
    weights: options.weights,
    normalization: options.normalization ?? "max",
    epsilon: options.epsilon ?? 0,
    threshold: options.threshold,
    components: options.components,
  });
  if (r.totals) return { order, range, dematel: r.dematel, lower: r.totals[0], upper: r.totals[1] };
  return { order, range, dematel: r.dematel, whitened: r.crispExperts };
}
