import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrgTree, seedUser, seedWorkforce, type SeededTree } from "../../../../test/factories";
import { PROJECTION_TODAY, projectionCareers } from "../../../../test/fixtures/projection-register";
import { errorOf, injectAs, signIn } from "../../../../test/http";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import { DEFAULT_BOOTSTRAP } from "../../../core/projections/bootstrap";
import type { Projection } from "../../../core/schemas/projections";
import { buildApp } from "../../app";

const [C, S, T] = ["constables", "inspectorate", "senior_command"];

function expectCloseAll(actual: readonly number[] | undefined, expected: readonly number[]) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((v, i) => expect(actual?.[i]).toBeCloseTo(v, 12));
}

describe.each(testEngines())("GET /api/projections (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let app: FastifyInstance;
  let admin: string;
  let analyst: string;

  const get = (cookie: string, query: string) =>
    injectAs(app, cookie, { method: "GET", url: `/api/projections${query}` });
  const projectionOf = async (cookie: string, query: string) => {
    const response = await get(cookie, query);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Projection>();
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    await seedWorkforce(database.db, tree, projectionCareers);
    await seedUser(database.db, tree, { username: "admin.hq", role: "admin", unitCode: "HQ" });
    await seedUser(database.db, tree, { username: "ana.p1", role: "hq-analyst", unitCode: "P1" });
    await seedUser(database.db, tree, { username: "aud.p1", role: "auditor", unitCode: "P1" });
    const now = () => new Date(`${PROJECTION_TODAY}T12:00:00Z`);
    app = await buildApp({ database, now });
    admin = await signIn(app, "admin.hq", undefined, { now });
    analyst = await signIn(app, "ana.p1");
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("estimates a province from the counted transitions and projects it (test/fixtures/projection-register.ts)", async () => {
    const body = await projectionOf(analyst, "?years=2&horizon=3&bootstrap=0");
    expect(body.unit).toEqual({ id: tree.id("P1"), code: "P1", name: "Unit P1" });
    expect(body.baselineYear).toBe(2025);
    expect(body.estimationYears).toEqual([2023, 2024]);
    expect(body.grades.map((g) => g.code)).toEqual([C, S, T]);
    expect(body.sexes).toEqual(["F", "M", "X", "U"]);
    // Inputs, 2024 constables: PR01 and PR05 (F), PR03 and PR10 (M, both gone by 2025), PR08 (X), PR12 (U).
    expect(body.inputs.years[1]?.byGrade[0]).toEqual({
      grade: C,
      stock: { F: 2, M: 2, X: 1, U: 1 },
      hires: { F: 0, M: 0, X: 0, U: 0 },
      exits: { F: 0, M: 2, X: 0, U: 0 },
    });
    expect(body.inputs.baseline.map((g) => g.stock)).toEqual([
      { F: 2, M: 0, X: 1, U: 1 },
      { F: 2, M: 2, X: 0, U: 0 },
      { F: 0, M: 1, X: 0, U: 0 },
    ]);
    const rows = (sex: string) => body.estimate.transitions.find((t) => t.sex === sex)?.rows ?? [];
    // Women: constables 4 person-years, 3 stayed, 1 promoted; inspectorate 2, both stayed;
    // no woman in senior command: the grade's row of all sexes (PR09 twice, PR04 once: 1 demoted).
    expectCloseAll(rows("F")[0]?.to, [0.75, 0.25, 0]);
    expectCloseAll(rows("F")[1]?.to, [0, 1, 0]);
    expectCloseAll(rows("F")[2]?.to, [0, 1 / 3, 2 / 3]);
    expect(rows("F").map((r) => r.source)).toEqual(["observed", "observed", "pooled_sexes"]);
    // Men: constables 4 person-years, 2 stayed, 2 left; PR04 promoted out of inspectorate.
    expectCloseAll(rows("M")[0]?.to, [0.5, 0, 0]);
    expect(rows("M")[0]?.exit).toBe(0.5);
    expectCloseAll(rows("M")[1]?.to, [0, 0, 1]);
    // X: no X in inspectorate: the all-sex row (PR04 up, PR02 and PR11 stayed).
    expectCloseAll(rows("X")[1]?.to, [0, 2 / 3, 1 / 3]);
    // Hires: PR05 (F, constables) and PR11 (F, inspectorate) in 2023, PR06 (M, inspectorate) in 2024.
    expect(body.estimate.totalHires).toBe(1.5);
    expectCloseAll(body.estimate.entry, [1 / 3, 2 / 3, 0]);
    expect(body.estimate.hiringShare).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
    // One step. Women (2, 2, 0)·P_F = (1.5, 2.5, 0) + 1.5·(2/3)·e = (1/3, 2/3, 0) → 5 women.
    // Men (0, 2, 1)·P_M = (0, 1/3, 8/3) + 1.5·(1/3)·e = (1/6, 1/3, 0) → 3.5 men. X 1, U 1.
    const [t0, t1] = body.series;
    expect(t0?.total.share).toBe(4 / 8);
    expectCloseAll(
      [t1.total.counts.F, t1.total.counts.M, t1.total.counts.X, t1.total.counts.U],
      [5, 3.5, 1, 1],
    );
    expectCloseAll(
      body.series[1]?.byGrade.map((g) => g.counts.F),
      [11 / 6, 19 / 6, 0],
    );
    expect(t1?.total.share).toBeCloseTo(5 / 9.5, 12);
    expect(t1?.year).toBe(2026);
    expect(t1?.total.band).toBeNull();
    expect(body.series).toHaveLength(4);
    // Women who never leave inspectorate: no steady state.
    expect(body.longRun).toEqual({ value: null, reason: "no_steady_state" });
    expect(body.target).toBeNull();
    expect(body.yearsToTarget).toBeNull();
    expect(body.requiredWomenHires).toBeNull();
  });

  it("answers years_to_target and required_women_hires for a target", async () => {
    const body = await projectionOf(
      analyst,
      "?years=2&horizon=5&bootstrap=0&targetShare=0.52&targetYear=2026",
    );
    expect(body.target).toEqual({ share: 0.52, year: 2026, rankGroup: null });
    // 4 of 8 (50%) today; 5 of 9.5 (52.6%) in 2026.
    expect(body.yearsToTarget).toMatchObject({ value: 1, year: 2026 });
    // a_F = 4, a_M + a_X = 3 + 1, b = 1, H = 1.5:
    // f* = [0.52·(4 + 1.5) − 0.48·4] / (1.5·[0.48 + 0.52]) = 0.94 / 1.5; women hires 0.94 a year.
    expect(body.requiredWomenHires?.value).toBeCloseTo(0.94, 12);
    expect(body.requiredWomenHires?.hiringShare).toBeCloseTo(0.94 / 1.5, 12);
    expect(body.requiredWomenHires).toMatchObject({
      targetYear: 2026,
      years: 1,
      knownSexHires: 1.5,
      method: "closed_form",
    });
  });

  it("applies the what-if controls and echoes them", async () => {
    const body = await projectionOf(
      analyst,
      "?years=2&horizon=1&bootstrap=0&hiringShare=0.5&totalHires=4&promotionParity=true",
    );
    expect(body.scenario).toEqual({
      hiringShare: 0.5,
      totalHires: 4,
      isPromotionParity: true,
      isConstantSize: false,
      rowOverrides: [],
      bootstrap: { replicates: 0, seed: DEFAULT_BOOTSTRAP.seed },
    });
    // Parity: men in P1 were not promoted from constables (women now stay there) and all were from
    // inspectorate (women now all move up). Women (2, 2, 0) → (2, 0, 2) + 4·0.5·e = (2/3, 4/3, 0).
    expectCloseAll(
      body.series[1]?.byGrade.map((g) => g.counts.F),
      [8 / 3, 4 / 3, 2],
    );
    expectCloseAll(
      body.series[1]?.byGrade.map((g) => g.counts.M),
      [2 / 3, 5 / 3, 8 / 3],
    );
    // The estimate is reported as estimated, before the what-if.
    expect(body.estimate.transitions[0]?.rows[1]?.to).toEqual([0, 1, 0]);
  });

  it("gives a reproducible bootstrap band by default", async () => {
    const first = await get(admin, `?unit=${tree.id("P1")}&years=2&horizon=10`);
    const second = await get(admin, `?unit=${tree.id("P1")}&years=2&horizon=10`);
    expect(first.body).toBe(second.body);
    const body = first.json<Projection>();
    expect(body.scenario.bootstrap.replicates).toBe(200);
    for (const year of body.series) {
      expect(year.total.band).not.toBeNull();
      expect(year.total.band!.low).toBeLessThanOrEqual(year.total.band!.high);
    }
  });

  it("refuses a rank group without history that someone is in, unless its row is supplied", async () => {
    const unit = tree.id("NU-CID");
    const refused = await get(admin, `?unit=${unit}&years=2&bootstrap=0`);
    expect(refused.statusCode).toBe(422);
    expect(errorOf(refused)).toEqual({
      code: "projection.grade_without_history",
      details: { grade: T },
    });
    const body = await projectionOf(
      admin,
      `?unit=${unit}&years=2&horizon=1&bootstrap=0&gradeRow=${T}:0,0,0.9`,
    );
    const men = body.estimate.transitions.find((t) => t.sex === "M")?.rows ?? [];
    expect(men.map((r) => r.source)).toEqual(["unreachable", "unreachable", "what_if"]);
    expect(men[2]?.exit).toBeCloseTo(0.1, 15);
    // PR14 stays with probability 0.9, plus half a hire a year into senior command.
    expect(body.series[1]?.byGrade[2]?.counts.M).toBeCloseTo(1.4, 12);
    expect(body.scenario.rowOverrides).toEqual([{ grade: T, to: [0, 0, 0.9] }]);
  });

  it("sees a new career event at once (the cached counts carry a data stamp)", async () => {
    const query = `?unit=${tree.id("P2")}&years=2&horizon=1&bootstrap=0`;
    const before = await projectionOf(admin, query);
    expect(before.inputs.years[1]?.byGrade[0]?.hires).toEqual({ F: 0, M: 1, X: 0, U: 0 });
    const rank = await database.db
      .selectFrom("ranks")
      .select("id")
      .where("code", "=", "CON")
      .executeTakeFirstOrThrow();
    const person = await database.db
      .insertInto("persons")
      .values({ service_number: "PR15", sex: "F", birth_year: 1999 })
      .returning("id")
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto("career_events")
      .values({
        person_id: person.id,
        event_type: "hire",
        effective_date: "2024-04-01",
        rank_id: rank.id,
        org_unit_id: tree.id("P2"),
        job_role_id: null,
        reason: null,
      })
      .execute();
    await database.db
      .insertInto("career_spells")
      .values({
        person_id: person.id,
        valid_from: "2024-04-01",
        valid_to: null,
        rank_id: rank.id,
        org_unit_id: tree.id("P2"),
        job_role_id: null,
      })
      .execute();
    const after = await projectionOf(admin, query);
    expect(after.inputs.years[1]?.byGrade[0]?.hires).toEqual({ F: 1, M: 1, X: 0, U: 0 });
    expect(after.estimate.hiringShare.value).toBe(0.5);
  });

  it("answers 404 for a unit outside the caller's scope, as for a missing one, and 403 without the action", async () => {
    const outside = await get(analyst, `?unit=${tree.id("P2")}`);
    expect(outside.statusCode).toBe(404);
    expect(errorOf(outside)).toEqual({
      code: "org_unit.not_found",
      details: { id: tree.id("P2") },
    });
    const missing = await get(analyst, "?unit=987654");
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe("org_unit.not_found");
    const forbidden = await get(await signIn(app, "aud.p1"), "");
    expect(forbidden.statusCode).toBe(403);
    expect(errorOf(forbidden).code).toBe("auth.forbidden");
  });

  it.each([
    "?years=11",
    "?years=0",
    "?horizon=31",
    "?hiringShare=1.5",
    "?targetShare=-0.1",
    "?bootstrap=1001",
    "?promotionParity=yes",
    "?targetYear=2030",
    "?targetRankGroup=constables",
    "?constantSize=true&totalHires=3",
    "?gradeRow=constables",
    "?gradeRow=constables:0.5,x",
  ])("rejects %s as request.invalid", async (query) => {
    const response = await get(analyst, query);
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe("request.invalid");
  });

  it("names the allowed target years and refuses an unknown rank group", async () => {
    const early = await get(analyst, "?years=2&bootstrap=0&targetShare=0.3&targetYear=2025");
    expect(early.statusCode).toBe(400);
    expect(errorOf(early)).toEqual({
      code: "projection.target_year_out_of_range",
      details: { targetYear: 2025, min: 2026, max: 2055 },
    });
    const unknown = await get(
      analyst,
      "?years=2&bootstrap=0&targetShare=0.3&targetRankGroup=generals",
    );
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown)).toEqual({
      code: "projection.rank_group_unknown",
      details: { code: "generals" },
    });
  });

  it("is described in the OpenAPI document under the projections tag", async () => {
    const response = await app.inject({ method: "GET", url: "/api/openapi.json" });
    const paths = response.json<{ paths: Record<string, { get?: { tags?: string[] } }> }>().paths;
    expect(paths["/api/projections"]?.get?.tags).toEqual(["projections"]);
  });
});
