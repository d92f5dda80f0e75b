import type { Kysely } from "kysely";
import type { ExistingUnit } from "../../../core/org-units/import-rows";
import type { OrgUnitVersion } from "../../../core/org-units/history";
import type { OrgUnit } from "../../../core/schemas/org-units";
import type { DB } from "../../db/schema";
import { inScope, isPathInScope, type Scope } from "../../http/scope";
import { createOrgUnitHistoryRepository } from "./org-unit-history.repository";

export interface UnitRef {
  id: number;
  code: string;
  name: string;
  path: string;
}

const unitColumns = [
  "id",
  "code",
  "name",
  "kind",
  "specialisation",
  "parent_id as parentId",
  "opened_on as openedOn",
  "closed_on as closedOn",
] as const;

/** The id of the unit a materialised path ends with: `/1/4/17/` → 17. */
const lastId = (path: string) => Number(path.split("/").at(-2));

export function createOrgUnitsRepository(db: Kysely<DB>) {
  const refs = () => db.selectFrom("org_units").select(["id", "code", "name", "path"]);
  return {
    /** Today's units in the caller's scope, parents before children; closed ones only on request. */
    async listInScope(scope: Scope, options: { includeClosed?: boolean } = {}): Promise<OrgUnit[]> {
      let query = db
        .selectFrom("org_units")
        .select(unitColumns)
        .where((eb) => inScope(eb.ref("path"), scope));
      if (!options.includeClosed) query = query.where("closed_on", "is", null);
      return query.orderBy("path").execute();
    },

    /** The open units of the tree as of `date` within `scope` (a scope as of that date). */
    async listAsOf(scope: Scope, date: string): Promise<OrgUnit[]> {
      return db
        .selectFrom("org_unit_versions as v")
        .innerJoin("org_units as u", "u.id", "v.org_unit_id")
        .select([
          "v.org_unit_id as id",
          "v.code",
          "v.name",
          "v.kind",
          "v.specialisation",
          "v.parent_id as parentId",
          "u.opened_on as openedOn",
          "u.closed_on as closedOn",
        ])
        .where("v.valid_from", "<=", date)
        .where((eb) => eb.or([eb("v.valid_to", "is", null), eb("v.valid_to", ">", date)]))
        .where("v.is_closed", "=", false)
        .where((eb) => inScope(eb.ref("v.path"), scope))
        .orderBy("v.path")
        .execute();
    },

    /**
     * The caller's scope in the tree as of `date`: each granted unit's subtree as it was then.
     * Units that did not exist then drop out, so the result can only be narrower in reach.
     */
    async scopeAsOf(scope: Scope, date: string): Promise<Scope> {
      const ids = scope.unitPaths.map(lastId);
      if (ids.length === 0) return { unitPaths: [] };
      const rows = await db
        .selectFrom("org_unit_versions")
        .select("path")
        .where("org_unit_id", "in", ids)
        .where("valid_from", "<=", date)
        .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">", date)]))
        .orderBy("path")
        .execute();
      return { unitPaths: rows.map((r) => r.path) };
    },

    /** A unit (by id, or by its path then) as it was on `date`; undefined when it did not exist then. */
    async findAsOf(
      key: { id: number } | { path: string },
      date: string,
    ): Promise<UnitRef | undefined> {
      return db
        .selectFrom("org_unit_versions")
        .select(["org_unit_id as id", "code", "name", "path"])
        .where((eb) => ("id" in key ? eb("org_unit_id", "=", key.id) : eb("path", "=", key.path)))
        .where("valid_from", "<=", date)
        .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">", date)]))
        .executeTakeFirst();
    },

    async getUnit(id: number): Promise<(OrgUnit & { path: string }) | undefined> {
      return db
        .selectFrom("org_units")
        .select([...unitColumns, "path"])
        .where("id", "=", id)
        .executeTakeFirst();
    },

    versionsOf(unitId: number): Promise<OrgUnitVersion[]> {
      return createOrgUnitHistoryRepository(db).versionsOf(unitId);
    },

    /** Every unit, for an import to match codes and detect cycles; `isEditable` by `scope`. */
    async listForImport(scope: Scope): Promise<Array<ExistingUnit & { path: string }>> {
      const rows = await db
        .selectFrom("org_units")
        .select([
          "id",
          "code",
          "name",
          "kind",
          "specialisation",
          "parent_id as parentId",
          "opened_on as openedOn",
          "closed_on as closedOn",
          "path",
        ])
        .orderBy("path")
        .execute();
      return rows.map(({ closedOn, ...row }) => ({
        ...row,
        isClosed: closedOn !== null,
        isEditable: isPathInScope(scope, row.path),
      }));
    },

    findById: (id: number): Promise<UnitRef | undefined> =>
      refs().where("id", "=", id).executeTakeFirst(),
    findByCode: (code: string): Promise<UnitRef | undefined> =>
      refs().where("code", "=", code).executeTakeFirst(),
    findByPath: (path: string): Promise<UnitRef | undefined> =>
      refs().where("path", "=", path).executeTakeFirst(),
    findRoot: (): Promise<UnitRef | undefined> =>
      refs().where("parent_id", "is", null).orderBy("id").executeTakeFirst(),

    /** Open child units on `date` or later. */
    async countOpenChildren(unitId: number, date: string): Promise<number> {
      const row = await db
        .selectFrom("org_units")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("parent_id", "=", unitId)
        .where((eb) => eb.or([eb("closed_on", "is", null), eb("closed_on", ">", date)]))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** People in post at the unit itself on `date` or later (career spells not ended by then). */
    async countStaffFrom(unitId: number, date: string): Promise<number> {
      const row = await db
        .selectFrom("career_spells")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("org_unit_id", "=", unitId)
        .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">", date)]))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Runs `work` in one transaction with the write side of the history. */
    transaction<T>(
      work: (history: ReturnType<typeof createOrgUnitHistoryRepository>) => Promise<T>,
    ): Promise<T> {
      return db.transaction().execute((trx) => work(createOrgUnitHistoryRepository(trx)));
    },
  };
}

export type OrgUnitsRepository = ReturnType<typeof createOrgUnitsRepository>;
