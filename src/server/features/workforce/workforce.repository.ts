import { sql, type Kysely } from "kysely";
import type { HeadcountRow, RankGroupRef } from "../../../core/workforce/headline";
import type { DB } from "../../db/schema";

export function createWorkforceRepository(db: Kysely<DB>) {
  return {
    listRankGroups(): Promise<RankGroupRef[]> {
      return db
        .selectFrom("rank_groups")
        .select(["code", "name", "ordinal"])
        .orderBy("ordinal")
        .execute();
    },

    /**
     * Persons in post on `asOf` in the subtree rooted at `unitPath`, by rank group and sex.
     * The caller has already checked that the subtree is in the user's scope.
     */
    async countHeadcount(unitPath: string, asOf: string): Promise<HeadcountRow[]> {
      const rows = await db
        .selectFrom("career_spells as s")
        .innerJoin("persons as p", "p.id", "s.person_id")
        .innerJoin("ranks as r", "r.id", "s.rank_id")
        .innerJoin("rank_groups as rg", "rg.id", "r.rank_group_id")
        .innerJoin("org_units as ou", "ou.id", "s.org_unit_id")
        .select([
          "rg.code as rankGroupCode",
          "p.sex as sex",
          (eb) => eb.fn.countAll<number>().as("count"),
        ])
        .where("s.valid_from", "<=", asOf)
        .where((eb) => eb.or([eb("s.valid_to", "is", null), eb("s.valid_to", ">", asOf)]))
        .where("ou.path", "like", sql<string>`${unitPath} || '%'`)
        .groupBy(["rg.code", "p.sex"])
        .execute();
      return rows.map((row) => ({ ...row, count: Number(row.count) }));
    },

    /**
     * As `countHeadcount`, but in the tree as of `asOf`: each spell's unit is placed where it was on
     * that date (`org_unit_versions`), and `unitPath` is the subtree root's path on that date.
     */
    async countHeadcountAsOf(unitPath: string, asOf: string): Promise<HeadcountRow[]> {
      const rows = await db
        .selectFrom("career_spells as s")
        .innerJoin("persons as p", "p.id", "s.person_id")
        .innerJoin("ranks as r", "r.id", "s.rank_id")
        .innerJoin("rank_groups as rg", "rg.id", "r.rank_group_id")
        .innerJoin("org_unit_versions as v", (join) =>
          join
            .onRef("v.org_unit_id", "=", "s.org_unit_id")
            .on("v.valid_from", "<=", asOf)
            .on((eb) => eb.or([eb("v.valid_to", "is", null), eb("v.valid_to", ">", asOf)])),
        )
        .select([
          "rg.code as rankGroupCode",
          "p.sex as sex",
          (eb) => eb.fn.countAll<number>().as("count"),
        ])
        .where("s.valid_from", "<=", asOf)
        .where((eb) => eb.or([eb("s.valid_to", "is", null), eb("s.valid_to", ">", asOf)]))
        .where("v.path", "like", sql<string>`${unitPath} || '%'`)
        .groupBy(["rg.code", "p.sex"])
        .execute();
      return rows.map((row) => ({ ...row, count: Number(row.count) }));
    },
  };
}

export type WorkforceRepository = ReturnType<typeof createWorkforceRepository>;
