/** Sex-disaggregated counts (INDICATORS.md §0): N = F + M + X + U. */
export interface SexCounts {
  readonly F: number;
  readonly M: number;
  readonly X: number;
  readonly U: number;
  readonly N: number;
}

export type ShareReason = "empty_denominator";

export interface ShareResult {
  /** F / (F + M + X); null when no person of known sex is counted. */
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
  readonly counts: SexCounts;
  /** U / N; null when N = 0. */
  readonly unknownShare: number | null;
  /** F / N and (F + U) / N: the share if every unknown were a man / a woman. */
  readonly bounds: { readonly low: number; readonly high: number } | null;
  readonly isUnknownSexHigh: boolean;
  readonly reason?: ShareReason;
}

export const UNKNOWN_SEX_HIGH_THRESHOLD = 0.05;

export function toSexCounts(partial: Partial<Record<"F" | "M" | "X" | "U", number>>): SexCounts {
  const F = partial.F ?? 0;
  const M = partial.M ?? 0;
  const X = partial.X ?? 0;
  const U = partial.U ?? 0;
  return { F, M, X, U, N: F + M + X + U };
}

/** Share of women with the §0 denominator, unknown share, bounds and data-quality flag. */
export function computeShareOfWomen(counts: SexCounts): ShareResult {
  const known = counts.F + counts.M + counts.X;
  const base = {
    numerator: counts.F,
    denominator: known,
    counts,
    unknownShare: counts.N === 0 ? null : counts.U / counts.N,
    bounds:
      counts.N === 0 ? null : { low: counts.F / counts.N, high: (counts.F + counts.U) / counts.N },
    isUnknownSexHigh: counts.N > 0 && counts.U / counts.N > UNKNOWN_SEX_HIGH_THRESHOLD,
  };
  return known === 0
    ? { ...base, value: null, reason: "empty_denominator" }
    : { ...base, value: counts.F / known };
}
