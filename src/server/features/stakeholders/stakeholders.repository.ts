import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from "kysely";
import type { StakeholderType } from "../../../core/community/vocabulary";
import type { Stakeholder } from "../../../core/schemas/stakeholders";
import type { DB } from "../../db/schema";
import { escapeLike, inScope, inScopeOrAbove, type Scope } from "../../http/scope";

type Db = Kysely<DB> | Transaction<DB>;

export interface StakeholderFilters {
  /** Only stakeholders serving this unit's area: covering it, a unit above it, or one below it. */
  readonly unitPath?: string;
  readonly type?: StakeholderType;
  readonly isActive?: boolean;
  readonly nameContains?: string;
}

export interface StakeholderValues {
  readonly name: string;
  readonly type: StakeholderType;
  readonly services: string;
  readonly contacts: string;
  readonly isActive: boolean;
}

const unitPath = sql.ref<string>("u.path");

/** The stakeholder has a covered unit meeting `condition` (on `u.path`, `unitPath`). */
const covers = (condition: Expression<SqlBool>) =>
  sql<SqlBool>`EXISTS (SELECT 1 FROM stakeholder_coverage c JOIN org_units u ON u.id = c.org_unit_id
    WHERE c.stakeholder_id = s.id AND ${condition})`;

function reader(db: Db) {
  /** Stakeholders that serve the caller's area: covering a unit in the scope or above it. */
  const visible = (scope: Scope) =>
    db
      .selectFrom("stakeholders as s")
      .select([
        "s.id",
        "s.name",
        "s.type",
        "s.services",
        "s.contacts",
        "s.is_active as isActive",
        "s.created_at as createdAt",
        "s.updated_at as updatedAt",
        covers(sql<SqlBool>`NOT ${inScope(unitPath, scope)}`).as("hasCoverageOutsideScope"),
      ])
      .where(covers(inScopeOrAbove(unitPath, scope)));

  /** The covered units of these stakeholders that lie in the scope. */
  const unitsInScope = async (scope: Scope, ids: readonly number[]) => {
    if (ids.length === 0) return new Map<number, Stakeholder["units"]>();
    const rows = await db
      .selectFrom("stakeholder_coverage as c")
      .innerJoin("org_units as u", "u.id", "c.org_unit_id")
      .select(["c.stakeholder_id as stakeholderId", "u.id", "u.code", "u.name"])
      .where("c.stakeholder_id", "in", ids)
      .where(inScope(unitPath, scope))
      .orderBy("u.path")
      .execute();
    const byId = new Map<number, Stakeholder["units"]>();
    for (const { stakeholderId, ...unit } of rows) {
      byId.set(stakeholderId, [...(byId.get(stakeholderId) ?? []), unit]);
    }
    return byId;
  };

  const withUnits = async (
    scope: Scope,
    rows: Awaited<ReturnType<ReturnType<typeof visible>["execute"]>>,
  ): Promise<Stakeholder[]> => {
    const units = await unitsInScope(
      scope,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      ...r,
      hasCoverageOutsideScope: Boolean(r.hasCoverageOutsideScope),
      units: units.get(r.id) ?? [],
      createdAt: new Date(r.createdAt).toISOString(),
      updatedAt: new Date(r.updatedAt).toISOString(),
    }));
  };

  return {
    async list(scope: Scope, filters: StakeholderFilters): Promise<Stakeholder[]> {
      let query = visible(scope);
      if (filters.unitPath !== undefined) {
        query = query.where(covers(inScopeOrAbove(unitPath, { unitPaths: [filters.unitPath] })));
      }
      if (filters.type !== undefined) query = query.where("s.type", "=", filters.type);
      if (filters.isActive !== undefined) query = query.where("s.is_active", "=", filters.isActive);
      if (filters.nameContains) {
        query = query.where(
          sql<SqlBool>`s.name ILIKE ${"%" + escapeLike(filters.nameContains) + "%"}`,
        );
      }
      return withUnits(scope, await query.orderBy("s.name").orderBy("s.id").execute());
    },

    async find(scope: Scope, id: number): Promise<Stakeholder | undefined> {
      const rows = await visible(scope).where("s.id", "=", id).execute();
      return (await withUnits(scope, rows))[0];
    },

    /** Paths of the given units that exist (id → path). */
    async unitPaths(ids: readonly number[]): Promise<Map<number, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom("org_units")
        .select(["id", "path"])
        .where("id", "in", ids)
        .execute();
      return new Map(rows.map((r) => [r.id, r.path]));
    },
  };
}

function writer(trx: Transaction<DB>) {
  return {
    ...reader(trx),

    /** Locks the row and returns the paths of every unit it covers; undefined when it does not exist. */
    async lockCoverage(id: number): Promise<string[] | undefined> {
      const row = await trx
        .selectFrom("stakeholders")
        .select("id")
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      if (!row) return undefined;
      const units = await trx
        .selectFrom("stakeholder_coverage as c")
        .innerJoin("org_units as u", "u.id", "c.org_unit_id")
        .select("u.path")
        .where("c.stakeholder_id", "=", id)
        .execute();
      return units.map((u) => u.path);
    },

    async insert(values: StakeholderValues, unitIds: readonly number[]): Promise<number> {
      const { id } = await trx
        .insertInto("stakeholders")
        .values({
          name: values.name,
          type: values.type,
          services: values.services,
          contacts: values.contacts,
          is_active: values.isActive,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await this.replaceCoverage(id, unitIds);
      return id;
    },

    async update(id: number, changes: Partial<StakeholderValues>, now: Date): Promise<void> {
      await trx
        .updateTable("stakeholders")
        .set({
          ...(changes.name === undefined ? {} : { name: changes.name }),
          ...(changes.type === undefined ? {} : { type: changes.type }),
          ...(changes.services === undefined ? {} : { services: changes.services }),
          ...(changes.contacts === undefined ? {} : { contacts: changes.contacts }),
          ...(changes.isActive === undefined ? {} : { is_active: changes.isActive }),
          updated_at: now,
        })
        .where("id", "=", id)
        .execute();
    },

    async replaceCoverage(id: number, unitIds: readonly number[]): Promise<void> {
      await trx.deleteFrom("stakeholder_coverage").where("stakeholder_id", "=", id).execute();
      await trx
        .insertInto("stakeholder_coverage")
        .values(unitIds.map((unitId) => ({ stakeholder_id: id, org_unit_id: unitId })))
        .execute();
    },
  };
}

export type StakeholdersWriter = ReturnType<typeof writer>;

/** SQL of the stakeholder directory; every read is limited to the caller's area. */
export function createStakeholdersRepository(db: Kysely<DB>) {
  return {
    ...reader(db),
    /** Runs `work` in one transaction: all or nothing. */
    transaction<T>(work: (w: StakeholdersWriter) => Promise<T>): Promise<T> {
      return db.transaction().execute((trx) => work(writer(trx)));
    },
  };
}

export type StakeholdersRepository = ReturnType<typeof createStakeholdersRepository>;
