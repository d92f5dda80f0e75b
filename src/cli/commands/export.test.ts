import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliEnv, runTandem } from "../../../test/cli";
import { seedOrgTree, seedWorkforce } from "../../../test/factories";
import { makeTempDir, removeTempDirs } from "../../../test/temp";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../test/test-db";
import { loadConfig } from "../../server/config";
import { openDatabase } from "../../server/db/client";
import { migrate } from "../../server/db/migrate";

const KHMER = "ស្នងការដ្ឋាន";

describe.each(testEngines())("tandem export (%s)", (engine) => {
  let root: string;
  let server: TestDatabase | undefined;
  let env: NodeJS.ProcessEnv;
  const tandem = (args: string[]) => runTandem(args, env);

  beforeAll(async () => {
    root = makeTempDir();
    if (engine === "postgres") {
      server = await createTestDatabase(engine, { isMigrated: false });
      env = cliEnv({ DATABASE_URL: server.url ?? "" });
    } else {
      env = cliEnv({ TANDEM_DATA_DIR: path.join(root, "data") });
    }
    const loaded = loadConfig(env);
    if (!loaded.ok) throw new Error("bad test config");
    const database = await openDatabase(loaded.config.database);
    try {
      await migrate(database);
      const tree = await seedOrgTree(database.db);
      await seedWorkforce(database.db, tree, [
        {
          serviceNumber: "KH-1",
          sex: "F",
          steps: [{ type: "hire", date: "2015-01-01", rank: "CON", unit: "P1-D1" }],
        },
        {
          serviceNumber: "+KH-2",
          sex: "M",
          steps: [
            { type: "hire", date: "2016-01-01", rank: "SGT", unit: "P2" },
            { type: "promotion", date: "2020-01-01", rank: "SUPT" },
          ],
        },
      ]);
      await database.db
        .updateTable("org_units")
        .set({ name: KHMER })
        .where("code", "=", "P1-D1")
        .execute();
    } finally {
      await database.close();
    }
  });
  afterAll(async () => {
    await server?.close();
    removeTempDirs(root);
  });

  it("writes the register as CSV to standard output", async () => {
    const result = await tandem(["export", "personnel", "--at", "2021-01-01", "--format", "csv"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith("\uFEFF")).toBe(true);
    const rows = parse(result.stdout.slice(1));
    expect(rows.map((r) => [r[0], r[3], r[6], r[7]])).toEqual([
      ["service_number", "rank_code", "unit_code", "unit_name"],
      ["KH-1", "CON", "P1-D1", KHMER],
      ["'+KH-2", "SUPT", "P2", "Unit P2"],
    ]);
  });

  it("filters by unit code and writes the event history as XLSX to a file", async () => {
    const file = path.join(root, "events.xlsx");
    const result = await tandem([
      "export",
      "events",
      "--unit",
      "P2",
      "--format",
      "xlsx",
      "--output",
      file,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`Wrote ${file}.\n`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet("events");
    expect(sheet?.getColumn(1).values.slice(2)).toEqual(["'+KH-2", "'+KH-2"]);
    expect(sheet?.getColumn(3).values.slice(2)).toEqual(["hire", "promotion"]);
  });

  it("names an XLSX file by default and records every export as the system", async () => {
    const cwdFile = path.join(process.cwd(), "tandem-personnel-2021-01-01.xlsx");
    try {
      const result = await tandem([
        "export",
        "personnel",
        "--at",
        "2021-01-01",
        "--format",
        "xlsx",
      ]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("Wrote tandem-personnel-2021-01-01.xlsx.\n");
      expect(fs.existsSync(cwdFile)).toBe(true);
    } finally {
      fs.rmSync(cwdFile, { force: true });
    }
    const loaded = loadConfig(env);
    if (!loaded.ok) throw new Error("bad test config");
    const database = await openDatabase(loaded.config.database);
    try {
      const entries = await database.db
        .selectFrom("audit_log")
        .select(["action", "actor_username", "entity_type", "entity_id"])
        .where("action", "=", "personnel.export")
        .orderBy("id")
        .execute();
      expect(entries).toEqual([
        {
          action: "personnel.export",
          actor_username: "system",
          entity_type: "persons",
          entity_id: "csv:2021-01-01",
        },
        {
          action: "personnel.export",
          actor_username: "system",
          entity_type: "career_events",
          entity_id: expect.stringMatching(/^xlsx:/) as string,
        },
        {
          action: "personnel.export",
          actor_username: "system",
          entity_type: "persons",
          entity_id: "xlsx:2021-01-01",
        },
      ]);
    } finally {
      await database.close();
    }
  });

  it("fails clearly on an unknown unit, a bad date or a missing format", async () => {
    const unit = await tandem(["export", "personnel", "--unit", "NOPE", "--format", "csv"]);
    expect(unit.code).toBe(1);
    expect(unit.stdout).toBe("");
    expect(unit.stderr).toContain("This org unit does not exist or is outside your access.");
    const date = await tandem(["export", "events", "--at", "2021-02-30", "--format", "csv"]);
    expect(date.code).toBe(1);
    expect(date.stderr).toContain("The request is invalid.");
    const format = await tandem(["export", "events"]);
    expect(format.code).not.toBe(0);
    expect(format.stderr).toContain("--format");
  });
});
