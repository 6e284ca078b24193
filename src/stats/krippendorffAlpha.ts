import type { Matrix } from "../types.js";
import { assertPanel } from "../linalg/assertPanel.js";

/** Level of measurement of Krippendorff's alpha, i.e. its difference function δ². */
export type AlphaLevel = "nominal" | "ordinal" | "interval" | "ratio";

/**
 * Krippendorff's alpha from reliability data given unit by unit:
 * `units[u][c]` is the value coder c gave unit u, `NaN` where that coder gave
 * none (missing values are allowed only here, and only as `NaN`).
 *
 * Definition (coincidence matrix, Krippendorff 2011): only units with m_u ≥ 2
 * values are pairable. The coincidence of values c and k is
 * o_ck = Σ_u (number of ordered pairs (c, k) from different coders in u)/(m_u − 1);
 * n_c = Σ_k o_ck and n = Σ_c n_c (the number of pairable values). Then
 * α = 1 − D_o/D_e = 1 − (n − 1) · Σ_c Σ_k o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck,
 * with the difference functions
 * - nominal: δ² = 0 if c = k, else 1;
 * - ordinal: δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², over the distinct values in order;
 * - interval: δ²_ck = (c − k)²;
 * - ratio: δ²_ck = ((c − k)/(c + k))² (0 when c = k = 0).
 *
 * Degenerate data: when no unit has two values (n = 0), or every pairable value
 * is the same (D_e = 0, no variation to agree or disagree on), alpha is not
 * defined and this returns `NaN`; it does not return 1, because identical
 * ratings of a single value carry no evidence of reliability.
 *
 * Source: Krippendorff, K. (2011), "Computing Krippendorff's alpha-reliability",
 * University of Pennsylvania, Annenberg School for Communication, sections C–E
 * (its worked example gives nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797);
 * Hayes & Krippendorff (2007), Communication Methods and Measures 1(1), 77–89.
 * @throws {RangeError} when `units` is empty or its rows differ in length.
 * @throws {TypeError} on a value that is neither a finite number nor `NaN`, or a negative value at the ratio level.
 * @example
 * krippendorffAlphaFromUnits([[1, 1], [2, 2], [3, 3]], "interval"); // 1
 */
export function krippendorffAlphaFromUnits(units: readonly (readonly number[])[], level: AlphaLevel): number {
  if (level !== "nominal" && level !== "ordinal" && level !== "interval" && level !== "ratio") {
    throw new RangeError(`unknown level of measurement "${String(level)}": use nominal, ordinal, interval or ratio`);
  }
  if (!Array.isArray(units) || units.length === 0) throw new RangeError("krippendorffAlpha requires at least one unit");
  return alphasFromUnits(units, [level])[level];
}

/** α at several levels from one coincidence matrix of the same units (the values' checks are the same for every level but ratio). */
function alphasFromUnits<L extends AlphaLevel>(units: readonly (readonly number[])[], levels: readonly L[]): Record<L, number> {
  const values = distinctValues(units, levels.includes("ratio" as L) ? "ratio" : levels[0]);
  const { o, nc, n } = coincidences(units, values);
  return Object.fromEntries(levels.map((level) => [level, n > 0 ? alphaFromCoincidences(o, nc, n, values, level) : NaN])) as Record<L, number>;
}

/** The distinct values of the units, ascending, after checking that every unit has one value per coder and every value is a number or NaN. */
function distinctValues(units: readonly (readonly number[])[], level: AlphaLevel): number[] {
  const coders = units[0].length;
  const seen = new Set<number>();
  for (let u = 0; u < units.length; u++) {
    const row = units[u];
    if (!Array.isArray(row) || row.length !== coders)
      throw new RangeError(`unit ${u} has ${Array.isArray(row) ? row.length : 0} values, expected ${coders} (one per coder)`);
    for (const v of row) {
      if (typeof v !== "number" || (!Number.isFinite(v) && !Number.isNaN(v)))
        throw new TypeError(`unit ${u}: a value must be a finite number or NaN (missing), got ${String(v)}`);
      if (Number.isNaN(v)) continue;
      if (level === "ratio" && v < 0) throw new TypeError(`unit ${u}: ratio-level alpha needs non-negative values, got ${v}`);
      seen.add(v);
    }
  }
  return [...seen].sort((a, b) => a - b);
}

