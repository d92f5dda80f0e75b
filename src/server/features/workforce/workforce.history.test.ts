import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryAuditRecorder } from "../../../../test/audit";
import { seedOrgTree, seedUser, seedWorkforce, type SeededTree } from "../../../../test/factories";
import { errorOf } from "../../../../test/http";
import { injectWith, openSession, type TestSession } from "../../../../test/sessions";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import type { Headline } from "../../../core/schemas/workforce";
import { buildApp } from "../../app";

const TODAY = "2024-06-15";

/** Station P1-D1-S1 (three officers since 2015) moves from province P1 to P2 on 2022-01-01. */
describe.each(testEngines())("headline in the tree of its date (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let app: FastifyInstance;
  let admin: TestSession;
  let p1: TestSession;
  let p2: TestSession;

  const total = async (session: TestSession, unitCode: string | null, at: string) => {
    const unit = unitCode === null ? "" : `&unit=${tree.id(unitCode)}`;
    const response = await injectWith(app, session, {
      method: "GET",
      url: `/api/workforce/headline?at=${at}${unit}`,
    });
    return response;
  };
  const headcount = async (session: TestSession, unitCode: string | null, at: string) => {
    const response = await total(session, unitCode, at);
    expect(response.statusCode).toBe(200);
    return response.json<Headline>();
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    const hire = (serviceNumber: string, sex: "F" | "M", unit: string) => ({
      serviceNumber,
      sex,
      steps: [{ type: "hire" as const, date: "2015-01-01", rank: "CON" as const, unit }],
    });
    await seedWorkforce(database.db, tree, [
      hire("S1", "F", "P1-D1-S1"),
      hire("S2", "F", "P1-D1-S1"),
      hire("S3", "M", "P1-D1-S1"),
      hire("D1", "M", "P1-D2"),
      hire("Q1", "F", "P2-D1"),
    ]);
    const session = async (username: string, role: string, unitCode: string) =>
      openSession(database.db, await seedUser(database.db, tree, { username, role, unitCode }));
    admin = await session("admin.hq", "admin", "HQ");
    p1 = await session("ana.p1", "hq-analyst", "P1");
    p2 = await session("ana.p2", "hq-analyst", "P2");
    app = await buildApp({
      database,
      audit: createMemoryAuditRecorder(),
      now: () => new Date(`${TODAY}T08:00:00Z`),
    });
    const moved = await injectWith(app, admin, {
      method: "POST",
      url: `/api/org-units/${tree.id("P1-D1-S1")}/move`,
      payload: { parentId: tree.id("P2"), effectiveOn: "2022-01-01" },
    });
    expect(moved.statusCode).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("counts the station under its old province for 2019 and under its new one today", async () => {
    expect((await headcount(admin, "P1", "2019-06-30")).total.counts).toEqual({
      F: 2,
      M: 2,
      X: 0,
      U: 0,
      N: 4,
    });
    expect((await headcount(admin, "P2", "2019-06-30")).total.counts).toEqual({
      F: 1,
      M: 0,
      X: 0,
      U: 0,
      N: 1,
    });
    expect((await headcount(admin, "P1", TODAY)).total.counts).toEqual({
      F: 0,
      M: 1,
      X: 0,
      U: 0,
      N: 1,
    });
    expect((await headcount(admin, "P2", TODAY)).total.counts).toEqual({
      F: 3,
      M: 1,
      X: 0,
      U: 0,
      N: 4,
    });
    expect((await headcount(admin, "P2", "2022-01-01")).total.counts.N).toBe(4);
    expect((await headcount(admin, "P2", "2021-12-31")).total.counts.N).toBe(1);
    expect((await headcount(admin, "HQ", "2019-06-30")).total.counts.N).toBe(5);
  });

  it("scopes a provincial user by the tree of the date asked for", async () => {
    expect((await headcount(p1, null, "2019-06-30")).total.counts.N).toBe(4);
    expect((await headcount(p1, "P1-D1-S1", "2019-06-30")).total.counts.N).toBe(3);
    const stationTodayForP1 = await total(p1, "P1-D1-S1", TODAY);
    expect(stationTodayForP1.statusCode).toBe(404);
    expect(errorOf(stationTodayForP1).code).toBe("org_unit.not_found");
    expect((await total(p2, "P1-D1-S1", "2019-06-30")).statusCode).toBe(404);
    expect((await headcount(p2, "P1-D1-S1", TODAY)).total.counts.N).toBe(3);
  });

  it("names the unit as it was on the date", async () => {
    await injectWith(app, admin, {
      method: "PATCH",
      url: `/api/org-units/${tree.id("P1")}`,
      payload: { name: "Western Province", effectiveOn: "2023-01-01" },
    });
    expect((await headcount(admin, "P1", "2019-06-30")).unit.name).toBe("Unit P1");
    expect((await headcount(admin, "P1", TODAY)).unit.name).toBe("Western Province");
  });
});
