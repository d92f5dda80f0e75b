import type { Kysely } from "kysely";
import {
  classifyLinkBreak,
  createChainVerifier,
  type AuditChainRow,
  type ChainReport,
} from "../../core/audit/chain";
import type { DB } from "../db/schema";

const BATCH = 2000;

/**
 * Walks the whole audit chain in id order, in batches (the log can hold millions of entries), and
 * returns the first broken entry with its reason.
 */
export async function verifyAuditChain(db: Kysely<DB>): Promise<ChainReport> {
  const verifier = createChainVerifier();
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("id", ">", after)
      .orderBy("id")
      .limit(BATCH)
      .execute();
    let isBroken = false;
    for (const row of rows) {
      const chainRow: AuditChainRow = {
        id: row.id,
        occurredAt: row.occurred_at,
        actorUserId: row.actor_user_id,
        actorUsername: row.actor_username,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        orgUnitId: row.org_unit_id,
        fields: row.fields,
        outcome: row.outcome,
        ip: row.ip,
        userAgent: row.user_agent,
        prevHash: row.prev_hash,
        hash: row.hash,
      };
      if (verifier.push(chainRow)) {
        isBroken = true;
        break;
      }
    }
    const last = rows.at(-1);
    if (isBroken || !last || rows.length < BATCH) break;
    after = last.id;
  }
  const report = verifier.report();
  const prevHash = report.broken?.prevHash;
  if (!report.broken || prevHash === undefined) return report;
  const linked = await db
    .selectFrom("audit_log")
    .select("id")
    .where("hash", "=", prevHash)
    .executeTakeFirst();
  return { ...report, broken: classifyLinkBreak(report.broken, linked?.id) };
}
