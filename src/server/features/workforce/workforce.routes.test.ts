import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrgTree, seedUser, seedWorkforce, type SeededTree } from "../../../../test/factories";
import { expectedCounts, knownCareers as careers } from "../../../../test/known-careers";
import { errorOf, injectAs, signIn } from "../../../../test/http";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import type { Headline, HeadlineResponse } from "../../../core/schemas/workforce";
import { buildApp } from "../../app";

function checkHeadline(body: Headline, unitCode: string, asOf: string) {
  const expected = expectedCounts(unitCode, asOf);
  const total = { F: 0, M: 0, X: 0, U: 0, N: 0 };
  expect(body.byRankGroup.map((g) => g.code)).toEqual([...expected.keys()]);
  for (const group of body.byRankGroup) {
    const counts = expected.get(group.code);
    expect(group.share.counts, `${group.code} at ${asOf}`).toEqual(counts);
    if (!counts) continue;
    for (const sex of ["F", "M", "X", "U", "N"] as const) total[sex] += counts[sex];
    const known = counts.F + counts.M + counts.X;
    expect(group.share.value).toBe(known === 0 ? null : counts.F / known);
  }
  expect(body.total.counts).toEqual(total);
  expect(body.total.value).toBe(total.F / (total.F + total.M + total.X));
  return total;
}

describe.each(testEngines())("GET /api/workforce/headline (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let app: FastifyInstance;
  let admin: string;
  let analyst: string;

  const headline = (cookie: string, query: string) =>
    injectAs(app, cookie, { method: "GET", url: `/api/workforce/headline${query}` });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    await seedWorkforce(database.db, tree, careers);
    await seedUser(database.db, tree, { username: "admin.hq", role: "admin", unitCode: "HQ" });
    await seedUser(database.db, tree, { username: "ana.p1", role: "hq-analyst", unitCode: "P1" });
    await seedUser(database.db, tree, { username: "aud.p2", role: "auditor", unitCode: "P2" });
    app = await buildApp({ database });
    admin = await signIn(app, "admin.hq");
    analyst = await signIn(app, "ana.p1");
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it.each([
    ["HQ", "2020-06-01"],
    ["HQ", "2016-01-01"],
    ["HQ", "2015-12-31"],
    ["P1", "2020-06-01"],
    ["P1", "2016-01-01"],
    ["P2", "2019-03-01"],
    ["P1-D1-S1", "2020-05-31"],
    ["HQ", "2030-01-01"],
  ])("counts %s at %s as the replayed careers do", async (unitCode, asOf) => {
    const response = await headline(admin, `?unit=${tree.id(unitCode)}&at=${asOf}`);
    expect(response.statusCode).toBe(200);
    const body = response.json<Headline>();
    expect(body.asOf).toBe(asOf);
    expect(body.unit).toEqual({
      id: tree.id(unitCode),
      code: unitCode,
      name: unitCode === "HQ" ? "National Headquarters" : `Unit ${unitCode}`,
    });
    const total = checkHeadline(body, unitCode, asOf);
    expect(total.N).toBeGreaterThan(0);
  });

  it("counts unknown sex and leaves it out of the share's denominator", async () => {
    const body = (await headline(admin, `?unit=${tree.id("HQ")}&at=2020-06-01`)).json<Headline>();
    expect(body.total.counts).toEqual({ F: 5, M: 4, X: 1, U: 2, N: 12 });
    expect(body.total.value).toBeCloseTo(5 / 10, 12);
    expect(body.total.unknownShare).toBeCloseTo(2 / 12, 12);
    expect(body.total.isUnknownSexHigh).toBe(true);
  });

  it("defaults to the caller's own unit and today's date", async () => {
    const before = new Date().toISOString().slice(0, 10);
    const response = await headline(analyst, "");
    const after = new Date().toISOString().slice(0, 10);
    expect(response.statusCode).toBe(200);
    const body = response.json<Headline>();
    expect([before, after]).toContain(body.asOf);
    expect(body.unit.code).toBe("P1");
    checkHeadline(body, "P1", body.asOf);
    expect(body.total.counts).toEqual({ F: 3, M: 1, X: 1, U: 1, N: 6 });
  });

  it("answers 404 org_unit.not_found for a unit outside the caller's scope, as for a missing one", async () => {
    const outside = await headline(analyst, `?unit=${tree.id("P2")}`);
    expect(outside.statusCode).toBe(404);
    expect(errorOf(outside)).toEqual({
      code: "org_unit.not_found",
      details: { id: tree.id("P2") },
    });
    const missing = await headline(analyst, "?unit=987654");
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe("org_unit.not_found");
  });

  it("forbids a role without the headline action and rejects a malformed date", async () => {
    const forbidden = await headline(await signIn(app, "aud.p2"), "");
    expect(forbidden.statusCode).toBe(403);
    expect(errorOf(forbidden).code).toBe("auth.forbidden");
    const malformed = await headline(admin, "?at=01/06/2020");
    expect(malformed.statusCode).toBe(400);
    expect(errorOf(malformed).code).toBe("request.invalid");
  });
});

