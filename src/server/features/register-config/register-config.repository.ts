import { sql, type Kysely, type Transaction } from "kysely";
import type { GroupPlace, RankPlace } from "../../../core/register-config/rank-order";
import type { JobRole, Rank } from "../../../core/schemas/register-config";
import type { DB } from "../../db/schema";

/** Every writer of the rank scheme and the job roles takes this transaction-level advisory lock. */
const REGISTER_CONFIG_LOCK_KEY = 7263314;

export interface RankGroupRow {
  id: number;
  code: string;
  name: string;
  ordinal: number;
  isTop: boolean;
}

export type CodeTable = "rank_groups" | "ranks" | "job_roles";

const isInUse = (column: "rank_id" | "job_role_id", ref: "r.id" | "j.id") =>
  sql<boolean>`EXISTS (SELECT 1 FROM career_events e WHERE ${sql.ref(`e.${column}`)} = ${sql.ref(ref)})`;

function reader(db: Kysely<DB> | Transaction<DB>) {
  const ranks = () =>
    db
      .selectFrom("ranks as r")
      .select([
        "r.id",
        "r.code",
        "r.name",
        "r.ordinal",
        "r.rank_group_id as rankGroupId",
        "r.is_active as isActive",
        isInUse("rank_id", "r.id").as("isInUse"),
      ]);
  const groups = () =>
    db.selectFrom("rank_groups").select(["id", "code", "name", "ordinal", "is_top as isTop"]);
  const roles = () =>
    db
      .selectFrom("job_roles as j")
      .select([
        "j.id",
        "j.code",
        "j.name",
        "j.specialisation",
        "j.is_leadership as isLeadership",
        "j.is_active as isActive",
        isInUse("job_role_id", "j.id").as("isInUse"),
      ]);
  return {
    listRankGroups: (): Promise<RankGroupRow[]> => groups().orderBy("ordinal").execute(),
    listRanks: (): Promise<Rank[]> => ranks().orderBy("r.ordinal").execute(),
    listRoles: (): Promise<JobRole[]> => roles().orderBy("j.name").orderBy("j.id").execute(),
    findRankGroup: (id: number): Promise<RankGroupRow | undefined> =>
      groups().where("id", "=", id).executeTakeFirst(),
    findRank: (id: number): Promise<Rank | undefined> =>
      ranks().where("r.id", "=", id).executeTakeFirst(),
    findRole: (id: number): Promise<JobRole | undefined> =>
      roles().where("j.id", "=", id).executeTakeFirst(),
  };
}

