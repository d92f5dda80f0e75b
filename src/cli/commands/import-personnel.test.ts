import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { cliEnv, runTandem, spawnTandem, waitForOutput } from "../../../test/cli";
import { seedOrgTree, seedWorkforce } from "../../../test/factories";
import { makeTempDir, removeTempDirs } from "../../../test/temp";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../test/test-db";
import { openDatabase, type Database } from "../../server/db/client";
import { migrate } from "../../server/db/migrate";

const ROWS = 60_000;

/** The register's size, to compare before a killed import, after it, and after the rerun. */
async function counts(database: Database) {
  const row = await sql<{ persons: number; events: number; spells: number; batches: number }>`
    SELECT (SELECT count(*) FROM persons) AS persons, (SELECT count(*) FROM career_events) AS events,
           (SELECT count(*) FROM career_spells) AS spells, (SELECT count(*) FROM import_batches) AS batches`.execute(
    database.db,
  );
  return row.rows[0];
}

describe.each(testEngines())("tandem import personnel (%s)", (engine) => {
  const dirs: string[] = [];
  let server: TestDatabase | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
    removeTempDirs(...dirs.splice(0));
  });

  /** A register with one serving officer, and how the CLI reaches it. */
  async function prepare(): Promise<{ env: NodeJS.ProcessEnv; open: () => Promise<Database> }> {
    const dir = makeTempDir();
    dirs.push(dir);
    let env: NodeJS.ProcessEnv;
    let open: () => Promise<Database>;
    if (engine === "pglite") {
      const dataDir = path.join(dir, "data");
      open = async () => {
        const database = await openDatabase({ kind: "pglite", dataDir });
        await migrate(database);
        return database;
      };
      env = cliEnv({ TANDEM_DATA_DIR: dataDir });
    } else {
      server = await createTestDatabase("postgres");
      const url = server.url ?? "";
      open = () => openDatabase({ kind: "postgres", url });
      env = cliEnv({ DATABASE_URL: url, TANDEM_SECRET_KEY: "a".repeat(64) });
    }
    const database = await open();
    const tree = await seedOrgTree(database.db);
    await seedWorkforce(database.db, tree, [
      {
        serviceNumber: "A1",
        sex: "F",
        steps: [{ type: "hire", date: "2015-01-01", rank: "CON", unit: "P1-D1" }],
      },
    ]);
    await database.close();
    return { env, open };
  }

  it("survives SIGKILL in the middle of a large import: nothing partial, and the import simply runs again", async () => {
    const { env, open } = await prepare();
    const file = path.join(dirs[0] ?? "", "staff.csv");
    const lines = ["Service No.,Sex,Rank,Unit code"];
    for (let i = 0; i < ROWS; i++)
      lines.push(`N${i},${i % 7 === 0 ? "F" : "M"},CON,P1-D${1 + (i % 2)}`);
    fs.writeFileSync(file, lines.join("\n") + "\n");

    const before = await open().then(async (database) => {
      try {
        return await counts(database);
      } finally {
        await database.close();
      }
    });
    const child = spawnTandem(["import", "personnel", file, "--as-of", "2025-06-30"], env);
    const exited = new Promise((resolve) => child.on("exit", resolve));
    await waitForOutput(child, "stderr", "Updating careers");
    child.kill("SIGKILL");
    await exited;

    const database = await open();
    try {
      expect(await counts(database)).toEqual(before);
    } finally {
      await database.close();
    }

    const rerun = await runTandem(["import", "personnel", file, "--as-of", "2025-06-30"], env);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain(`${ROWS} persons`);
    const after = await open();
    try {
      expect(await counts(after)).toMatchObject({ persons: ROWS + 1, batches: 1 });
    } finally {
      await after.close();
    }
  }, 240_000);

  it("exits non-zero with the error report's path and a summary for a broken file", async () => {
    const { env } = await prepare();
    const file = path.join(dirs[0] ?? "", "broken.csv");
    fs.writeFileSync(
      file,
      "Service No.,Sex,Rank,Unit code\nN1,F,CON,P1-D1\nN1,F,CON,P1-D1\nN2,F,GENERAL,P1-D1\n",
    );
    const result = await runTandem(["import", "personnel", file, "--as-of", "2025-06-30"], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Row 3");
    expect(result.stderr).toContain(`${file}.errors.csv`);
    const report = fs.readFileSync(`${file}.errors.csv`, "utf8");
    expect(report).toContain("duplicate_service_number");
    expect(report).toContain("unknown_rank");

    const json = await runTandem(
      ["import", "personnel", file, "--as-of", "2025-06-30", "--format", "json"],
      env,
    );
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ outcome: "invalid", errorCount: 2 });
  }, 120_000);
});
