import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../../db/schema";
import { inScope, type Scope } from "../../http/scope";

/** Every writer of representation targets takes this transaction-level advisory lock. */
const TARGETS_LOCK_KEY = 7263368;

export interface TargetRow {
  id: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  unitPath: string;
  rankGroupId: number | null;
  rankGroupCode: string | null;
  rankGroupName: string | null;
  targetYear: number;
  shareBasisPoints: number;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  path: string;
  isClosed: boolean;
}

export interface TargetValues {
  org_unit_id: number;
  rank_group_id: number | null;
  target_year: number;
  target_share_bp: number;
  note: string | null;
}

function reader(db: Kysely<DB> | Transaction<DB>) {
  const targets = () =>
    db
      .selectFrom("representation_targets as t")
      .innerJoin("org_units as u", "u.id", "t.org_unit_id")
      .leftJoin("rank_groups as g", "g.id", "t.rank_group_id")
      .select([
        "t.id",
        "u.id as unitId",
        "u.code as unitCode",
        "u.name as unitName",
        "u.path as unitPath",
        "g.id as rankGroupId",
        "g.code as rankGroupCode",
        "g.name as rankGroupName",
        "t.target_year as targetYear",
        "t.target_share_bp as shareBasisPoints",
        "t.note",
        "t.created_at as createdAt",
        "t.updated_at as updatedAt",
      ]);
  return {
    findTarget: (id: number): Promise<TargetRow | undefined> =>
      targets().where("t.id", "=", id).executeTakeFirst(),

    /**
     * Targets of units in `scope`, within `underPath`'s subtree when given, set before `adoptedBefore`
     * when given; by unit code, then all ranks before rank groups (junior first), then year.
     */
    listTargets: (
      scope: Scope,
      filter: { underPath?: string; adoptedBefore?: Date },
    ): Promise<TargetRow[]> =>
      targets()
        .where((eb) => inScope(eb.ref("u.path"), scope))
        .$if(filter.underPath !== undefined, (q) =>
          q.where((eb) => inScope(eb.ref("u.path"), { unitPaths: [filter.underPath ?? ""] })),
        )
        .$if(filter.adoptedBefore !== undefined, (q) =>
          q.where("t.created_at", "<", filter.adoptedBefore ?? new Date(0)),
        )
        .orderBy("u.code")
        .orderBy(sql`g.ordinal NULLS FIRST`)
        .orderBy("t.target_year")
        .orderBy("t.id")
        .execute(),

    findUnit: (id: number): Promise<UnitRow | undefined> =>
      db
        .selectFrom("org_units")
        .select(["id", "code", "name", "path", sql<boolean>`closed_on IS NOT NULL`.as("isClosed")])
        .where("id", "=", id)
        .executeTakeFirst(),

    findRankGroup: (id: number) =>
      db
        .selectFrom("rank_groups")
        .select(["id", "code", "name"])
        .where("id", "=", id)
        .executeTakeFirst(),
  };
}

/** The write side, inside one transaction that holds the targets lock. */
function writer(trx: Transaction<DB>) {
  return {
    ...reader(trx),

    /** The id of another target for the same unit, rank group (null = all ranks) and year. */
    async findDuplicate(
      values: Pick<TargetValues, "org_unit_id" | "rank_group_id" | "target_year">,
      exceptId: number | null,
    ): Promise<number | undefined> {
      const row = await trx
        .selectFrom("representation_targets")
        .select("id")
        .where("org_unit_id", "=", values.org_unit_id)
        .where(sql<boolean>`rank_group_id IS NOT DISTINCT FROM ${values.rank_group_id}::int`)
        .where("target_year", "=", values.target_year)
        .where("id", "<>", exceptId ?? 0)
        .executeTakeFirst();
      return row?.id;
    },

    async insertTarget(values: TargetValues, userId: number | null, at: Date): Promise<number> {
      const row = await trx
        .insertInto("representation_targets")
        .values({
          ...values,
          created_by: userId,
          updated_by: userId,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async updateTarget(
      id: number,
      changes: Partial<TargetValues>,
      userId: number | null,
      at: Date,
    ): Promise<void> {
      await trx
        .updateTable("representation_targets")
        .set({ ...changes, updated_by: userId, updated_at: at })
        .where("id", "=", id)
        .execute();
    },

    async deleteTarget(id: number): Promise<void> {
      await trx.deleteFrom("representation_targets").where("id", "=", id).execute();
    },
  };
}

export type TargetsWriter = ReturnType<typeof writer>;

/** SQL of representation targets; every list is filtered by the caller's scope. */
export function createTargetsRepository(db: Kysely<DB>) {
  return {
    ...reader(db),

    /** Runs `work` in one transaction, serialised with every other writer of targets. */
    transaction<T>(work: (writer: TargetsWriter) => Promise<T>): Promise<T> {
      return db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(${sql.lit(TARGETS_LOCK_KEY)})`.execute(trx);
        return work(writer(trx));
      });
    },
  };
}

export type TargetsRepository = ReturnType<typeof createTargetsRepository>;
