import { describeUnknownSex, type SexCounts, type UnknownSex } from "./share";

export interface HeadcountResult extends UnknownSex {
  /** N = F + M + X + U: everyone in post, unknown sex included. */
  readonly value: number;
  readonly counts: SexCounts;
}

/** Headcount by sex (INDICATORS.md §1.1): the four counts and N, with the unknown share shown beside. */
export function computeHeadcount(counts: SexCounts): HeadcountResult {
  return { value: counts.N, counts, ...describeUnknownSex(counts) };
}
