import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTandem } from "../../../test/cli";
import { expectedCounts, knownCareersCliEnv } from "../../../test/known-careers";
import { makeTempDir, removeTempDirs } from "../../../test/temp";
import type { IndicatorResult } from "../../core/schemas/indicators";

describe("tandem report", () => {
  let env: NodeJS.ProcessEnv;
  const tandem = (args: string[]) => runTandem(args, env);

  beforeAll(async () => {
    env = await knownCareersCliEnv(makeTempDir());
  });
  afterAll(() => removeTempDirs());

  it("prints one CSV line per number, sex always shown, for a unit's subtree", async () => {
    const run = await tandem([
      "report",
      "headcount",
      "--at",
      "2020-06-15",
      "--unit",
      "P1",
      "--by",
      "rank_group,sex",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const rows = parse<Record<string, string>>(run.stdout, { columns: true });
    const expected = expectedCounts("P1", "2020-06-15");
    for (const [group, counts] of expected) {
      for (const sex of ["F", "M", "X", "U"] as const) {
        const line = rows.find((r) => r.rank_group === group && r.sex === sex);
        expect(line?.value, `${group} ${sex}`).toBe(String(counts[sex]));
      }
    }
    expect(new Set(rows.map((r) => r.scope))).toEqual(new Set(["P1"]));
  });

  it("prints JSON, and applies disclosure control with --external", async () => {
    const run = await tandem([
      "report",
      "share_women",
      "--at",
      "2020-06-15",
      "--by",
      "rank_group",
      "--format",
      "json",
      "--external",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as IndicatorResult;
    expect(result.disclosure?.k).toBe(5);
    for (const cell of [result.total, ...result.rows]) {
      for (const value of Object.values(cell.counts))
        expect(value === null || value === 0 || value >= 5).toBe(true);
    }
  });

  it("refuses a malformed date and an unknown unit, naming them", async () => {
    const badDate = await tandem(["report", "headcount", "--at", "2020-02-30"]);
    expect(badDate.code).not.toBe(0);
    expect(badDate.stderr).toContain("--at");
    const badUnit = await tandem(["report", "headcount", "--unit", "NOPE"]);
    expect(badUnit.code).not.toBe(0);
    expect(badUnit.stderr).toContain("NOPE");
  });
});