/** The coincidence matrix o (V×V, row-major, over the distinct `values`) of the pairable units, its row sums n_c and their total n. */
function coincidences(units: readonly (readonly number[])[], values: readonly number[]): { o: Float64Array; nc: Float64Array; n: number } {
  const V = values.length;
  const index = new Map<number, number>(values.map((v, i) => [v, i]));
  const o = new Float64Array(V * V);
  const count = new Float64Array(V);
  for (const row of units) {
    count.fill(0);
    let m = 0;
    for (const v of row) {
      if (Number.isNaN(v)) continue;
      count[index.get(v) as number] += 1;
      m++;
    }
    if (m < 2) continue;
    for (let c = 0; c < V; c++) {
      if (count[c] === 0) continue;
      for (let k = 0; k < V; k++) {
        if (count[k] === 0) continue;
        o[c * V + k] += (count[c] * (count[k] - (c === k ? 1 : 0))) / (m - 1);
      }
    }
  }
  const nc = new Float64Array(V);
  let n = 0;
  for (let c = 0; c < V; c++) {
    for (let k = 0; k < V; k++) nc[c] += o[c * V + k];
    n += nc[c];
  }
  return { o, nc, n };
}

/** α = 1 − (n − 1)·Σ o_ck δ²_ck / Σ n_c n_k δ²_ck with the level's difference function δ²; NaN when there is no expected disagreement. */
function alphaFromCoincidences(o: Float64Array, nc: Float64Array, n: number, values: readonly number[], level: AlphaLevel): number {
  const V = values.length;
  // Cumulative sums of n_g for the ordinal metric.
  const cum = new Float64Array(V + 1);
  for (let g = 0; g < V; g++) cum[g + 1] = cum[g] + nc[g];
  const delta2 = (c: number, k: number): number => {
    if (c === k) return 0;
    const a = values[c],
      b = values[k];
    if (level === "nominal") return 1;
    if (level === "interval") return (a - b) * (a - b);
    if (level === "ratio") return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
    const lo = Math.min(c, k),
      hi = Math.max(c, k);
    const s = cum[hi + 1] - cum[lo] - (nc[c] + nc[k]) / 2;
    return s * s;
  };
  let observed = 0,
    expected = 0;
  for (let c = 0; c < V; c++)
    for (let k = 0; k < V; k++) {
      if (c === k) continue;
      const d = delta2(c, k);
      observed += o[c * V + k] * d;
      expected += nc[c] * nc[k] * d;
    }
  if (!(expected > 0)) return NaN;
  return 1 - ((n - 1) * observed) / expected;
}

/**
 * Inter-rater agreement of a DEMATEL panel (docs/methods.md §3.2): Krippendorff's alpha
 * with the n(n − 1) off-diagonal cells as the units and the K experts as the
 * coders, at the interval or ordinal level. See {@link krippendorffAlphaFromUnits}
 * for the definition. Returns `NaN` when alpha is undefined: fewer than two
 * experts, a 1×1 model (no off-diagonal cell), or no variation at all in the
 * ratings (every expert gave every cell the same value).
 * Source: Krippendorff (2011), "Computing Krippendorff's alpha-reliability".
 * @throws {RangeError} on an unknown level, no matrices, or matrices of different sizes.
 * @throws {TypeError} when a rating is not a finite number (missing ratings must be resolved before this point).
 * @example
 * krippendorffAlpha([[[0, 1], [3, 0]], [[0, 1], [3, 0]]], "interval"); // 1
 */
export function krippendorffAlpha(matrices: readonly Matrix[], level: "interval" | "ordinal"): number {
  if (level !== "interval" && level !== "ordinal") throw new RangeError(`krippendorffAlpha level must be "interval" or "ordinal", got "${String(level)}"`);
  return panelAlphas(matrices, [level])[level];
}

/**
 * The panel's alpha at the interval and the ordinal level together ({@link krippendorffAlpha} of each): one set of
 * units and one coincidence matrix for both, so a large panel is read once.
 * @example
 * krippendorffAlphas([[[0, 1], [3, 0]], [[0, 1], [3, 0]]]); // { interval: 1, ordinal: 1 }
 */
export function krippendorffAlphas(matrices: readonly Matrix[]): { interval: number; ordinal: number } {
  return panelAlphas(matrices, ["interval", "ordinal"]);
}

/** The panel's off-diagonal cells as units (coders = experts) and alpha at each level; NaN for K < 2 or a 1×1 model. */
function panelAlphas<L extends "interval" | "ordinal">(matrices: readonly Matrix[], levels: readonly L[]): Record<L, number> {
  const n = assertPanel(matrices, "krippendorffAlpha");
  const K = matrices.length;
  if (K < 2 || n < 2) return Object.fromEntries(levels.map((l) => [l, NaN])) as Record<L, number>;
  const units: number[][] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      units.push(matrices.map((x) => x[i][j]));
    }
  return alphasFromUnits(units, levels);
}
