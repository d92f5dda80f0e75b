import { sql, type Kysely } from "kysely";
import type { HistoryWrite, OrgUnitState, OrgUnitVersion } from "../../../core/org-units/history";
import type { OrgUnitKind } from "../../../core/schemas/org-units";
import type { DB } from "../../db/schema";

const versionColumns = [
  "id",
  "org_unit_id as orgUnitId",
  "valid_from as validFrom",
  "valid_to as validTo",
  "code",
  "name",
  "kind",
  "specialisation",
  "parent_id as parentId",
  "path",
  "is_closed as isClosed",
] as const;

const stateColumns = (state: OrgUnitState) => ({
  code: state.code,
  name: state.name,
  kind: state.kind,
  specialisation: state.specialisation,
  parent_id: state.parentId,
  path: state.path,
  is_closed: state.isClosed,
});

/**
 * The write side of org-unit history, on a transaction: `org_unit_versions` and the current
 * state in `org_units` change together. What to write is decided by `core/org-units/history.ts`.
 */
export function createOrgUnitHistoryRepository(db: Kysely<DB>) {
  return {
    versionsOf(unitId: number): Promise<OrgUnitVersion[]> {
      return db
        .selectFrom("org_unit_versions")
        .select(versionColumns)
        .where("org_unit_id", "=", unitId)
        .orderBy("valid_from")
        .execute();
    },

    /** Current versions of every unit whose current path starts with `path` (the unit and its subtree). */
    currentSubtree(path: string): Promise<OrgUnitVersion[]> {
      return db
        .selectFrom("org_unit_versions")
        .select(versionColumns)
        .where("valid_to", "is", null)
        .where("path", "like", sql<string>`${path.replace(/[\\%_]/g, (c) => `\\${c}`)} || '%'`)
        .orderBy("path")
        .forUpdate()
        .execute();
    },

    async currentVersion(unitId: number): Promise<OrgUnitVersion | undefined> {
      return db
        .selectFrom("org_unit_versions")
        .select(versionColumns)
        .where("org_unit_id", "=", unitId)
        .where("valid_to", "is", null)
        .forUpdate()
        .executeTakeFirst();
    },

    async isCodeTaken(code: string, exceptId: number | null): Promise<boolean> {
      let query = db.selectFrom("org_units").select("id").where("code", "=", code);
      if (exceptId !== null) query = query.where("id", "<>", exceptId);
      return (await query.executeTakeFirst()) !== undefined;
    },

    /** Inserts a unit with its final path; the insert trigger (migration 0004) opens its history. */
    async insertUnit(input: {
      code: string;
      name: string;
      kind: OrgUnitKind;
      specialisation: string | null;
      parent: { id: number; path: string };
      openedOn: string;
    }): Promise<{ id: number; path: string }> {
      const { rows } = await sql<{
        id: number;
      }>`SELECT nextval(pg_get_serial_sequence('org_units', 'id'))::int AS id`.execute(db);
      const id = rows[0]?.id;
      if (id === undefined) throw new Error("no id for the new org unit");
      const path = `${input.parent.path}${id}/`;
      await db
        .insertInto("org_units")
        .values({
          id,
          code: input.code,
          name: input.name,
          kind: input.kind,
          specialisation: input.specialisation,
          parent_id: input.parent.id,
          path,
          opened_on: input.openedOn,
        })
        .execute();
      return { id, path };
    },

    /** Carries out planned writes effective on `date`, keeping `org_units` equal to the current versions. */
    async apply(writes: readonly HistoryWrite[], date: string): Promise<void> {
      for (const write of writes) {
        if (write.kind === "replace") {
          await db
            .updateTable("org_unit_versions")
            .set(stateColumns(write.state))
            .where("id", "=", write.versionId)
            .execute();
        } else {
          await db
            .updateTable("org_unit_versions")
            .set({ valid_to: write.date })
            .where("id", "=", write.versionId)
            .execute();
          await db
            .insertInto("org_unit_versions")
            .values({
              org_unit_id: write.orgUnitId,
              valid_from: write.date,
              ...stateColumns(write.state),
            })
            .execute();
        }
        const { is_closed: isClosed, ...current } = stateColumns(write.state);
        await db
          .updateTable("org_units")
          .set({ ...current, closed_on: isClosed ? date : null })
          .where("id", "=", write.orgUnitId)
          .execute();
      }
    },
  };
}

export type OrgUnitHistoryRepository = ReturnType<typeof createOrgUnitHistoryRepository>;
