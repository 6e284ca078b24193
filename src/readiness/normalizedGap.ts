/**
 * The normalised gap of one criterion to its aspiration level, as in the
 * aspiration-level approach of Tzeng's group (modified VIKOR / DANP-mV):
 * g = (aspiration − performance) / (aspiration − worst), clipped at 0 when the
 * performance already reaches or passes the aspiration; 0 = at the
 * aspiration, 1 = at the worst level of the scale.
 * Source: Liou & Tzeng (2012), Technological and Economic Development of Economy 18(4), 672–695;
 * Tzeng & Shen (2017), New Concepts and Trends of Hybrid Multiple Criteria Decision Making, ch. 2 (docs/methods.md §13.2).
 * @throws {RangeError} when aspiration ≤ worst or a value is not finite.
 * @example
 * normalizedGap(2.9, 5, 1); // 0.525
 * normalizedGap(5, 4, 1); // 0 (above the aspiration)
 */
export function normalizedGap(performance: number, aspiration: number, worst: number): number {
  if (![performance, aspiration, worst].every(Number.isFinite)) throw new RangeError("normalizedGap: every value must be finite");
  if (!(aspiration > worst)) throw new RangeError(`normalizedGap: the aspiration (${aspiration}) must be above the worst level (${worst})`);
  return Math.max(0, (aspiration - performance) / (aspiration - worst));
}
