/**
 * Arithmetic on the headline's counts, some of which a partner-viewer receives hidden (null): a
 * figure made from a hidden count is hidden too, never computed from a stand-in 0.
 */

/** The sum of counts; null when any of them is hidden. */
export function addCounts(...counts: ReadonlyArray<number | null>): number | null {
  let sum = 0;
  for (const count of counts) {
    if (count === null) return null;
    sum += count;
  }
  return sum;
}

/** A share of two counts written by `formatShare`; null when a count is hidden or the base is 0. */
export function formatCountShare(
  formatShare: (numerator: number, denominator: number) => string | null,
  numerator: number | null,
  denominator: number | null,
): string | null {
  return numerator === null || denominator === null ? null : formatShare(numerator, denominator);
}
