import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  rankSpec,
  seedOrgTree,
  seedUser,
  seedWorkforce,
  treeSpec,
  type Career,
  type SeededTree,
} from "../../../../test/factories";
import { errorOf, injectAs, signIn } from "../../../../test/http";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import type { Headline } from "../../../core/schemas/workforce";
import { buildApp } from "../../app";

/** Known careers: F/M/X/U, exits, a re-hire, transfers across provinces, same-day events, leave. */
const careers: Career[] = [
  c("TP01", "F", ["hire", "2015-03-01", "CON", "P1-D1-S1"], ["promotion", "2019-06-01", "SGT"]),
  c(
    "TP02",
    "M",
    ["hire", "2012-01-10", "CON", "P1-D1"],
    ["transfer", "2018-05-01", undefined, "P2-D1"],
    ["promotion", "2021-01-01", "SUPT"],
  ),
  c("TP03", "U", ["hire", "2016-07-01", "CON", "P1-D2"]),
  c("TP04", "X", ["hire", "2017-02-01", "SGT", "P1-D1-S1"]),
  c("TP05", "F", ["hire", "2010-01-01", "SUPT", "HQ"], ["exit", "2020-12-31"]),
  c(
    "TP06",
    "M",
    ["hire", "2014-04-01", "CON", "P2"],
    ["leave_start", "2019-01-01"],
    ["leave_end", "2019-09-01"],
  ),
  c(
    "TP07",
    "F",
    ["hire", "2013-01-01", "CON", "P2-D1"],
    ["exit", "2016-01-01"],
    ["hire", "2018-01-01", "CON", "P1"],
  ),
  c("TP08", "M", ["hire", "2022-01-01", "CON", "NU-CID"]),
  c(
    "TP09",
    "F",
    ["hire", "2011-01-01", "CON", "P1-D1-S1"],
    ["transfer", "2020-06-01", undefined, "P2"],
  ),
  c("TP10", "U", ["hire", "2019-01-01", "SGT", "P2-D1"], ["exit", "2023-06-30"]),
  c(
    "TP11",
    "M",
    ["hire", "2008-01-01", "SGT", "P1"],
    ["promotion", "2016-01-01", "SUPT"],
    ["transfer", "2016-01-01", undefined, "HQ"],
  ),
  c("TP12", "F", ["hire", "2020-06-01", "CON", "P1-D2"]),
  c("TP13", "M", ["hire", "2009-05-05", "CON", "P1-D1"]),
];

function c(
  serviceNumber: string,
  sex: Career["sex"],
  ...steps: Array<
    [Career["steps"][number]["type"], string, Career["steps"][number]["rank"]?, string?]
  >
): Career {
  return {
    serviceNumber,
    sex,
    steps: steps.map(([type, date, rank, unit]) => ({ type, date, rank, unit })),
  };
}

/** Independent of the spells and the SQL: replay each career up to `asOf`. */
function expectedCounts(unitCode: string, asOf: string) {
  const parentOf = new Map(treeSpec.map((u) => [u.code, u.parent]));
  const isUnder = (code: string): boolean =>
    code === unitCode || (parentOf.has(code) && isUnder(parentOf.get(code) ?? ""));
  const groups = new Map<string, Record<"F" | "M" | "X" | "U" | "N", number>>(
    rankSpec.map((r) => [r.group, { F: 0, M: 0, X: 0, U: 0, N: 0 }]),
  );
  for (const career of careers) {
    let state: { rank: string; unit: string } | null = null;
    let last = { rank: "", unit: "" };
    for (const step of career.steps) {
      if (step.date > asOf) break;
      if (step.type === "exit") state = null;
      else {
        last = { rank: step.rank ?? last.rank, unit: step.unit ?? last.unit };
        state = { ...last };
      }
    }
    if (!state || !isUnder(state.unit)) continue;
    const group = rankSpec.find((r) => r.code === state.rank)?.group;
    const counts = group === undefined ? undefined : groups.get(group);
    if (!counts) throw new Error(`no group for ${state.rank}`);
    counts[career.sex]++;
    counts.N++;
  }
  return groups;
}

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
