import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema";
import { usableStakeholders } from "../../db/usable-stakeholders";
import { inScope, type Scope } from "../../http/scope";
import { findOrgUnitPath } from "../../db/org-unit-path";

/** The checks a write makes before it writes, on the transaction's connection. */
export function createIssueLookups(trx: Kysely<DB>) {
  return {
    async isCategoryActive(id: number): Promise<boolean> {
      const row = await trx
        .selectFrom("issue_categories")
        .select("id")
        .where("id", "=", id)
        .where("is_active", "=", true)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** The path of a unit, if it exists and is open. */
    openUnitPath: (id: number) => findOrgUnitPath(trx, id, { isOpenOnly: true }),

    /** An outreach session in the scope: its unit. */
    async sessionUnit(scope: Scope, id: number): Promise<number | undefined> {
      const row = await trx
        .selectFrom("outreach_sessions as s")
        .innerJoin("org_units as ou", "ou.id", "s.org_unit_id")
        .select("s.org_unit_id as orgUnitId")
        .where("s.id", "=", id)
        .where(inScope(sql.ref<string>("ou.path"), scope))
        .executeTakeFirst();
      return row?.orgUnitId;
    },

    /** An active stakeholder serving the caller's area. */
    async isStakeholderUsable(scope: Scope, id: number): Promise<boolean> {
      return (await usableStakeholders(trx, scope, [id])).has(id);
    },

    /** The role assignments of an enabled user (with unit paths); undefined for no such user. */
    async assignmentsOf(
      userId: number,
    ): Promise<Array<{ role: string; path: string }> | undefined> {
      const user = await trx
        .selectFrom("users")
        .select("id")
        .where("id", "=", userId)
        .where("is_disabled", "=", false)
        .executeTakeFirst();
      if (!user) return undefined;
      return trx
        .selectFrom("role_assignments as ra")
        .innerJoin("org_units as ou", "ou.id", "ra.org_unit_id")
        .select(["ra.role", "ou.path"])
        .where("ra.user_id", "=", userId)
        .execute();
    },
  };
}
