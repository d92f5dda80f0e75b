import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../src/server/db/schema";

/**
 * Runs `work` in one transaction with the audit table's triggers disabled, as a database superuser
 * could, then enables them again. Tamper tests use it to do what the triggers refuse to everyone else.
 */
export async function asSuperuser(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>) => Promise<void>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(trx);
    await work(trx);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(trx);
  });
}

/** Swaps two entries' positions (their ids), as a reordering superuser would. */
export async function swapAuditIds(trx: Transaction<DB>, a: number, b: number): Promise<void> {
  await sql`UPDATE audit_log SET id = -1 WHERE id = ${a}`.execute(trx);
  await sql`UPDATE audit_log SET id = ${a} WHERE id = ${b}`.execute(trx);
  await sql`UPDATE audit_log SET id = ${b} WHERE id = -1`.execute(trx);
}

/** Swaps two entries' `prev_hash` and `hash` (the chain links), leaving their content in place. */
export async function swapAuditLinks(trx: Transaction<DB>, a: number, b: number): Promise<void> {
  const links = await trx
    .selectFrom("audit_log")
    .select(["id", "prev_hash", "hash"])
    .where("id", "in", [a, b])
    .execute();
  const la = links.find((l) => l.id === a);
  const lb = links.find((l) => l.id === b);
  if (!la || !lb) throw new Error(`no entries ${a} and ${b}`);
  // hash is unique: park one value first.
  await sql`UPDATE audit_log SET hash = ${"f".repeat(64)} WHERE id = ${a}`.execute(trx);
  await sql`UPDATE audit_log SET prev_hash = ${la.prev_hash}, hash = ${la.hash} WHERE id = ${b}`.execute(
    trx,
  );
  await sql`UPDATE audit_log SET prev_hash = ${lb.prev_hash}, hash = ${lb.hash} WHERE id = ${a}`.execute(
    trx,
  );
}
