import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliEnv, runTandem } from "../../../test/cli";
import { makeTempDir, removeTempDirs } from "../../../test/temp";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../test/test-db";

const HEADER = "code,name,kind,parent_code,specialisation,opened_on";

describe.each(testEngines())("tandem import org-units (%s)", (engine) => {
  let root: string;
  let server: TestDatabase | undefined;
  let env: NodeJS.ProcessEnv;
  const file = (name: string, lines: string[]) => {
    const target = path.join(root, name);
    fs.writeFileSync(target, [HEADER, ...lines].join("\r\n"));
    return target;
  };

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

  it("reports row errors and writes nothing, checks a good file on a dry run, imports it once", async () => {
    const bad = await runTandem(
      [
        "import",
        "org-units",
        file("bad.csv", ["P1,Province,province,HQ,,", "P1-D1,District,county,P9,,"]),
      ],
      env,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr.split("\n").filter(Boolean)).toEqual([
      "Row 3, kind: “county” is not a kind of unit. Use hq, province, district, station or national_unit.",
      "Row 3, parent_code: The parent “P9” is neither in the file nor a unit you manage.",
      "Nothing was imported: 2 errors in 2 rows.",
    ]);

    const good = file("good.csv", [
      "P1,Province,province,HQ,,2010-01-01",
      "P1-D1,District,district,P1,,",
    ]);
    const dryRun = await runTandem(["import", "org-units", good, "--dry-run"], env);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toBe(
      "Dry run: the file is valid. To create: 2; to update: 0; unchanged: 0. Nothing was written.\n",
    );
    const first = await runTandem(["import", "org-units", good], env);
    expect(first.stdout).toBe("Imported: 2 created, 0 updated, 0 unchanged.\n");
    const second = await runTandem(["import", "org-units", good], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe("Nothing to change: all 2 rows already match the register.\n");
  }, 120_000);
});