/** The write side, inside one transaction that holds the register-config lock. */
function writer(trx: Transaction<DB>) {
  return {
    ...reader(trx),

    /** Another row of `table` has this code, compared without regard to case (imports match so). */
    async isCodeTaken(table: CodeTable, code: string, exceptId: number | null): Promise<boolean> {
      const row = await trx
        .selectFrom(table)
        .select("id")
        .where(sql<boolean>`lower(code) = lower(${code})`)
        .where("id", "<>", exceptId ?? 0)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** A rank of the group is named by a career event. */
    async isGroupInUse(groupId: number): Promise<boolean> {
      const row = await trx
        .selectFrom("career_events as e")
        .innerJoin("ranks as r", "r.id", "e.rank_id")
        .select("e.id")
        .where("r.rank_group_id", "=", groupId)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** People holding the rank today (open career spells). */
    async countInPost(rankId: number): Promise<number> {
      const row = await trx
        .selectFrom("career_spells")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("rank_id", "=", rankId)
        .where("valid_to", "is", null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async places(): Promise<{ groups: GroupPlace[]; ranks: RankPlace[] }> {
      const groups = await trx.selectFrom("rank_groups").select(["id", "ordinal"]).execute();
      const ranks = await trx
        .selectFrom("ranks")
        .select(["id", "rank_group_id as groupId", "ordinal"])
        .execute();
      return { groups, ranks };
    },

    async insertRankGroup(input: { code: string; name: string; isTop: boolean }): Promise<number> {
      const row = await trx
        .insertInto("rank_groups")
        .values((eb) => ({
          code: input.code,
          name: input.name,
          is_top: input.isTop,
          ordinal: eb
            .selectFrom("rank_groups")
            .select(sql<number>`coalesce(max(ordinal), 0) + 1`.as("next")),
        }))
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async updateRankGroup(
      id: number,
      changes: { code?: string; name?: string; is_top?: boolean },
    ): Promise<void> {
      if (Object.keys(changes).length === 0) return;
      await trx.updateTable("rank_groups").set(changes).where("id", "=", id).execute();
    },

    /** Inserted as the most senior rank of all; `writeRankOrder` then gives it its place. */
    async insertRank(input: {
      code: string;
      name: string;
      rankGroupId: number;
      isActive: boolean;
    }): Promise<number> {
      const row = await trx
        .insertInto("ranks")
        .values((eb) => ({
          code: input.code,
          name: input.name,
          rank_group_id: input.rankGroupId,
          is_active: input.isActive,
          ordinal: eb
            .selectFrom("ranks")
            .select(sql<number>`coalesce(max(ordinal), 0) + 1`.as("next")),
        }))
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async updateRank(
      id: number,
      changes: { code?: string; name?: string; rank_group_id?: number; is_active?: boolean },
    ): Promise<void> {
      if (Object.keys(changes).length === 0) return;
      await trx.updateTable("ranks").set(changes).where("id", "=", id).execute();
    },

    /**
     * Rewrites every ordinal: position in `rankIds` + 1. The ordinals are UNIQUE and checked row by
     * row, so they are first moved out of the way (to −id, distinct and never a real ordinal).
     */
    async writeRankOrder(rankIds: readonly number[]): Promise<void> {
      if (rankIds.length === 0) return;
      await trx
        .updateTable("ranks")
        .set((eb) => ({ ordinal: eb.neg(eb.ref("id")) }))
        .execute();
      const values = sql.join(rankIds.map((id, i) => sql`(${id}::int, ${i + 1}::int)`));
      await sql`UPDATE ranks SET ordinal = v.ordinal
                  FROM (VALUES ${values}) AS v(id, ordinal)
                 WHERE ranks.id = v.id`.execute(trx);
    },

    async insertRole(input: {
      code: string;
      name: string;
      specialisation: string | null;
      isLeadership: boolean;
      isActive: boolean;
    }): Promise<number> {
      const row = await trx
        .insertInto("job_roles")
        .values({
          code: input.code,
          name: input.name,
          specialisation: input.specialisation,
          is_leadership: input.isLeadership,
          is_active: input.isActive,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async updateRole(
      id: number,
      changes: {
        code?: string;
        name?: string;
        specialisation?: string | null;
        is_leadership?: boolean;
        is_active?: boolean;
      },
    ): Promise<void> {
      if (Object.keys(changes).length === 0) return;
      await trx.updateTable("job_roles").set(changes).where("id", "=", id).execute();
    },

    /**
     * Career spells copy the leadership flag of their role (one spell never spans two roles), so a
     * changed flag is carried into them here: the same result as re-deriving every holder's spells.
     */
    async setSpellLeadership(roleId: number, isLeadership: boolean): Promise<void> {
      await trx
        .updateTable("career_spells")
        .set({ is_leadership: isLeadership })
        .where("job_role_id", "=", roleId)
        .where("is_leadership", "<>", isLeadership)
        .execute();
    },
  };
}

export type RegisterConfigWriter = ReturnType<typeof writer>;

/** SQL of the rank scheme (rank groups, ranks) and the job roles. */
export function createRegisterConfigRepository(db: Kysely<DB>) {
  return {
    ...reader(db),

    /** The materialised path of the root unit: configuring the register needs a grant there. */
    async rootPath(): Promise<string | undefined> {
      const row = await db
        .selectFrom("org_units")
        .select("path")
        .where("parent_id", "is", null)
        .orderBy("id")
        .executeTakeFirst();
      return row?.path;
    },

    /** Runs `work` in one transaction, serialised with every other writer of this configuration. */
    transaction<T>(work: (writer: RegisterConfigWriter) => Promise<T>): Promise<T> {
      return db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(${sql.lit(REGISTER_CONFIG_LOCK_KEY)})`.execute(trx);
        return work(writer(trx));
      });
    },
  };
}

export type RegisterConfigRepository = ReturnType<typeof createRegisterConfigRepository>;
