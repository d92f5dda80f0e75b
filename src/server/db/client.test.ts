import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checksumTree, makeTempDir, removeTempDirs } from "../../../test/temp";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../test/test-db";
import { csvLine } from "../../core/csv/write";
import { AppError } from "../../core/errors";
import { openDatabase, redactUrl } from "./client";

async function openError(target: Parameters<typeof openDatabase>[0]): Promise<AppError> {
  const error = await openDatabase(target).then(
    async (database) => {
      await database.close();
      return new Error("the database opened");
    },
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw error;
  return error;
}

describe("openDatabase on a bad embedded data directory", () => {
  let root: string;
  beforeAll(() => {
    root = makeTempDir();
  });
  afterAll(() => removeTempDirs(root));

  it("reports a data directory below a regular file as not writable (ENOTDIR)", async () => {
    const file = path.join(root, "plain-file");
    fs.writeFileSync(file, "x");
    const error = await openError({ kind: "pglite", dataDir: path.join(file, "data") });
    expect(error.code).toBe("db.data_dir_not_writable");
    expect(error.details.cause).toBe("ENOTDIR");
  });

  it.each([
    ["garbage and no PG_VERSION", { "notes.txt": "hello", "base/1/1259": "\x00\x01garbage" }],
    [
      "a PG_VERSION and garbage files",
      { PG_VERSION: "17\n", "global/pg_control": "garbage".repeat(64), "base/x": "junk" },
    ],
  ])("reports %s as corrupt and leaves every file untouched", async (_case, files) => {
    const dataDir = fs.mkdtempSync(path.join(root, "corrupt-"));
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(dataDir, "pgdata", name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
    const before = checksumTree(dataDir);
    const error = await openError({ kind: "pglite", dataDir });
    expect(error.code).toBe("db.data_dir_corrupt");
    expect(checksumTree(dataDir)).toBe(before);
    expect(fs.existsSync(path.join(dataDir, "tandem.lock"))).toBe(false);
  });

  it("refuses to open a data directory twice, and reopens it once closed", async () => {
    const dataDir = path.join(root, "data");
    const first = await openDatabase({ kind: "pglite", dataDir });
    try {
      await sql`CREATE TABLE kept (v integer)`.execute(first.db);
      await sql`INSERT INTO kept VALUES (42)`.execute(first.db);
      const error = await openError({ kind: "pglite", dataDir });
      expect(error.code).toBe("db.data_dir_locked");
      expect(fs.readFileSync(path.join(dataDir, "tandem.lock"), "utf8")).toBe(String(process.pid));
    } finally {
      await first.close();
    }
    expect(fs.existsSync(path.join(dataDir, "tandem.lock"))).toBe(false);
    const again = await openDatabase({ kind: "pglite", dataDir });
    const { rows } = await sql<{ v: number }>`SELECT v FROM kept`.execute(again.db);
    await again.close();
    expect(rows).toEqual([{ v: 42 }]);
  });
});

describe("openDatabase on PostgreSQL", () => {
  it("reports an unreachable server as db.unreachable, with the password redacted", async () => {
    const error = await openError({
      kind: "postgres",
      url: "postgres://tandem:s3cret-pw@127.0.0.1:1/tandem",
    });
    expect(error.code).toBe("db.unreachable");
    expect(error.details.url).toBe("postgres://tandem:***@127.0.0.1:1/tandem");
    expect(JSON.stringify(error.details)).not.toContain("s3cret-pw");
    expect(error.details.cause).toMatch(/ECONNREFUSED/);
  });

  it.each([
    ["postgres://u:pw@h:5432/db?sslmode=require", "postgres://u:***@h:5432/db?sslmode=require"],
    ["postgres://u@h/db", "postgres://u@h/db"],
    ["not a url", "(unparseable URL)"],
  ])("redacts %s", (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });
});

describe.each(testEngines().filter((e) => e === "postgres"))("close on %s", (engine) => {
  it("ends every connection, even when no query ran", async () => {
    const server = await createTestDatabase(engine, { isMigrated: false });
    try {
      const database = await openDatabase({ kind: "postgres", url: server.url ?? "" });
      await database.close();
      // A backend leaves pg_stat_activity a moment after its client disconnects: wait up to 5 s.
      const countOthers = async () =>
        (
          await sql<{ n: number }>`SELECT count(*) AS n FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()`.execute(server.db)
        ).rows[0]?.n;
      let others = await countOthers();
      for (let i = 0; i < 50 && others !== 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        others = await countOthers();
      }
      expect(others).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe.each(testEngines())("bulkTransaction (%s)", (engine) => {
  let database: TestDatabase;
  const meta = () =>
    database.db.selectFrom("app_meta").select(["key", "value"]).orderBy("key").execute();

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("copies CSV rows, quoting and empty strings included, and commits", async () => {
    const values = [
      ["plain", "1"],
      ["comma", "a,b"],
      ["quote", 'say "hi"'],
      ["newline", "line 1\nline 2"],
      ["empty", ""],
    ];
    const copied = await database.bulkTransaction((session) =>
      session.copyCsv(
        "app_meta",
        ["key", "value"],
        values.map((v) => csvLine(v)),
      ),
    );
    expect(copied).toBe(5);
    expect(await meta()).toEqual(
      values.map(([key, value]) => ({ key, value })).sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
  });

  it("rolls back everything when a COPY fails on its last row", async () => {
    const before = await meta();
    const failure = database.bulkTransaction(async (session) => {
      await session.execute("INSERT INTO app_meta (key, value) VALUES ($1, $2)", ["early", "x"]);
      await session.copyCsv("app_meta", ["key", "value"], ["k1,v1\n", "k2,v2\n", "k3,\n"]);
    });
    await expect(failure).rejects.toThrow(/null value in column "value"/);
    expect(await meta()).toEqual(before);
    const after = await database.db
      .insertInto("app_meta")
      .values({ key: "usable", value: "yes" })
      .returning("key")
      .execute();
    expect(after).toEqual([{ key: "usable" }]);
  });
});
