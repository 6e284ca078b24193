/**
 * A share of resampled panels (a bootstrap P(cause), docs/methods.md §7.4) as the report and the CLI print it:
 * three decimals, but never a bare 1 or 0 — a share of all B resampled panels says the event was seen in every
 * one of them, not that it is certain. With B ≥ 1,000 the ends print as "> 0.999" and "< 0.001"; with fewer
 * replicates, as "all B" and "none of B", since three decimals would claim more than B panels can show.
 * "n/a" when not a finite number.
 * @example
 * formatShare(1, 5000); // "> 0.999"
 * formatShare(0.9712, 5000); // "0.971"
 * formatShare(0, 200); // "none of 200"
 */
export function formatShare(x: number, B: number): string {
  if (!Number.isFinite(x)) return "n/a";
  if (x >= 0.9995) return B >= 1000 ? "> 0.999" : `all ${B}`;
  if (x <= 0.0005) return B >= 1000 ? "< 0.001" : `none of ${B}`;
  return x.toFixed(3);
}