/** The threshold the app uses by default (AppDeps.sdcThreshold ?? DEFAULT_SDC_THRESHOLD). */
const K = 5;
const countKeys = ["F", "M", "X", "U", "N"] as const;
type PublishedShare = HeadlineResponse["total"];

/** The lines of a headline as the trusted circle counts them: rank groups in order, then the total. */
function expectedLines(unitCode: string, asOf: string) {
  const groups = [...expectedCounts(unitCode, asOf).values()];
  const total = { F: 0, M: 0, X: 0, U: 0, N: 0 };
  for (const counts of groups) for (const key of countKeys) total[key] += counts[key];
  return [...groups, total];
}

/**
 * Checks a disclosure-controlled headline against the true counts with threshold k: no published
 * count from 1 to k − 1, every hidden count marked, every published count true, shares made from a
 * hidden count withheld with the mark. Returns the number of hidden counts.
 */
function checkProtectedHeadline(body: HeadlineResponse, unitCode: string, asOf: string, k: number) {
  const truth = expectedLines(unitCode, asOf);
  const lines: PublishedShare[] = [...body.byRankGroup.map((g) => g.share), body.total];
  expect(lines).toHaveLength(truth.length);
  let hidden = 0;
  lines.forEach((share, index) => {
    const expected = truth[index];
    if (!expected) throw new Error(`no line ${index}`);
    for (const key of countKeys) {
      const where = `${unitCode} at ${asOf}, line ${index}, ${key}`;
      const count = share.counts[key];
      const mark = share.countMarks?.[key];
      if (count === null) {
        hidden++;
        expect(["primary", "complementary"], where).toContain(mark?.suppression);
        expect(mark?.messageKey, where).toBe(`sdc.suppressed_${mark?.suppression ?? ""}`);
      } else {
        expect(count, where).toBe(expected[key]);
        expect(count === 0 || count >= k, `${where}: ${count} published`).toBe(true);
        expect(mark, where).toBeNull();
      }
      if (expected[key] >= 1 && expected[key] < k) expect(mark?.suppression, where).toBe("primary");
    }
    const known = expected.F + expected.M + expected.X;
    if (share.value !== null) expect(share.value).toBe(expected.F / known);
    if (share.counts.F === null || (share.value === null && known > 0)) {
      expect(share).toMatchObject({
        value: null,
        reason: "suppressed",
        suppression: "derived",
        messageKey: "sdc.suppressed_derived",
      });
    }
  });
  expect(body.disclosure).toEqual({
    k,
    protectionLevel: k,
    suppressedCells: hidden,
    messageKey: "sdc.table_note",
  });
  return hidden;
}

