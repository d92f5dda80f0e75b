import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliEnv, runTandem } from "../../../test/cli";
import { makeTempDir, removeTempDirs } from "../../../test/temp";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../test/test-db";
import { generateDemoPersons } from "../../core/demo/careers";
import { buildDemoUnits } from "../../core/demo/country";
import { demoUserSpecs } from "../../core/demo/users";
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
  const args = ["demo", "--scale", "small", "--seed", "2", "--end-year", "2024"];
  const units = buildDemoUnits(OPTIONS.scale, OPTIONS.seed);
  const persons = [...generateDemoPersons(units, OPTIONS)];
  const events = persons.reduce((n, p) => n + p.events.length, 0);

  beforeAll(async () => {
    root = makeTempDir();
    if (engine === "postgres") {
      server = await createTestDatabase(engine, { isMigrated: false });
      env = cliEnv({ DATABASE_URL: server.url ?? "" });
    } else {
      env = cliEnv({ TANDEM_DATA_DIR: path.join(root, "data") });
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
    const [loaded, title, ...accounts] = first.stdout.trimEnd().split("\n");
    expect(loaded).toBe(
      `Demo country loaded: ${format(units.length)} org units, ${format(persons.length)} people, ${format(events)} career events.`,
    );
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
});
