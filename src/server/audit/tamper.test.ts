import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asSuperuser, swapAuditIds, swapAuditLinks } from "../../../test/audit-tamper";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../test/test-db";
import { computeEntryHash, entryContentOf, type ChainReport } from "../../core/audit/chain";
import { createAuditRecorder } from "./audit-recorder";
import { verifyAuditChain } from "./verify";

const ENTRIES = 6;

describe.each(testEngines())("audit trail under tampering (%s)", (engine) => {
  let database: TestDatabase;
  let intact: ChainReport;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const recorder = createAuditRecorder(database.db);
    for (let i = 1; i <= ENTRIES; i++) {
      await recorder.record({
        actor: { userId: i, username: `user${i}`, ip: "10.0.0.1", userAgent: "vitest" },
        action: i % 2 ? "auth.sign_in" : "user.update",
        entityType: "user",
        entityId: String(i),
        orgUnitId: 1,
        fields: i % 2 ? [] : ["locale"],
        outcome: "success",
      });
    }
    intact = await verifyAuditChain(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });
  // Every case undoes its tampering, so each starts from the intact chain.
  beforeEach(async () => {
    expect(await verifyAuditChain(database.db)).toEqual(intact);
  });

  it("starts intact", () => {
    expect(intact.count).toBe(ENTRIES);
    expect(intact.broken).toBeNull();
  });

  it.each([
    ["UPDATE", sql`UPDATE audit_log SET action = 'auth.sign_out' WHERE id = 2`],
    ["DELETE", sql`DELETE FROM audit_log WHERE id = 2`],
    ["TRUNCATE", sql`TRUNCATE audit_log`],
  ])("the database refuses %s", async (_op, statement) => {
    await expect(statement.execute(database.db)).rejects.toThrow(/audit_log is append-only/);
    expect(await verifyAuditChain(database.db)).toEqual(intact);
  });

  it("names an entry whose field was changed", async () => {
    await asSuperuser(database.db, async (trx) => {
      await sql`UPDATE audit_log SET actor_username = 'someone-else' WHERE id = 3`.execute(trx);
    });
    expect((await verifyAuditChain(database.db)).broken).toEqual({
      id: 3,
      reason: "hash_mismatch",
    });
    await asSuperuser(database.db, async (trx) => {
      await sql`UPDATE audit_log SET actor_username = 'user3' WHERE id = 3`.execute(trx);
    });
  });

  it("names an entry whose field names were changed, with the replication-role bypass too", async () => {
    await database.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      await sql`UPDATE audit_log SET fields = '{}' WHERE id = 4`.execute(trx);
    });
    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({ count: 3, broken: { id: 4, reason: "hash_mismatch" } });
    await asSuperuser(database.db, async (trx) => {
      await sql`UPDATE audit_log SET fields = '{locale}' WHERE id = 4`.execute(trx);
    });
  });

  it("names the entry after a deleted one", async () => {
    const removed = await database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("id", "=", 4)
      .executeTakeFirstOrThrow();
    await asSuperuser(database.db, async (trx) => {
      await sql`DELETE FROM audit_log WHERE id = 4`.execute(trx);
    });
    expect((await verifyAuditChain(database.db)).broken).toEqual({
      id: 5,
      reason: "gap",
      expectedId: 4,
    });
    await asSuperuser(database.db, async (trx) => {
      await trx.insertInto("audit_log").values(removed).execute();
    });
  });

  it("names reordered entries (swapped ids)", async () => {
    await asSuperuser(database.db, (trx) => swapAuditIds(trx, 2, 3));
    expect((await verifyAuditChain(database.db)).broken).toMatchObject({
      id: 2,
      reason: "reordered",
      linkedId: 3,
    });
    await asSuperuser(database.db, (trx) => swapAuditIds(trx, 2, 3));
  });

  it("names reordered entries (swapped hashes)", async () => {
    await asSuperuser(database.db, (trx) => swapAuditLinks(trx, 4, 5));
    expect((await verifyAuditChain(database.db)).broken).toMatchObject({
      id: 4,
      reason: "reordered",
      linkedId: 5,
    });
    await asSuperuser(database.db, (trx) => swapAuditLinks(trx, 4, 5));
  });

  it("names the next entry when a changed entry's own hash is recomputed", async () => {
    const row = await database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("id", "=", 2)
      .executeTakeFirstOrThrow();
    const forged = computeEntryHash(
      row.prev_hash,
      entryContentOf({ ...row, action: "auth.sign_out" }),
    );
    await asSuperuser(database.db, async (trx) => {
      await sql`UPDATE audit_log SET action = 'auth.sign_out', hash = ${forged} WHERE id = 2`.execute(
        trx,
      );
    });
    expect((await verifyAuditChain(database.db)).broken).toEqual({
      id: 3,
      reason: "prev_hash_mismatch",
      prevHash: row.hash,
    });
    await asSuperuser(database.db, async (trx) => {
      await sql`UPDATE audit_log SET action = ${row.action}, hash = ${row.hash} WHERE id = 2`.execute(
        trx,
      );
    });
  });

  it("shows a cut-off end only against a recorded head: the count and head hash change", async () => {
    const last = await database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("id", "=", ENTRIES)
      .executeTakeFirstOrThrow();
    await asSuperuser(database.db, async (trx) => {
      await sql`DELETE FROM audit_log WHERE id = ${ENTRIES}`.execute(trx);
    });
    const report = await verifyAuditChain(database.db);
    expect(report.broken).toBeNull();
    expect(report.count).toBe(ENTRIES - 1);
    expect(report.headHash).not.toBe(intact.headHash);
    await asSuperuser(database.db, async (trx) => {
      await trx.insertInto("audit_log").values(last).execute();
    });
  });
});
