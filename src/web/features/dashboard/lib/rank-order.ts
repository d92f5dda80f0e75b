import type { RankScheme } from "../../../../core/schemas/register-config";

export interface RankOrder {
  /** Rank-group codes, most junior first. */
  readonly groups: readonly string[];
  /** Rank codes by seniority ordinal, most junior first. */
  readonly ranks: readonly string[];
}

/** The order of rank groups and ranks of the rank scheme (by ordinal), for charts and tables. */
export function rankOrderOf(scheme: RankScheme["groups"]): RankOrder {
  const groups = [...scheme].sort((a, b) => a.ordinal - b.ordinal);
  const ranks = groups
    .flatMap((group) => group.ranks)
    .sort((a, b) => a.ordinal - b.ordinal)
    .map((rank) => rank.code);
  return { groups: groups.map((group) => group.code), ranks };
}
