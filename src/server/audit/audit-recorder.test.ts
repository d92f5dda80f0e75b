import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../test/test-db";
import { computeEntryHash, GENESIS_HASH } from "../../core/audit/chain";
import { openDatabase, type Database } from "../db/client";
import { createAuditRecorder, SYSTEM_ACTOR } from "./audit-recorder";
import type { AuditEntryInput } from "./recorder";
import { verifyAuditChain } from "./verify";

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

  it("appends within the caller's transaction: committed with it, or rolled back with it", async () => {
    const recorder = createAuditRecorder(database.db);
    const count = async () =>
      Number(
        (
          await database.db
            .selectFrom("audit_log")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await expect(
      database.db.transaction().execute(async (trx) => {
        await recorder.recordWithin(trx, entry("test.rolled_back"));
        throw new Error("the write failed after its entry");
      }),
    ).rejects.toThrow(/write failed/);
    expect(await count()).toBe(before);
    await database.db
      .transaction()
      .execute((trx) => recorder.recordWithin(trx, entry("test.within", ["status"])));
    const last = await database.db
      .selectFrom("audit_log")
      .select(["id", "action", "fields"])
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ id: before + 1, action: "test.within", fields: ["status"] });
    expect(await verifyAuditChain(database.db)).toMatchObject({ count: before + 1, broken: null });
  });

  it("keeps one chain when two processes append to one database at once", async () => {
    // On PostgreSQL a second pool stands for a second server process; PGlite has one per process.
    const second: Database = database.url
      ? await openDatabase({ kind: "postgres", url: database.url })
      : database;
    try {
      const recorders = [database, second].map((d) => createAuditRecorder(d.db));
      // Half of the entries are appended within a transaction of the caller, half on their own.
      await Promise.all(
        Array.from({ length: 40 }, (_, i) => {
          const recorder = recorders[i % 2];
          const db = i % 2 === 0 ? database.db : second.db;
          const appended = entry(`test.process_${i % 2}`);
          return i % 4 < 2
            ? recorder?.record(appended)
            : db.transaction().execute((trx) => recorder?.recordWithin(trx, appended));
        }),
      );
      const report = await verifyAuditChain(database.db);
      expect(report).toMatchObject({ count: 64, broken: null });
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
