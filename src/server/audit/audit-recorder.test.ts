import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql, type Transaction } from "kysely";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../test/test-db";
import { computeEntryHash, GENESIS_HASH } from "../../core/audit/chain";
import { openDatabase, type Database } from "../db/client";
import { createAuditRecorder, LINK_DELAY_MS, SYSTEM_ACTOR } from "./audit-recorder";
import type { DB } from "../db/schema";
import type { AuditEntryInput, AuditInboxRow } from "./recorder";
import { verifyAuditChain } from "./verify";

/** What a write does with the inbox row it is handed: appends it in its own transaction. */
async function appendToInbox(trx: Transaction<DB>, row: AuditInboxRow): Promise<void> {
  await trx.insertInto("audit_inbox").values(row).execute();
}

const entry = (action: string, fields: string[] = []): AuditEntryInput => ({
  actor: { userId: 4, username: "ana", ip: "10.1.2.3", userAgent: "vitest" },
  action,
  entityType: "user",
  entityId: "4",
  orgUnitId: 2,
  fields,
  outcome: "success",
});

describe.each(testEngines())("audit recorder (%s)", (engine) => {
  let database: TestDatabase;
  let clock = Date.UTC(2025, 5, 1, 9, 30, 0, 123);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("appends entries with contiguous ids, the injected time and a correct chain", async () => {
    const recorder = createAuditRecorder(database.db, { now: () => new Date(clock) });
    await recorder.record(entry("auth.sign_in"));
    clock += 1000;
    await recorder.record(entry("user.update", ["locale"]));
    await recorder.record({ ...entry("user.create", ["username", "role"]), actor: SYSTEM_ACTOR });
    const rows = await database.db.selectFrom("audit_log").selectAll().orderBy("id").execute();
    expect(rows.map((r) => [r.id, r.action, r.fields, r.actor_username])).toEqual([
      [1, "auth.sign_in", [], "ana"],
      [2, "user.update", ["locale"], "ana"],
      [3, "user.create", ["username", "role"], "system"],
    ]);
    expect(rows[0]?.occurred_at.toISOString()).toBe("2025-06-01T09:30:00.123Z");
    expect(rows[1]?.occurred_at.toISOString()).toBe("2025-06-01T09:30:01.123Z");
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    const first = rows[0];
    if (!first) throw new Error("no row");
    expect(first.hash).toBe(
      computeEntryHash(GENESIS_HASH, {
        id: 1,
        occurredAt: new Date("2025-06-01T09:30:00.123Z"),
        actorUserId: 4,
        actorUsername: "ana",
        action: "auth.sign_in",
        entityType: "user",
        entityId: "4",
        orgUnitId: 2,
        fields: [],
        outcome: "success",
        ip: "10.1.2.3",
        userAgent: "vitest",
      }),
    );
    expect(await verifyAuditChain(database.db)).toEqual({
      count: 3,
      headHash: rows[2]?.hash,
      broken: null,
    });
  });

  it("refuses anything that is not a field name, and writes nothing", async () => {
    const recorder = createAuditRecorder(database.db);
    await expect(recorder.record(entry("user.update", ["password=hunter2"]))).rejects.toThrow(
      /not a field name/,
    );
    const count = await database.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });

  it("keeps one chain under concurrent appends from one process", async () => {
    const recorder = createAuditRecorder(database.db);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => recorder.record(entry(`test.concurrent_${i}`))),
    );
    const report = await verifyAuditChain(database.db);
    expect(report.broken).toBeNull();
    expect(report.count).toBe(23);
  });

  it("takes an entry into the inbox with the write: committed with it, or rolled back with it; linked in order of arrival", async () => {
    const recorder = createAuditRecorder(database.db, { now: () => new Date(clock) });
    const count = async (table: "audit_log" | "audit_inbox") =>
      Number(
        (
          await database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count("audit_log");
    await expect(
      database.db.transaction().execute(async (trx) => {
        await appendToInbox(trx, recorder.inboxRow(entry("test.rolled_back")));
        throw new Error("the write failed after its entry");
      }),
    ).rejects.toThrow(/write failed/);
    expect(await count("audit_inbox")).toBe(0);
    await database.db.transaction().execute(async (trx) => {
      await appendToInbox(trx, recorder.inboxRow(entry("test.within_1", ["status"])));
      await appendToInbox(trx, recorder.inboxRow(entry("test.within_2")));
    });
    expect([await count("audit_inbox"), await count("audit_log")]).toEqual([2, before]);
    await recorder.linkPending();
    expect([await count("audit_inbox"), await count("audit_log")]).toEqual([0, before + 2]);
    const last = await database.db
      .selectFrom("audit_log")
      .select(["id", "action", "fields", "ip", "occurred_at as at"])
      .orderBy("id", "desc")
      .limit(2)
      .execute();
    expect(last).toEqual([
      { id: before + 2, action: "test.within_2", fields: [], ip: "10.1.2.3", at: new Date(clock) },
      {
        id: before + 1,
        action: "test.within_1",
        fields: ["status"],
        ip: "10.1.2.3",
        at: new Date(clock),
      },
    ]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ count: before + 2, broken: null });
  });

  it("refuses to change an entry waiting in the inbox", async () => {
    const recorder = createAuditRecorder(database.db);
    await database.db
      .transaction()
      .execute((trx) => appendToInbox(trx, recorder.inboxRow(entry("test.waiting"))));
    await expect(
      sql`UPDATE audit_inbox SET action = 'test.forged'`.execute(database.db),
    ).rejects.toThrow(/audit_inbox entries only move into audit_log: UPDATE refused/);
    await expect(sql`TRUNCATE audit_inbox`.execute(database.db)).rejects.toThrow(
      /TRUNCATE refused/,
    );
    await recorder.linkPending();
  });

  it("links the whole inbox in batches, and a call made while a run is under way is covered by one more run", async () => {
    const recorder = createAuditRecorder(database.db);
    const before = (await verifyAuditChain(database.db)).count;
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 1_203; i++) {
        await appendToInbox(trx, recorder.inboxRow(entry(`test.batch_${i}`)));
      }
    });
    const first = recorder.linkPending();
    await database.db
      .transaction()
      .execute((trx) => appendToInbox(trx, recorder.inboxRow(entry("test.after_start"))));
    const second = recorder.linkPending();
    const third = recorder.linkPending();
    expect(third).toBe(second);
    await Promise.all([first, second]);
    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({ count: before + 1_204, broken: null });
    const last = await database.db
      .selectFrom("audit_log")
      .select("action")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(last.action).toBe("test.after_start");
  });

  it("links soon: the entries of writes that commit meanwhile in one run, moments later", async () => {
    const recorder = createAuditRecorder(database.db);
    const before = (await verifyAuditChain(database.db)).count;
    for (let i = 0; i < 3; i++) {
      await database.db
        .transaction()
        .execute((trx) => appendToInbox(trx, recorder.inboxRow(entry(`test.soon_${i}`))));
      recorder.linkSoon();
    }
    await vi.waitFor(
      async () => {
        const left = await database.db.selectFrom("audit_inbox").select("id").execute();
        expect(left).toEqual([]);
      },
      { timeout: 5_000, interval: LINK_DELAY_MS },
    );
    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({ count: before + 3, broken: null });
  });

  it("vacuums the inbox after linking enough entries: its dead rows do not pile up", async () => {
    const recorder = createAuditRecorder(database.db, { vacuumAfter: 5 });
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 6; i++) {
        await appendToInbox(trx, recorder.inboxRow(entry(`test.vacuum_${i}`)));
      }
    });
    const size = async () =>
      Number(
        (
          await sql<{ bytes: number }>`SELECT pg_relation_size('audit_inbox') AS bytes`.execute(
            database.db,
          )
        ).rows[0]?.bytes,
      );
    expect(await size()).toBeGreaterThan(0);
    await recorder.linkPending();
    // Every row was dead: VACUUM gives the empty pages back.
    expect(await size()).toBe(0);
  });

  it("reports a failure to link and keeps the entries for the next run", async () => {
    const failures: unknown[] = [];
    const other = await createTestDatabase(engine);
    const recorder = createAuditRecorder(other.db, { onLinkError: (e) => failures.push(e) });
    await other.db
      .transaction()
      .execute((trx) => appendToInbox(trx, recorder.inboxRow(entry("test.kept"))));
    await sql`ALTER TABLE audit_log ADD CONSTRAINT no_kept CHECK (action <> 'test.kept')`.execute(
      other.db,
    );
    await recorder.linkPending();
    expect(failures).toHaveLength(1);
    await sql`ALTER TABLE audit_log DROP CONSTRAINT no_kept`.execute(other.db);
    await recorder.linkPending();
    const rows = await other.db.selectFrom("audit_log").select("action").execute();
    expect(rows).toEqual([{ action: "test.kept" }]);
    await other.close();
  });

  it("keeps one chain when two processes append to one database at once", async () => {
    // On PostgreSQL a second pool stands for a second server process; PGlite has one per process.
    const second: Database = database.url
      ? await openDatabase({ kind: "postgres", url: database.url })
      : database;
    try {
      const before = (await verifyAuditChain(database.db)).count;
      const recorders = [database, second].map((d) => createAuditRecorder(d.db));
      // Half of the entries are appended on their own, half through the inbox of a write.
      await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const recorder = recorders[i % 2];
          const db = i % 2 === 0 ? database.db : second.db;
          if (!recorder) return;
          const appended = entry(`test.process_${i % 2}`);
          if (i % 4 < 2) return recorder.record(appended);
          await db.transaction().execute((trx) => appendToInbox(trx, recorder.inboxRow(appended)));
          await recorder.linkPending();
        }),
      );
      const report = await verifyAuditChain(database.db);
      expect(report).toMatchObject({ count: before + 40, broken: null });
      const byProcess = await database.db
        .selectFrom("audit_log")
        .select(["action", (eb) => eb.fn.countAll<number>().as("n")])
        .where("action", "like", "test.process_%")
        .groupBy("action")
        .orderBy("action")
        .execute();
      expect(byProcess.map((r) => [r.action, Number(r.n)])).toEqual([
        ["test.process_0", 20],
        ["test.process_1", 20],
      ]);
    } finally {
      if (second !== database) await second.close();
    }
  });
});
