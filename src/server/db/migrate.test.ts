import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../test/test-db";
import { AppError } from "../../core/errors";
import { getMigrationStatus, loadMigrations, migrate, type Migration } from "./migrate";

/** The code's first migration alone: these tests add their own 0002, 0003… after it. */
const foundationOnly = (): Migration[] => loadMigrations().slice(0, 1);

function migrationsWith(extra: Record<string, string>): Migration[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-migrations-"));
  for (const m of foundationOnly()) {
    fs.writeFileSync(path.join(dir, `${String(m.version).padStart(4, "0")}_${m.name}.sql`), m.sql);
  }
  for (const [file, text] of Object.entries(extra)) fs.writeFileSync(path.join(dir, file), text);
  const migrations = loadMigrations(dir);
  fs.rmSync(dir, { recursive: true });
  return migrations;
}

async function caught(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("loadMigrations", () => {
  it("reads NNNN_name.sql files in version order and ignores anything else", () => {
    const migrations = migrationsWith({
      "0003_third.sql": "SELECT 3;",
      "0002_second.sql": "SELECT 2;",
      "README.md": "not a migration",
      "0004-dashed.sql": "SELECT 4;",
    });
    expect(migrations.map((m) => [m.version, m.name])).toEqual([
      [1, "foundation"],
      [2, "second"],
      [3, "third"],
    ]);
    expect(migrations[1]?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe.each(testEngines())("migrate (%s)", (engine) => {
  let database: TestDatabase;
  const tables = async () =>
    (
      await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' ORDER BY table_name`.execute(database.db)
    ).rows.map((r) => r.name);
  const appliedRows = () =>
    database.db
      .selectFrom("schema_migrations")
      .select(["version", "name", "checksum"])
      .orderBy("version")
      .execute();

  beforeAll(async () => {
    database = await createTestDatabase(engine, { isMigrated: false });
  });
  afterAll(async () => {
    await database?.close();
  });

  // The steps below build on each other, in order, on one database.
  it("applies 0001 to an empty database once, even with runners racing, and records its checksum", async () => {
    const code = foundationOnly();
    const results = await Promise.all([
      migrate(database, code),
      migrate(database, code),
      migrate(database, code),
    ]);
    expect(results.flat()).toEqual([1]);
    expect(await tables()).toEqual(
      expect.arrayContaining(["career_events", "career_spells", "org_units", "persons", "users"]),
    );
    const first = loadMigrations()[0];
    expect(await appliedRows()).toEqual([
      { version: 1, name: "foundation", checksum: first?.checksum },
    ]);
  });

  it("applies nothing on a second run", async () => {
    expect(await migrate(database, foundationOnly())).toEqual([]);
    expect((await getMigrationStatus(database.db, foundationOnly())).pending).toEqual([]);
  });

  it("applies a new migration, and rolls back a failing one entirely", async () => {
    const withSecond = migrationsWith({
      "0002_add_notes.sql": "CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL);",
    });
    expect(await migrate(database, withSecond)).toEqual([2]);
    const failing = migrationsWith({
      "0002_add_notes.sql": "CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL);",
      "0003_broken.sql": "CREATE TABLE half_done (id integer);\nSELECT 1 / 0;",
    });
    await expect(migrate(database, failing)).rejects.toThrow(/division by zero/);
    expect(await tables()).not.toContain("half_done");
    expect((await appliedRows()).map((r) => r.version)).toEqual([1, 2]);
  });

  it("refuses a schema newer than the code and changes nothing", async () => {
    const before = { tables: await tables(), applied: await appliedRows() };
    const olderCode = foundationOnly();
    const error = await caught(migrate(database, olderCode));
    expect(error.code).toBe("db.schema_newer_than_code");
    expect(error.details).toEqual({ databaseVersion: 2, codeVersion: 1 });
    const divergedCode = migrationsWith({ "0003_other.sql": "CREATE TABLE other (id integer);" });
    expect((await caught(migrate(database, divergedCode))).code).toBe("db.schema_newer_than_code");
    expect({ tables: await tables(), applied: await appliedRows() }).toEqual(before);
  });

  it("refuses an applied migration whose file was edited", async () => {
    const edited = migrationsWith({
      "0002_add_notes.sql":
        "CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL); -- edited",
    });
    const error = await caught(migrate(database, edited));
    expect(error.code).toBe("db.migration_changed");
    expect(error.details).toEqual({ version: 2, name: "add_notes" });
  });
});
