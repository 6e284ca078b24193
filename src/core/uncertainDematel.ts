/**
 * The engine shared by fuzzy and grey DEMATEL (docs/methods.md §2.9 and §2.10): each
 * rating is a tuple of ordered limits (l, m, u for a triangular fuzzy number,
 * lo, hi for an interval grey number), and a crisp value is obtained by a
 * defuzzification rule (CFCS or grey whitening), either per expert before
 * classic DEMATEL ("first") or on the total-relation limits at the end
 * ("last"). Internal: the public functions are fuzzyDematel and greyDematel.
 */
import type { Matrix } from "../types.js";
import { aggregate, type AggregationMethod } from "./aggregate.js";
import { dematel, impactEdges, influenceSums, type DematelResult } from "./dematel.js";
import { normalize, type NormalizationMethod } from "./normalize.js";
import { totalRelation } from "./totalRelation.js";
import { threshold as chooseThreshold } from "./threshold.js";
import type { ThresholdOptions } from "./thresholdTypes.js";

/** A matrix of tuples (one tuple of limits per cell), rows = from. */
export type TupleMatrix = readonly (readonly (readonly number[])[])[];

/** Where the minimum and the range of a defuzzification are taken. */
export type DefuzzifyRange = "global" | "per-matrix";

/** How one kind of uncertain number is checked and made crisp. */
export interface NumberKind {
  /** "triangular fuzzy number" or "grey number", for messages. */
  what: string;
  /** The number of limits of a tuple (3 or 2). */
  parts: number;
  /** Crisp value of the tuple given the set's minimum (of the first limits) and range (max of the last limit − min). */
  crisp: (v: readonly number[], min: number, delta: number) => number;
}

/** Options of the engine; every field is resolved by the public wrapper. */
export interface UncertainOptions {
  order: "first" | "last";
  range: DefuzzifyRange;
  /** Whether T's diagonal enters the minimum and range of the final defuzzification (order "last"). */
  diagonal: boolean;
  aggregation: AggregationMethod;
  weights?: readonly number[];
  normalization: NormalizationMethod;
  epsilon: number;
  threshold?: ThresholdOptions;
  components?: readonly string[];
}

/** What the engine returns: the crisp DEMATEL result and the method's own matrices. */
export interface UncertainResult {
  dematel: DematelResult;
  /** Order "first": each expert's crisp matrix. */
  crispExperts?: Matrix[];
  /** Order "last": the total-relation matrix of each limit (T_l, T_m, T_u or T_lo, T_hi). */
  totals?: Matrix[];
}

/** Check the panel's shape and every tuple (finite, non-negative, ordered); the diagonal is read as zero whatever it holds. */
export function checkedPanel(matrices: readonly TupleMatrix[], kind: NumberKind): number {
  if (matrices.length === 0) throw new RangeError(`the panel has no ${kind.what} matrices`);
  const n = matrices[0].length;
  if (n === 0) throw new RangeError("the matrices are empty");
  matrices.forEach((x, k) => {
    if (x.length !== n) throw new RangeError(`matrix ${k} has ${x.length} rows, expected ${n}`);
    x.forEach((row, i) => {
      if (row.length !== n) throw new RangeError(`matrix ${k}, row ${i} has ${row.length} cells, expected ${n}`);
      row.forEach((v, j) => {
        if (i === j) return;
        if (!Array.isArray(v) || v.length !== kind.parts)
          throw new RangeError(`matrix ${k}, cell (${i}, ${j}): a ${kind.what} has ${kind.parts} limits, got ${JSON.stringify(v)}`);
        for (let p = 0; p < kind.parts; p++) {
          if (!Number.isFinite(v[p]) || v[p] < 0)
            throw new RangeError(`matrix ${k}, cell (${i}, ${j}): limits must be finite and non-negative, got ${JSON.stringify(v)}`);
          if (p > 0 && v[p] < v[p - 1])
            throw new RangeError(`matrix ${k}, cell (${i}, ${j}): the limits of a ${kind.what} must be ordered, got ${JSON.stringify(v)}`);
        }
      });
    });
  });
  return n;
}

/** One limit of a tuple matrix as a plain matrix (diagonal 0). */
function limitMatrix(x: TupleMatrix, p: number): Matrix {
  return x.map((row, i) => row.map((v, j) => (i === j ? 0 : v[p])));
}

