import type { Sex } from "../schemas/sex";
import { computeShareOfWomen, countBySex, type ShareResult } from "../stats/share";

export interface RankGroupRef {
  readonly code: string;
  readonly name: string;
  readonly ordinal: number;
}

export interface HeadcountRow {
  readonly rankGroupCode: string;
  readonly sex: Sex;
  readonly count: number;
}

export interface HeadlineNumbers {
  readonly total: ShareResult;
  readonly byRankGroup: Array<RankGroupRef & { share: ShareResult }>;
}

/** Headcount and share of women, in total and per rank group; groups without staff are kept (as empties). */
export function buildHeadline(
  groups: readonly RankGroupRef[],
  rows: readonly HeadcountRow[],
): HeadlineNumbers {
  const bySex = (filter: (row: HeadcountRow) => boolean) =>
    computeShareOfWomen(countBySex(rows.filter(filter)));
  return {
    total: bySex(() => true),
    byRankGroup: [...groups]
      .sort((a, b) => a.ordinal - b.ordinal)
      .map((group) => ({ ...group, share: bySex((row) => row.rankGroupCode === group.code) })),
  };
}