describe.each(testEngines())("GET /api/workforce/headline, disclosure control (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let app: FastifyInstance;
  let partner: string;
  let analyst: string;

  const headline = (cookie: string, query: string, on = app) =>
    injectAs(on, cookie, { method: "GET", url: `/api/workforce/headline${query}` });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    await seedWorkforce(database.db, tree, careers);
    await seedUser(database.db, tree, {
      username: "pv.hq",
      role: "partner-viewer",
      unitCode: "HQ",
    });
    await seedUser(database.db, tree, { username: "ana.hq", role: "hq-analyst", unitCode: "HQ" });
    app = await buildApp({ database });
    partner = await signIn(app, "pv.hq");
    analyst = await signIn(app, "ana.hq");
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it.each([
    ["HQ", "2020-06-01"],
    ["HQ", "2016-01-01"],
    ["P1", "2020-06-01"],
    ["P2", "2019-03-01"],
    ["P1-D1-S1", "2020-05-31"],
  ])(
    "shows a partner-viewer no count from 1 to k − 1 of %s at %s, and marks every hidden one",
    async (unitCode, asOf) => {
      const response = await headline(partner, `?unit=${tree.id(unitCode)}&at=${asOf}`);
      expect(response.statusCode).toBe(200);
      const body = response.json<HeadlineResponse>();
      expect(body.unit.code).toBe(unitCode);
      // The register is small: every one of these headlines has counts of 1 to 4 to hide.
      expect(checkProtectedHeadline(body, unitCode, asOf, K)).toBeGreaterThan(0);
    },
  );

  it("withholds the share of a line whose count of women is hidden", async () => {
    // HQ on 2020-06-01: F 5, M 4, X 1, U 2 in all; senior command holds 1 woman and 1 man.
    const body = (
      await headline(partner, `?unit=${tree.id("HQ")}&at=2020-06-01`)
    ).json<HeadlineResponse>();
    const senior = body.byRankGroup.find((g) => g.code === "senior_command");
    expect(expectedCounts("HQ", "2020-06-01").get("senior_command")).toMatchObject({ F: 1, M: 1 });
    expect(senior?.share).toMatchObject({
      value: null,
      numerator: null,
      counts: { F: null, M: null },
      countMarks: {
        F: { suppression: "primary", messageKey: "sdc.suppressed_primary" },
        M: { suppression: "primary", messageKey: "sdc.suppressed_primary" },
      },
      reason: "suppressed",
      suppression: "derived",
      messageKey: "sdc.suppressed_derived",
    });
  });

  it.each([
    ["HQ", "2020-06-01"],
    ["P1", "2020-06-01"],
  ])(
    "leaves an hq-analyst's headline of %s at %s unchanged, with disclosure null",
    async (unitCode, asOf) => {
      const query = `?unit=${tree.id(unitCode)}&at=${asOf}`;
      const body = (await headline(analyst, query)).json<HeadlineResponse>();
      expect(body.disclosure).toBeNull();
      checkHeadline(body as unknown as Headline, unitCode, asOf);
      expect(JSON.stringify(body)).not.toMatch(/countMarks|suppress/);
      // What the partner-viewer sees is the analyst's table with some counts hidden.
      const external = (await headline(partner, query)).json<HeadlineResponse>();
      const shares = (h: HeadlineResponse) => [...h.byRankGroup.map((g) => g.share), h.total];
      shares(external).forEach((share, index) => {
        for (const key of countKeys) {
          if (share.counts[key] !== null) {
            expect(share.counts[key]).toBe(shares(body)[index]?.counts[key]);
          }
        }
      });
    },
  );

  it("uses the configured threshold (AppDeps.sdcThreshold)", async () => {
    const strict = await buildApp({ database, sdcThreshold: 3 });
    try {
      const cookie = await signIn(strict, "pv.hq");
      const query = `?unit=${tree.id("HQ")}&at=2020-06-01`;
      const body = (await headline(cookie, query, strict)).json<HeadlineResponse>();
      checkProtectedHeadline(body, "HQ", "2020-06-01", 3);
      // A count of 3 or 4 that k = 5 hides may be shown at k = 3: the threshold is the one given.
      const counts = [...body.byRankGroup.map((g) => g.share), body.total].flatMap((share) =>
        countKeys.map((key) => share.counts[key]),
      );
      expect(counts.some((count) => count === 3 || count === 4)).toBe(true);
    } finally {
      await strict.close();
    }
  });
});
