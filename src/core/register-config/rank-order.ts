/** Where a rank stands: its group and its seniority (1 = most junior) over the whole scheme. */
export interface RankPlace {
  readonly id: number;
  readonly groupId: number;
  readonly ordinal: number;
}

/** A rank group and its place among the groups (lower = more junior). */
export interface GroupPlace {
  readonly id: number;
  readonly ordinal: number;
}

export type RankOrderProblem = "not_every_rank_once" | "groups_interleaved";

const groupOrdinals = (groups: readonly GroupPlace[]) =>
  new Map(groups.map((g) => [g.id, g.ordinal]));

/**
 * The rank ids from most junior to most senior after a change (a new rank, a rank moved to another
 * group): by their group's order, then by their current ordinal. Position + 1 is each rank's new
 * ordinal, so the ordinals stay unique and contiguous and each group's ranks stay together.
 */
export function normaliseRankOrder(
  groups: readonly GroupPlace[],
  ranks: readonly RankPlace[],
): number[] {
  const groupOrdinal = groupOrdinals(groups);
  const key = (r: RankPlace) => groupOrdinal.get(r.groupId) ?? Number.MAX_SAFE_INTEGER;
  return [...ranks].sort((a, b) => key(a) - key(b) || a.ordinal - b.ordinal).map((r) => r.id);
}

/**
 * Why a proposed order (rank ids, most junior first) cannot be taken, or null when it can: it must
 * name every rank exactly once, and keep each group's ranks together with the groups in their order
 * (a rank changes group by an edit, not by a move).
 */
export function checkRankOrder(
  groups: readonly GroupPlace[],
  ranks: readonly RankPlace[],
  rankIds: readonly number[],
): RankOrderProblem | null {
  const byId = new Map(ranks.map((r) => [r.id, r]));
  if (rankIds.length !== ranks.length || new Set(rankIds).size !== rankIds.length) {
    return "not_every_rank_once";
  }
  if (rankIds.some((id) => !byId.has(id))) return "not_every_rank_once";
  const groupOrdinal = groupOrdinals(groups);
  let previous = Number.NEGATIVE_INFINITY;
  for (const id of rankIds) {
    const rank = byId.get(id);
    const ordinal = rank ? (groupOrdinal.get(rank.groupId) ?? Number.MAX_SAFE_INTEGER) : 0;
    if (ordinal < previous) return "groups_interleaved";
    previous = ordinal;
  }
  return null;
}