/** The minimum of the first limits and the range (max of the last limits − that minimum) over a set of tuple matrices. */
function rangeOf(limits: readonly Matrix[][], diagonal: boolean): { min: number; delta: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const parts of limits) {
    const first = parts[0];
    const last = parts[parts.length - 1];
    for (let i = 0; i < first.length; i++)
      for (let j = 0; j < first.length; j++) {
        if (i === j && !diagonal) continue;
        min = Math.min(min, first[i][j]);
        max = Math.max(max, last[i][j]);
      }
  }
  // A 1×1 matrix without its diagonal has no cells: nothing to defuzzify, any range will do.
  return Number.isFinite(min) ? { min, delta: max - min } : { min: 0, delta: 0 };
}

/** Defuzzify the limit matrices `parts` (one per limit) cell by cell with the given minimum and range; the diagonal stays 0 unless asked. */
function crispOf(parts: readonly Matrix[], kind: NumberKind, r: { min: number; delta: number }, keepDiagonal: boolean): Matrix {
  const n = parts[0].length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) =>
      i === j && !keepDiagonal
        ? 0
        : kind.crisp(
            parts.map((x) => x[i][j]),
            r.min,
            r.delta,
          ),
    ),
  );
}

/**
 * Fuzzy or grey DEMATEL of a panel (docs/methods.md §2.9 and §2.10).
 * "first": each expert's matrix is made crisp (range over that expert's off-diagonal cells
 * for "per-matrix", over every expert's for "global"), then classic DEMATEL on the aggregate.
 * "last": each limit is aggregated, all are divided by the one λ of the last (largest) limit,
 * T is computed for each limit, and T is made crisp cell by cell at the end.
 */
export function uncertainDematel(matrices: readonly TupleMatrix[], kind: NumberKind, o: UncertainOptions): UncertainResult {
  const n = checkedPanel(matrices, kind);
  const limits = matrices.map((x) => Array.from({ length: kind.parts }, (_, p) => limitMatrix(x, p)));
  const dematelOptions = { components: o.components, normalization: o.normalization, epsilon: o.epsilon, threshold: o.threshold };
  if (o.order === "first") {
    const global = rangeOf(limits, false);
    const crispExperts = limits.map((parts) => crispOf(parts, kind, o.range === "global" ? global : rangeOf([parts], false), false));
    const direct = aggregate(crispExperts, { method: o.aggregation, weights: o.weights });
    return { dematel: dematel(direct, dematelOptions), crispExperts };
  }
  const aggregated = Array.from({ length: kind.parts }, (_, p) =>
    aggregate(
      limits.map((parts) => parts[p]),
      { method: o.aggregation, weights: o.weights },
    ),
  );
  // One common divisor: λ of the last (largest) limit, by the chosen rule, so the limits stay ordered.
  const { lambda, method, epsilon } = normalize(aggregated[kind.parts - 1], { method: o.normalization, epsilon: o.epsilon });
  const normalizedParts = aggregated.map((a) => a.map((row) => row.map((v) => v / lambda)));
  const totalsFull = normalizedParts.map((x) => totalRelation(x));
  const totals = totalsFull.map((t) => t.total);
  const total = crispOf(totals, kind, rangeOf([totals], o.diagonal), true);
  const components = o.components ? [...o.components] : Array.from({ length: n }, (_, i) => `C${i + 1}`);
  if (components.length !== n) throw new RangeError(`${components.length} component ids for a ${n}×${n} matrix`);
  const thr = chooseThreshold(total, o.threshold);
  const dematelResult: DematelResult = {
    components,
    // For display: the aggregated direct matrix and N, each made crisp by the same rule over its off-diagonal cells.
    direct: crispOf(aggregated, kind, rangeOf([aggregated], false), false),
    normalized: crispOf(normalizedParts, kind, rangeOf([normalizedParts], false), false),
    lambda,
    normalization: method,
    epsilon,
    total,
    spectralRadius: totalsFull[kind.parts - 1].spectralRadius,
    residual: Math.max(...totalsFull.map((t) => t.residual)),
    ...influenceSums(total),
    netInfluence: total.map((row, i) => row.map((v, j) => v - total[j][i])),
    threshold: thr,
    edges: impactEdges(total, thr.value, components),
  };
  return { dematel: dematelResult, totals };
}
