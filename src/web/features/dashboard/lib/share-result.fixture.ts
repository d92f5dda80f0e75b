import type { IndicatorCell, IndicatorResult } from "../../../../core/schemas/indicators";

/** A share-of-women row: F of F + M + X, with the counts a result carries. */
export function shareRow(
  key: Record<string, string>,
  counts: { F: number; M: number; X?: number; U?: number },
  labels: Record<string, string> = key,
): IndicatorCell {
  const X = counts.X ?? 0;
  const U = counts.U ?? 0;
  const known = counts.F + counts.M + X;
  return {
    key,
    labels,
    counts: { F: counts.F, M: counts.M, X, U, N: known + U },
    value: known === 0 ? null : counts.F / known,
    numerator: counts.F,
    denominator: known,
    ...(known === 0 ? { reason: "empty_denominator" } : {}),
    suppression: null,
  };
}

/** A share_women result at `at` with the given rows and total. */
export function shareResult(
  at: string,
  by: IndicatorResult["by"],
  rows: IndicatorCell[],
  total: IndicatorCell,
): IndicatorResult {
  return {
    indicator: "share_women",
    unitOfMeasure: "share",
    basis: "stock",
    definitionKey: "web.indicators.share_women",
    scope: { id: 1, code: "HQ", name: "Headquarters" },
    at,
    from: null,
    to: null,
    by,
    total,
    rows,
    disclosure: null,
  };
}
