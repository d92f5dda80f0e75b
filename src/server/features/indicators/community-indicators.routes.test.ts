import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCommunityExample } from "../../../../test/community-indicators";
import { seedOrgTree, seedUser, type SeededTree } from "../../../../test/factories";
import { injectWith, openSession, type TestSession } from "../../../../test/sessions";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import type { IndicatorResult, TrendResult } from "../../../core/schemas/indicators";
import type { TransparencyReport } from "../../../core/schemas/transparency";
import { buildApp } from "../../app";

const MAY = "from=2024-05-01&to=2024-06-01";

describe.each(testEngines())("community indicators, worked example (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let app: FastifyInstance;
  let admin: TestSession;
  let officerP2: TestSession;
  let partner: TestSession;

  const get = (session: TestSession, url: string) =>
    injectWith(app, session, { method: "GET", url });
  const result = async (session: TestSession, url: string) => {
    const response = await get(session, url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<IndicatorResult>();
  };
  const p1 = (id: string, query = MAY) => `/api/indicators/${id}?unit=${tree.id("P1")}&${query}`;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    await seedCommunityExample(database.db, tree);
    const user = async (username: string, role: string, unitCode: string) =>
      openSession(database.db, await seedUser(database.db, tree, { username, role, unitCode }));
    admin = await user("admin.hq", "admin", "HQ");
    officerP2 = await user("co.p2", "community-officer", "P2");
    partner = await user("partner", "partner-viewer", "HQ");
    app = await buildApp({ database, now: () => new Date("2024-06-15T12:00:00Z") });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("issues raised by sex, source and category; on-the-spot and referral rates with pending", async () => {
    const raised = await result(admin, p1("issues_raised", `${MAY}&by=source`));
    expect(raised.total.counts).toEqual({ F: 3, M: 2, X: 0, U: 1, N: 6 });
    expect(raised.rows.map((r) => [r.key.source, r.value])).toEqual([
      ["walk_in", 4],
      ["phone", 1],
      ["public_channel", 1],
    ]);
    const spot = await result(admin, p1("on_the_spot_rate", `${MAY}&by=category`));
    expect([spot.total.value, spot.total.numerator, spot.total.denominator]).toEqual([0.2, 1, 5]);
    expect(spot.total.parts?.excluded?.N).toBe(1);
    expect(spot.total.bySex?.F?.value).toBeCloseTo(1 / 3, 12);
    expect(spot.rows.find((r) => r.key.category === "other")?.reason).toBe("empty_denominator");
    expect((await result(admin, p1("referral_rate"))).total.value).toBe(0.4);
  });

  it("officer-reported and resident-confirmed resolution, side by side", async () => {
    const officer = await result(admin, p1("resolution_rate_officer"));
    expect([officer.total.numerator, officer.total.denominator]).toEqual([4, 5]);
    const resident = await result(admin, p1("resolution_rate_resident_confirmed"));
    expect([resident.total.value, resident.total.parts?.excluded?.N]).toEqual([0.5, 1]);
  });

  it("median days over an even count, with the issues still open", async () => {
    const median = await result(admin, p1("median_days_to_resolution", `${MAY}&by=unit`));
    expect(median.total.value).toBe(6.5);
    expect(median.total.denominator).toBe(4);
    expect(median.total.details?.openIssues).toBe(2);
    const d2 = median.rows.find((r) => r.key.unit === "P1-D2");
    expect(d2?.value).toBe(15);
  });

  it("overdue share on a date, referral completion, woman-officer fulfilment", async () => {
    expect((await result(admin, p1("overdue_share", "at=2024-06-15"))).total.value).toBe(0.5);
    expect((await result(admin, p1("overdue_share", "at=2024-05-10"))).total.value).toBe(0);
    expect((await result(admin, p1("referral_completion_rate"))).total.value).toBe(0.5);
    expect((await result(admin, p1("woman_officer_request_fulfilment"))).total.value).toBe(0.5);
  });

  it("reach by sex and age group, sessions with officers present", async () => {
    const reach = await result(admin, p1("outreach_attendance", `${MAY}&by=age_group`));
    expect(reach.total.counts).toEqual({ F: 20, M: 8, X: 0, U: 2, N: 30 });
    expect(reach.rows.map((r) => [r.key.age_group, r.value])).toEqual([
      ["youth", 3],
      ["adult", 20],
      ["older", 5],
      ["unknown", 2],
    ]);
    const sessions = await result(admin, p1("outreach_sessions", `${MAY}&by=unit`));
    expect(sessions.total.value).toBe(2);
    expect(sessions.total.counts.N).toBe(5);
  });

  it("satisfaction by sex: top-two box, Wilson, F − M, small sample", async () => {
    const body = await result(admin, p1("satisfaction"));
    expect([body.total.value, body.total.parts?.excluded?.N]).toEqual([0.75, 1]);
    expect(body.total.bySex?.F?.value).toBeCloseTo(2 / 3, 12);
    expect(body.total.bySex?.M?.value).toBe(1);
    expect(body.total.bySex?.F?.flags).toEqual(["small_sample"]);
    expect(body.total.ci?.method).toBe("wilson");
    expect((body.total.details?.differenceFM as { estimate: number }).estimate).toBeCloseTo(
      -1 / 3,
      12,
    );
  });

  it("refuses a breakdown the definition does not allow", async () => {
    const response = await get(admin, p1("satisfaction", `${MAY}&by=category`));
    expect(response.statusCode).toBe(400);
  });

  it("scopes to the caller's subtree", async () => {
    const response = await get(officerP2, p1("issues_raised"));
    expect(response.statusCode).toBe(404);
    const own = await result(officerP2, `/api/indicators/issues_raised?${MAY}`);
    expect(own.scope.code).toBe("P2");
    expect(own.total.value).toBe(1);
  });

  it("gives a monthly trend", async () => {
    const response = await get(
      admin,
      `/api/indicators/issues_raised/trend?unit=${tree.id("P1")}&at=2024-05-31&months=2`,
    );
    const trend = response.json<TrendResult>();
    expect(trend.points.map((p) => [p.from, p.to, p.total.value])).toEqual([
      ["2024-04-01", "2024-05-01", 1],
      ["2024-05-01", "2024-06-01", 6],
    ]);
  });

  it("hides small counts from a partner-viewer, and every value derived from them", async () => {
    const body = await result(partner, p1("on_the_spot_rate", `${MAY}&by=unit`));
    expect(body.disclosure?.k).toBe(5);
    expect(body.total.value).toBeNull();
    expect(body.total.suppression).not.toBeNull();
    for (const cell of [body.total, ...body.rows]) {
      const shown = [
        ...Object.values(cell.counts),
        ...Object.values(cell.parts ?? {}).flatMap((part) => Object.values(part)),
      ];
      expect(shown.filter((n) => n !== null && n > 0 && n < 5)).toEqual([]);
    }
  });

  it("publishes the transparency page without sign-in, suppressed marks never silent", async () => {
    const response = await app.inject({
      method: "GET",
      url: "/api/public/transparency?month=2024-05",
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json<TransparencyReport>();
    expect([report.from, report.to]).toEqual(["2024-05-01", "2024-06-01"]);
    const raised = (area: { figures: TransparencyReport["national"]["figures"] }) =>
      area.figures.find((f) => f.indicator === "issues_raised");
    expect(raised(report.national)?.value).toBe(7);
    const p2 = report.provinces.find((p) => p.code === "P2");
    expect(raised(p2 ?? report.national)).toMatchObject({ value: null, suppression: "primary" });
    // P1's 6 would be 7 − 1: it is hidden too, so no hidden count can be worked out.
    const hidden = report.provinces.filter((p) => raised(p)?.value === null);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    for (const area of [report.national, ...report.provinces]) {
      for (const figure of area.figures) {
        const counts = Object.values(figure.counts).filter((n) => n !== null && n > 0 && n < 5);
        expect(counts, `${area.code} ${figure.indicator}`).toEqual([]);
        if (figure.value === null)
          expect(figure.reason, `${area.code} ${figure.indicator}`).toBeTruthy();
      }
    }
    const future = await app.inject({
      method: "GET",
      url: "/api/public/transparency?month=2030-01",
    });
    expect(future.statusCode).toBe(400);
  });
});
