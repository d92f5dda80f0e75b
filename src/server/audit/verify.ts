import type { Kysely } from "kysely";
import {
  chainRowOf,
  classifyLinkBreak,
  createChainVerifier,
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
      if (verifier.push(chainRowOf(row))) {
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

/** Entries waiting in the inbox to be linked into the chain (decision 0017). */
export async function countPendingAuditEntries(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom("audit_inbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
