import type { Sex } from "../schemas/sex";
import {
  computeWilsonInterval,
  type ConfidenceInterval,
  type ConfidenceOptions,
} from "./confidence";

/** Sex-disaggregated counts (INDICATORS.md §0): N = F + M + X + U. */
export interface SexCounts {
  readonly F: number;
  readonly M: number;
  readonly X: number;
  readonly U: number;
  readonly N: number;
}

export type ShareReason = "empty_denominator";

export interface UnknownSex {
  /** U / N; null when N = 0. */
  readonly unknownShare: number | null;
  /** U / N > 5% (INDICATORS.md §0 data-quality flag). */
  readonly isUnknownSexHigh: boolean;
}

export interface ShareResult extends UnknownSex {
  /** F / (F + M + X); null when no person of known sex is counted. */
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
  readonly counts: SexCounts;
  /** F / N and (F + U) / N: the share if every unknown were a man / a woman. */
  readonly bounds: { readonly low: number; readonly high: number } | null;
  /** Wilson interval of F out of F + M + X, only when asked for; null when the denominator is 0. */
  readonly ci?: ConfidenceInterval | null;
  readonly reason?: ShareReason;
}

export interface ShareOptions {
  /** Ask for a confidence interval (label register data `model_based`, INDICATORS.md §0). */
  readonly confidence?: ConfidenceOptions;
}

export const UNKNOWN_SEX_HIGH_THRESHOLD = 0.05;

export function toSexCounts(partial: Partial<Record<Sex, number>>): SexCounts {
  const F = partial.F ?? 0;
  const M = partial.M ?? 0;
  const X = partial.X ?? 0;
  const U = partial.U ?? 0;
  return { F, M, X, U, N: F + M + X + U };
}

/** Adds up rows of (sex, count), e.g. a GROUP BY sex result; a sex without rows counts 0. */
export function countBySex(
  rows: Iterable<{ readonly sex: Sex; readonly count: number }>,
): SexCounts {
  const acc: Record<Sex, number> = { F: 0, M: 0, X: 0, U: 0 };
  for (const row of rows) acc[row.sex] += row.count;
  return toSexCounts(acc);
}

export function describeUnknownSex(counts: SexCounts): UnknownSex {
  return {
    unknownShare: counts.N === 0 ? null : counts.U / counts.N,
    isUnknownSexHigh: counts.N > 0 && counts.U / counts.N > UNKNOWN_SEX_HIGH_THRESHOLD,
  };
}

/** Share of women with the §0 denominator, unknown share, bounds and data-quality flag. */
export function computeShareOfWomen(counts: SexCounts, options: ShareOptions = {}): ShareResult {
  const known = counts.F + counts.M + counts.X;
  const base = {
    numerator: counts.F,
    denominator: known,
    counts,
    ...describeUnknownSex(counts),
    bounds:
      counts.N === 0 ? null : { low: counts.F / counts.N, high: (counts.F + counts.U) / counts.N },
    ...(options.confidence && {
      ci: computeWilsonInterval(counts.F, known, options.confidence),
    }),
  };
  return known === 0
    ? { ...base, value: null, reason: "empty_denominator" }
    : { ...base, value: counts.F / known };
}
