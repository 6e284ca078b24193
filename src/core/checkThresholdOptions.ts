import type { ThresholdOptions } from "./thresholdTypes.js";

const METHODS: ReadonlySet<string> = new Set(["mean", "mean+sd", "quantile", "fixed", "mmde"]);

/**
 * Check a threshold rule's options without a matrix (docs/methods.md §2.5): a known
 * method, `entries` "all" or "offDiagonal", a finite `value` for `fixed`, a finite
 * `k` and `sd` "population" or "sample" for `mean+sd`, q in [0, 1] for `quantile`.
 * Used by {@link resolveSettings} (so a bad rule fails at the boundary, before any
 * computation) and by `threshold` itself; what depends on T (enough entries) is
 * checked there.
 * @throws {RangeError} naming the setting and the value found.
 * @example
 * checkThresholdOptions({ method: "quantile", q: 0.8 }); // passes
 * checkThresholdOptions({ method: "quantile", q: 2 });   // RangeError: quantile q must be in [0, 1], got 2
 */
export function checkThresholdOptions(options: ThresholdOptions): void {
  const method = options.method ?? "mean";
  if (!METHODS.has(method)) throw new RangeError(`unknown threshold method "${String(method)}": use mean, mean+sd, quantile, fixed or mmde`);
  const entries = options.entries ?? "all";
  if (entries !== "all" && entries !== "offDiagonal") throw new RangeError(`threshold entries must be "all" or "offDiagonal", got "${String(entries)}"`);
  if (method === "fixed" && (typeof options.value !== "number" || !Number.isFinite(options.value)))
    throw new RangeError("a fixed threshold needs a finite value");
  if (method === "mean+sd") {
    const k = options.k ?? 1;
    const sd = options.sd ?? "population";
    if (!Number.isFinite(k)) throw new RangeError(`k must be finite, got ${k}`);
    if (sd !== "population" && sd !== "sample") throw new RangeError(`sd must be "population" or "sample", got "${String(sd)}"`);
  }
  if (method === "quantile") {
    const q = options.q ?? 0.75;
    if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile q must be in [0, 1], got ${q}`);
  }
}
