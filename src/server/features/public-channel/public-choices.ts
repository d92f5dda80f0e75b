import type { PublicChannelRepository } from "./public-channel.repository";

/** How long the codes a resident may choose are kept: they change rarely (a unit opens or closes). */
export const CHOICES_TTL_MS = 60_000;
/** A code the kept lists lack is looked up again at once, but at most this often (junk codes). */
export const CHOICES_MISS_REFRESH_MS = 1_000;

export interface Choice {
  readonly categoryId: number | null;
  readonly unitId: number | null;
}

interface Lists {
  readonly at: number;
  readonly categories: ReadonlyMap<string, number>;
  readonly units: ReadonlyMap<string, number>;
  readonly rootId: number | null;
}

/**
 * The ids behind the codes of a submission (a category, and a unit or none for the national root),
 * from lists kept for CHOICES_TTL_MS instead of a query per submission: the public channel's hot
 * path. A stale list can only let a submission reach the insert, which checks again that the unit
 * is open and the category active (`record_community_issue`) and writes nothing otherwise; `forget`
 * then drops the lists. A code the lists lack is looked up again (a unit opened a moment ago).
 */
export function createChoices(
  repo: Pick<PublicChannelRepository, "choosableUnits" | "activeCategories">,
  now: () => number,
) {
  let lists: Lists | null = null;
  let loading: Promise<Lists> | null = null;

  const load = (): Promise<Lists> => {
    loading ??= (async () => {
      try {
        const at = now();
        const [units, categories] = await Promise.all([
          repo.choosableUnits(),
          repo.activeCategories(),
        ]);
        lists = {
          at,
          categories: new Map(categories.map((c) => [c.code, c.id])),
          units: new Map(units.map((u) => [u.code, u.id])),
          rootId: units.find((u) => u.isRoot)?.id ?? null,
        };
        return lists;
      } finally {
        loading = null;
      }
    })();
    return loading;
  };

  const lookup = (from: Lists, categoryCode: string, unitCode: string | undefined): Choice => ({
    categoryId: from.categories.get(categoryCode) ?? null,
    unitId: unitCode === undefined ? from.rootId : (from.units.get(unitCode) ?? null),
  });

  return {
    async resolve(categoryCode: string, unitCode: string | undefined): Promise<Choice> {
      const kept = lists !== null && now() - lists.at < CHOICES_TTL_MS ? lists : await load();
      const found = lookup(kept, categoryCode, unitCode);
      const isMissing = found.categoryId === null || found.unitId === null;
      if (!isMissing || now() - kept.at < CHOICES_MISS_REFRESH_MS) return found;
      return lookup(await load(), categoryCode, unitCode);
    },

    /** Drops the kept lists: the insert found a unit closed or a category retired since. */
    forget(): void {
      lists = null;
    },
  };
}
