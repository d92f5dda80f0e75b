import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "../../test/test-db";
import { createAuditRecorder } from "./audit/audit-recorder";
import { verifyAuditChain } from "./audit/verify";
import { ensureFirstAdmin, ensureRootUnit } from "./bootstrap";
import { openDatabase, type Database } from "./db/client";
import { createUsersRepository } from "./features/users/users.repository";
import { createUsersService } from "./features/users/users.service";

describe.each(testEngines())("bootstrap when processes start together (%s)", (engine) => {
  let database: TestDatabase;
  let second: Database;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    // On PostgreSQL a second pool stands for a second process; PGlite has one connection per process.
    second = database.url ? await openDatabase({ kind: "postgres", url: database.url }) : database;
  });
  afterAll(async () => {
    if (second !== database) await second.close();
    await database.close();
  });

  it("creates exactly one root and one first admin when two starts race", async () => {
    const start = (db: Database) =>
      ensureFirstAdmin(
        db.db,
        createUsersService(createUsersRepository(db.db), createAuditRecorder(db.db)),
        "a-strong-password-1",
      );
    const results = await Promise.all([start(database), start(second), start(database)]);
    expect(results.filter((r) => r.isCreated)).toHaveLength(1);
    const roots = await database.db
      .selectFrom("org_units")
      .select("id")
      .where("parent_id", "is", null)
      .execute();
    expect(roots).toHaveLength(1);
    const admins = await database.db.selectFrom("users").select("username").execute();
    expect(admins.map((a) => a.username)).toEqual(["admin"]);
    expect(await ensureRootUnit(second.db)).toBe(roots[0]?.id);
    const audited = await database.db
      .selectFrom("audit_log")
      .select(["action", "actor_user_id", "actor_username", "outcome", "org_unit_id"])
      .execute();
    expect(audited).toEqual([
      {
        action: "user.create",
        actor_user_id: null,
        actor_username: "system",
        outcome: "success",
        org_unit_id: roots[0]?.id,
      },
    ]);
    expect((await verifyAuditChain(database.db)).broken).toBeNull();
  });
});
