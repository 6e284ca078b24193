/**
 * A p-value as the report and the verdict write it: below 0.001 with two
 * significant digits (`0.00012`), otherwise with four decimals (`0.0400`);
 * `n/a` when it is not a finite number (a test that could not be run).
 * One rule, so the verdict sentence and the report's test tables always
 * print the same p for the same test.
 * @example
 * formatPValue(0.04); // "0.0400"
 * formatPValue(0.000123); // "0.00012"
 * formatPValue(NaN); // "n/a"
 * formatPValue(0); // "< 1e-15" (a double-precision tail below 1e-15 has no correct digit left)
 */
export function formatPValue(p: number): string {
  return !Number.isFinite(p) ? "n/a" : p < 1e-15 ? "< 1e-15" : p < 0.001 ? String(Number(p.toPrecision(2))) : p.toFixed(4);
}
