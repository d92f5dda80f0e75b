import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryAuditRecorder } from "../../../../test/audit";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import { buildDemoUnits } from "../../../core/demo/country";
import { buildDemoTargets } from "../../../core/demo/targets";
import { ensureRootUnit } from "../../bootstrap";
import type { Scope } from "../../http/scope";
import { createDemoService } from "../demo/demo.service";
import { createOrgUnitsRepository } from "../org-units/org-units.repository";
import { createIndicatorsRepository } from "../indicators/indicators.repository";
import { createIndicatorService } from "../indicators/indicators.service";
import { createTargetsRepository } from "./targets.repository";
import { createTargetsService } from "./targets.service";

const OPTIONS = { seed: 3, scale: "small", endYear: 2024 } as const;

describe("buildDemoTargets", () => {
  it("dates the targets from the end year and skips units the scale does not have", () => {
    const rows = buildDemoTargets(buildDemoUnits("small", 3), 2024);
    expect(rows.map((r) => [r.rankGroupCode, r.targetYear, r.basisPoints, r.createdAt])).toEqual([
      [null, 2030, 1500, "2019-03-01T00:00:00Z"],
      ["senior_command", 2028, 1000, "2019-03-01T00:00:00Z"],
      [null, 2026, 1300, "2019-03-01T00:00:00Z"],
      [null, 2026, 1200, "2019-03-01T00:00:00Z"],
      [null, 2026, 1500, "2021-03-01T00:00:00Z"],
    ]);
    expect(buildDemoTargets(buildDemoUnits("default", 1), 2026)).toHaveLength(6);
  });
});

describe.each(testEngines())("the demo country's targets (%s)", (engine) => {
  let database: TestDatabase;
  let scope: Scope;
  const statusOn = async (at: string) => {
    const indicators = createIndicatorService({
      repo: createIndicatorsRepository(database.db),
      today: () => "2024-12-31",
      sdcThreshold: 5,
    });
    const service = createTargetsService({
      repo: createTargetsRepository(database.db),
      audit: createMemoryAuditRecorder(),
      headcount: (s, request) => indicators.compute(s, request),
      today: () => "2024-12-31",
      now: () => new Date("2024-12-31T12:00:00Z"),
    });
    const list = await service.progressInScope(scope, { at });
    return Object.fromEntries(
      list.targets.map((t) => [
        `${t.unit.code}/${t.rankGroup?.code ?? "*"}/${t.targetYear}`,
        t.status ?? t.reason,
      ]),
    );
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await ensureRootUnit(database.db);
    await createDemoService(database).load(OPTIONS);
    const root = await createOrgUnitsRepository(database.db).findRoot();
    if (!root) throw new Error("no root");
    scope = { unitPaths: [root.path] };
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it("loads with the demo, set by no user, each with its plan start", async () => {
    const rows = await database.db
      .selectFrom("representation_targets")
      .select(["created_by", "note"])
      .execute();
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.created_by === null && r.note !== null)).toBe(true);
  });

  it("tells a story at small scale too: met, on track, off track, and no baseline where the top is empty", async () => {
    expect(await statusOn("2024-01-01")).toEqual({
      "HQ/*/2030": "on_track",
      "HQ/senior_command/2028": "no_baseline",
      "P01/*/2026": "off_track",
      "P02/*/2026": "met",
      "NU-FGP/*/2026": "met",
    });
    expect((await statusOn("2024-06-30"))["HQ/*/2030"]).toBe("off_track");
  });
});
