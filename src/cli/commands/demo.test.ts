import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliEnv, runTandem } from "../../../test/cli";
import { makeTempDir, removeTempDirs } from "../../../test/temp";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../test/test-db";
import { generateDemoPersons } from "../../core/demo/careers";
import { buildDemoUnits } from "../../core/demo/country";
import { buildDemoHrFiles } from "../../core/demo/hr-files";
import { demoUserSpecs } from "../../core/demo/users";
import type { PersonnelImportReport } from "../../core/schemas/personnel-import";
import { parseInteger } from "./demo";

const OPTIONS = { scale: "small", seed: 2, endYear: 2024 } as const;

describe("parseInteger", () => {
  it("accepts whole numbers only", () => {
    expect(parseInteger("2024")).toBe(2024);
    expect(() => parseInteger("20.5")).toThrow('"20.5" is not a whole number');
    expect(() => parseInteger("-1")).toThrow("is not a whole number");
  });
});

describe.each(testEngines())("tandem demo (%s)", (engine) => {
  let root: string;
  let server: TestDatabase | undefined;
  let env: NodeJS.ProcessEnv;
  let args: string[];
  let filesDir: string;
  const units = buildDemoUnits(OPTIONS.scale, OPTIONS.seed);
  const persons = [...generateDemoPersons(units, OPTIONS)];
  const events = persons.reduce((n, p) => n + p.events.length, 0);

  beforeAll(async () => {
    root = makeTempDir();
    args = ["demo", "--scale", "small", "--seed", "2", "--end-year", "2024"];
    if (engine === "postgres") {
      server = await createTestDatabase(engine, { isMigrated: false });
      env = cliEnv({ DATABASE_URL: server.url ?? "" });
      // A server has no data directory: the sample files are written only where asked.
      filesDir = path.join(root, "samples");
      args.push("--files", filesDir);
    } else {
      env = cliEnv({ TANDEM_DATA_DIR: path.join(root, "data") });
      filesDir = path.join(root, "data", "demo-files");
    }
  });
  afterAll(async () => {
    await server?.close();
    removeTempDirs(root);
  });

  it("loads the demo country into an empty register, then refuses a second load", async () => {
    const first = await runTandem(args, env);
    expect(first.code).toBe(0);
    const format = (n: number) => n.toLocaleString("en");
    const [loaded, files, title, ...accounts] = first.stdout.trimEnd().split("\n");
    expect(loaded).toBe(
      `Demo country loaded: ${format(units.length)} org units, ${format(persons.length)} people, ${format(events)} career events.`,
    );
    expect(files).toBe(`Sample HR files to try the import: ${filesDir}`);
    expect(fs.readdirSync(filesDir)).toContain("personnel-snapshot-2024-01-31.csv");
    expect(fs.readdirSync(filesDir)).toHaveLength(6);
    expect(title).toBe("Demo users, one per role (passwords shown only once):");
    expect(accounts.map((line) => line.replace(/: \S{20}$/, ": <password>"))).toEqual(
      demoUserSpecs.map((u) => `  ${u.username} (${u.role} at ${u.unitCode}): <password>`),
    );
    expect(first.stderr).toMatch(/Loading the demo country: \d+% /);

    const second = await runTandem(args, env);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(
      `Error: The register is not empty (${format(persons.length)} people, ${format(units.length)} org units)`,
    );
    expect(second.stdout).toBe("");
  });

  it("writes sample files that import as the month they describe (the README's tutorial)", async () => {
    const expected = buildDemoHrFiles(generateDemoPersons(units, OPTIONS), units, OPTIONS);
    const importJson = async (name: string) => {
      const file = path.join(filesDir, name);
      const flags = ["--as-of", expected.asOf, "--dry-run", "--format", "json"];
      const result = await runTandem(["import", "personnel", file, ...flags], env);
      return { code: result.code, report: JSON.parse(result.stdout) as PersonnelImportReport };
    };
    const counts = new Map<string, Record<string, number | string>>();
    for (const change of expected.months[0]?.changes ?? []) {
      const row = counts.get(change.type) ?? {
        type: change.type,
        F: 0,
        M: 0,
        X: 0,
        U: 0,
        total: 0,
      };
      row[change.record.sex] = Number(row[change.record.sex]) + 1;
      row.total = Number(row.total) + 1;
      counts.set(change.type, row);
    }
    const byType = (rows: readonly { type: string }[]) =>
      [...rows].sort((a, b) => a.type.localeCompare(b.type));

    const snapshot = await importJson("personnel-snapshot-2024-01-31.csv");
    expect(snapshot.code).toBe(0);
    expect(snapshot.report.outcome).toBe("validated");
    expect(byType(snapshot.report.events)).toEqual(byType([...counts.values()] as never[]));

    const broken = await importJson("personnel-with-errors.csv");
    expect(broken.code).toBe(1);
    expect(broken.report.errors.map((e) => [e.row, e.column, e.value ?? ""])).toEqual(
      expected.errors.map((e) => [e.row, e.column, e.value]),
    );
  });
});
