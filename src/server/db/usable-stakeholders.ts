import { sql, type Kysely, type SqlBool } from "kysely";
import { inScopeOrAbove, type Scope } from "../http/scope";
import type { DB } from "./schema";

/**
 * Of these stakeholder ids, the ones a caller may involve: active, and covering some unit in the
 * caller's area or above it (a national shelter serves every district). Used by referrals and by
 * the partners of an outreach session.
 */
export async function usableStakeholders(
  db: Kysely<DB>,
  scope: Scope,
  ids: readonly number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom("stakeholders as k")
    .select("k.id")
    .where("k.id", "in", ids)
    .where("k.is_active", "=", true)
    .where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM stakeholder_coverage c JOIN org_units u ON u.id = c.org_unit_id
        WHERE c.stakeholder_id = k.id AND ${inScopeOrAbove(sql.ref<string>("u.path"), scope)})`,
    )
    .execute();
  return new Set(rows.map((r) => r.id));
}
