import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrgTree, seedUser, seedWorkforce, type SeededTree } from "../../../../test/factories";
import { errorOf, injectAs, signIn } from "../../../../test/http";
import { expectedCounts, knownCareers } from "../../../../test/known-careers";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import type { IndicatorResult, TrendResult } from "../../../core/schemas/indicators";
import { buildApp } from "../../app";

describe.each(testEngines())("GET /api/indicators (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let app: FastifyInstance;
  let admin: string;
  let analystP1: string;
  let partner: string;

  const get = (cookie: string, url: string) => injectAs(app, cookie, { method: "GET", url });
  const result = async (cookie: string, url: string) => {
    const response = await get(cookie, url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<IndicatorResult>();
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    await seedWorkforce(database.db, tree, knownCareers);
    await seedUser(database.db, tree, { username: "admin.hq", role: "admin", unitCode: "HQ" });
    await seedUser(database.db, tree, { username: "ana.p1", role: "hq-analyst", unitCode: "P1" });
    await seedUser(database.db, tree, {
      username: "partner",
      role: "partner-viewer",
      unitCode: "HQ",
    });
    app = await buildApp({ database });
    admin = await signIn(app, "admin.hq");
    analystP1 = await signIn(app, "ana.p1");
    partner = await signIn(app, "partner");
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("lists every indicator of the registry, and the month the register has data to", async () => {
    const body = (await get(admin, "/api/indicators")).json<{
      indicators: { id: string }[];
      dataAsOf: string | null;
    }>();
    expect(body.indicators.map((i) => i.id)).toContain("time_to_promotion");
    // The latest event of the known careers is TP10's exit on 2023-06-30.
    expect(body.dataAsOf).toBe("2023-06-30");
  });

  it.each([
    ["HQ", "2019-01-01"],
    ["HQ", "2020-06-15"],
    ["P1", "2016-01-01"],
    ["P2", "2023-06-30"],
    ["P1-D1-S1", "2020-05-31"],
  ])("counts headcount of %s at %s by rank group as the replayed careers", async (unit, at) => {
    const body = await result(
      admin,
      `/api/indicators/headcount?unit=${tree.id(unit)}&at=${at}&by=rank_group`,
    );
    const expected = expectedCounts(unit, at);
    for (const row of body.rows) {
      expect(row.counts, `${row.key.rank_group}`).toEqual(expected.get(String(row.key.rank_group)));
    }
    expect(body.rows.map((r) => r.key.rank_group)).toEqual([...expected.keys()]);
    expect(body.total.value).toBe([...expected.values()].reduce((n, c) => n + c.N, 0));
  });

  it("breaks headcount down by the unit's children, the unit's own posts as a row of its own", async () => {
    const body = await result(
      admin,
      `/api/indicators/headcount?unit=${tree.id("P1")}&at=2020-06-15&by=unit`,
    );
    const byUnit = Object.fromEntries(body.rows.map((r) => [r.key.unit, r.counts.N]));
    const own = (code: string) =>
      [...expectedCounts(code, "2020-06-15").values()].reduce((n, c) => n + c.N, 0);
    expect(byUnit).toEqual({
      P1: own("P1") - own("P1-D1") - own("P1-D2"),
      "P1-D1": own("P1-D1"),
      "P1-D2": own("P1-D2"),
    });
  });

  it("computes the 2019 flows of the worked example by hand", async () => {
    // In post on 2019-01-01 and 2020-01-01: F 4, M 4, X 1, U 2. Hired in 2019: TP10 (U).
    const hires = await result(admin, `/api/indicators/hire_rate?from=2019-01-01&to=2020-01-01`);
    expect(hires.total.counts).toEqual({ F: 0, M: 0, X: 0, U: 1, N: 1 });
    expect(hires.total.bySex?.U?.value).toBe(0.5);
    expect(hires.total.value).toBeCloseTo(1 / 11, 12);
    // Eligible (below SUPT) on both dates: F 3, M 3, X 1, U 2; TP01 (F) promoted on 2019-06-01.
    const promotions = await result(
      admin,
      `/api/indicators/promotion_rate?from=2019-01-01&to=2020-01-01`,
    );
    expect(promotions.total.counts).toEqual({ F: 1, M: 0, X: 0, U: 0, N: 1 });
    expect(promotions.total.bySex?.F?.value).toBeCloseTo(1 / 3, 12);
    const ratio = await result(
      admin,
      `/api/indicators/promotion_rate_ratio?from=2019-01-01&to=2020-01-01`,
    );
    expect(ratio.total.value).toBeNull();
    expect(ratio.total.reason).toBe("no_men_promoted_rate");
    // TP05 (F, SUPT) left on 2020-12-31, TP10 (U) on 2023-06-30.
    const exits = await result(
      admin,
      `/api/indicators/separation_rate?from=2020-01-01&to=2024-01-01`,
    );
    expect(exits.total.counts).toEqual({ F: 1, M: 0, X: 0, U: 1, N: 2 });
  });

  it("gives shares with their denominator and unknown sex counted", async () => {
    const body = await result(
      admin,
      `/api/indicators/share_women?unit=${tree.id("HQ")}&at=2020-06-01`,
    );
    expect(body.total.counts).toEqual({ F: 5, M: 4, X: 1, U: 2, N: 12 });
    expect(body.total.value).toBeCloseTo(5 / 10, 12);
    expect(body.total.denominator).toBe(10);
    expect(body.total.details?.unknownShare).toBeCloseTo(2 / 12, 12);
  });

  it("measures the gap to the target that applies on the date, and says when none is set", async () => {
    await sql`INSERT INTO representation_targets (org_unit_id, rank_group_id, target_year, target_share_bp)
      VALUES (${tree.id("HQ")}, NULL, 2018, 3000), (${tree.id("HQ")}, NULL, 2025, 6000)`.execute(
      database.db,
    );
    const body = await result(
      admin,
      `/api/indicators/target_gap?unit=${tree.id("HQ")}&at=2020-06-01&by=rank_group`,
    );
    // F 5 of 10 known: 50% against the 2025 target of 60% (the 2018 one is past).
    expect(body.total.value).toBeCloseTo(0.1, 12);
    expect(body.total.details).toMatchObject({ isOnTrack: false, womenShort: 1, targetYear: 2025 });
    expect(body.rows.every((row) => row.value === null && row.reason === "no_target")).toBe(true);
  });

  it("gives a yearly trend: year-ends (calendar years for flows), then the date asked", async () => {
    const response = await get(admin, `/api/indicators/headcount/trend?at=2024-01-01&years=3`);
    const body = response.json<TrendResult>();
    expect(body.points.map((p) => p.at)).toEqual([
      "2021-12-31",
      "2022-12-31",
      "2023-12-31",
      "2024-01-01",
    ]);
    const flows = (
      await get(admin, `/api/indicators/hire_rate/trend?at=2024-06-30&years=2`)
    ).json<TrendResult>();
    expect(flows.points.map((p) => [p.from, p.to])).toEqual([
      ["2022-01-01", "2023-01-01"],
      ["2023-01-01", "2024-01-01"],
      ["2023-06-30", "2024-06-30"],
    ]);
  });

  it("refuses a breakdown the definition does not allow, naming it", async () => {
    const response = await get(admin, `/api/indicators/share_women?by=sex`);
    expect(response.statusCode).toBe(400);
    const gci = await get(admin, `/api/indicators/glass_ceiling_index?by=rank`);
    expect(errorOf(gci)).toEqual({
      code: "indicators.breakdown_not_allowed",
      details: { indicator: "glass_ceiling_index", breakdown: "rank" },
    });
  });

  it("answers 404 for a unit outside the caller's scope", async () => {
    const response = await get(analystP1, `/api/indicators/headcount?unit=${tree.id("P2")}`);
    expect(response.statusCode).toBe(404);
    expect(errorOf(response).code).toBe("org_unit.not_found");
  });

  it("gives a partner-viewer only disclosure-controlled results, with every hidden count marked", async () => {
    const body = await result(
      partner,
      `/api/indicators/headcount?at=2020-06-01&by=rank_group&audience=internal`,
    );
    expect(body.disclosure?.suppressedCells).toBeGreaterThan(0);
    for (const cell of [body.total, ...body.rows]) {
      for (const value of Object.values(cell.counts)) {
        expect(value === null || value === 0 || value >= 5).toBe(true);
      }
      if (Object.values(cell.counts).some((v) => v === null))
        expect(cell.suppression).not.toBeNull();
    }
    const internal = await result(admin, `/api/indicators/headcount?at=2020-06-01&by=rank_group`);
    expect(internal.disclosure).toBeNull();
  });
});
