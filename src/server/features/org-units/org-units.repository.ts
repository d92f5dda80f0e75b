import type { Kysely } from "kysely";
import type { OrgUnit } from "../../../core/schemas/org-units";
import type { DB } from "../../db/schema";
import { inScope, type Scope } from "../../http/scope";

export function createOrgUnitsRepository(db: Kysely<DB>) {
  return {
    /** Open units in the caller's scope, parents before children. */
    async listInScope(scope: Scope): Promise<OrgUnit[]> {
      return db
        .selectFrom("org_units")
        .select(["id", "code", "name", "kind", "specialisation", "parent_id as parentId"])
        .where((eb) => inScope(eb.ref("path"), scope))
        .where("closed_on", "is", null)
        .orderBy("path")
        .execute();
    },

    async findById(
      id: number,
    ): Promise<{ id: number; code: string; name: string; path: string } | undefined> {
      return db
        .selectFrom("org_units")
        .select(["id", "code", "name", "path"])
        .where("id", "=", id)
        .executeTakeFirst();
    },

    async findByCode(
      code: string,
    ): Promise<{ id: number; code: string; name: string; path: string } | undefined> {
      return db
        .selectFrom("org_units")
        .select(["id", "code", "name", "path"])
        .where("code", "=", code)
        .executeTakeFirst();
    },

    async findByPath(
      path: string,
    ): Promise<{ id: number; code: string; name: string; path: string } | undefined> {
      return db
        .selectFrom("org_units")
        .select(["id", "code", "name", "path"])
        .where("path", "=", path)
        .executeTakeFirst();
    },

    async findRoot(): Promise<
      { id: number; code: string; name: string; path: string } | undefined
    > {
      return db
        .selectFrom("org_units")
        .select(["id", "code", "name", "path"])
        .where("parent_id", "is", null)
        .orderBy("id")
        .executeTakeFirst();
    },
  };
}

export type OrgUnitsRepository = ReturnType<typeof createOrgUnitsRepository>;
