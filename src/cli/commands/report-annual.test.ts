import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTandem } from "../../../test/cli";
import { expectedCounts, knownCareersCliEnv } from "../../../test/known-careers";
import { makeTempDir, removeTempDirs } from "../../../test/temp";

describe("tandem report annual", () => {
  let env: NodeJS.ProcessEnv;
  let dir: string;
  const tandem = (args: string[]) => runTandem(args, env);

  beforeAll(async () => {
    dir = makeTempDir();
    env = await knownCareersCliEnv(dir);
  });
  afterAll(() => removeTempDirs());

  it("prints the SDMX-CSV of a unit's subtree to standard output", async () => {
    const run = await tandem([
      "report",
      "annual",
      "--year",
      "2020",
      "--unit",
      "P1",
      "--format",
      "sdmx",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const rows = parse<Record<string, string>>(run.stdout, { columns: true });
    expect(new Set(rows.map((r) => r.REF_AREA))).toEqual(new Set(["P1"]));
    const women = rows.find(
      (r) =>
        r.INDICATOR === "HEADCOUNT" &&
        r.TIME_PERIOD === "2020-12-31" &&
        r.SEX === "F" &&
        r.RANK_GROUP === "_T",
    );
    const expected = [...expectedCounts("P1", "2020-12-31").values()].reduce((n, c) => n + c.F, 0);
    expect(women?.OBS_VALUE).toBe(String(expected));
  });

  it("writes an external workbook in Khmer to --out", async () => {
    const file = path.join(dir, "report.xlsx");
    const run = await tandem([
      "report",
      "annual",
      "--year",
      "2020",
      "--format",
      "xlsx",
      "--lang",
      "km",
      "--external",
      "--out",
      file,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => w.name)).toContain("និយមន័យ");
    expect(workbook.worksheets[0]?.getCell("A4").text).toContain("k = 5");
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
  });

  it("refuses a year that is not one", async () => {
    const run = await tandem(["report", "annual", "--year", "twenty", "--format", "csv"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("--year");
  });
});
