import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryAuditRecorder } from "../../../../test/audit";
import {
  seedOrgTree,
  seedUser,
  seedWorkforce,
  type Career,
  type SeededTree,
} from "../../../../test/factories";
import { injectWith, openSession, type TestSession } from "../../../../test/sessions";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import type { Sex } from "../../../core/schemas/sex";
import type {
  RepresentationTarget,
  PublishedTargetProgressList,
} from "../../../core/schemas/targets";
import { buildApp } from "../../app";

const NOW = new Date("2024-06-15T12:00:00Z");

/** `n` people of one sex hired into one rank and unit on one day. */
const hires = (
  prefix: string,
  n: number,
  sex: Sex,
  rank: "CON" | "SUPT",
  unit: string,
  date: string,
) =>
  Array.from({ length: n }, (_, i): Career => ({
    serviceNumber: `${prefix}${i}`,
    sex,
    steps: [{ type: "hire", date, rank, unit }],
  }));

describe.each(testEngines())("GET /api/targets/status (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let app: FastifyInstance;
  let admin: TestSession;
  let managerP1: TestSession;
  let partner: TestSession;
  let top: number;

  const status = async (session: TestSession, query = "") => {
    const response = await injectWith(app, session, {
      method: "GET",
      url: `/api/targets/status${query}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<PublishedTargetProgressList>();
  };
  const create = async (unit: string, rankGroupId: number | null, year: number, share: string) => {
    const response = await injectWith(app, admin, {
      method: "POST",
      url: "/api/targets",
      payload: { unitId: tree.id(unit), rankGroupId, targetYear: year, sharePercent: share },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<RepresentationTarget>().id;
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    await seedWorkforce(database.db, tree, [
      ...hires("A", 1, "F", "CON", "P1-D1", "2020-01-01"),
      ...hires("B", 9, "M", "CON", "P1-D1", "2020-01-01"),
      ...hires("C", 2, "F", "CON", "P1-D2", "2022-06-01"),
      ...hires("D", 8, "M", "CON", "P1-D2", "2022-06-01"),
      ...hires("E", 1, "F", "SUPT", "P2-D1", "2020-01-01"),
      ...hires("G", 9, "M", "SUPT", "P2-D1", "2020-01-01"),
      ...hires("H", 4, "U", "CON", "NU-CID", "2020-01-01"),
    ]);
    const session = async (username: string, role: string, unitCode: string) =>
      openSession(database.db, await seedUser(database.db, tree, { username, role, unitCode }));
    admin = await session("admin.hq", "admin", "HQ");
    managerP1 = await session("manager.p1", "unit-manager", "P1");
    partner = await session("partner.hq", "partner-viewer", "HQ");
    app = await buildApp({ database, audit: createMemoryAuditRecorder(), now: () => NOW });
    const group = await database.db
      .selectFrom("rank_groups")
      .select("id")
      .where("code", "=", "senior_command")
      .executeTakeFirstOrThrow();
    top = group.id;
    const planned = [
      await create("HQ", null, 2026, "20"),
      await create("P1", null, 2024, "20"),
      await create("P1", top, 2030, "10"),
      await create("P2", top, 2030, "10"),
      await create("P2", null, 2022, "50"),
      await create("NU-CID", null, 2030, "10"),
    ];
    // Set in March 2021: the plans start on 1 January 2021.
    await sql`UPDATE representation_targets SET created_at = '2021-03-01T00:00:00Z'
               WHERE id IN (${sql.join(planned)})`.execute(database.db);
    await create("P1-D2", null, 2030, "30");
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const summary = (list: PublishedTargetProgressList) =>
    list.targets.map((t) => ({
      target: `${t.unit.code}/${t.rankGroup?.code ?? "*"}/${t.targetYear}`,
      status: t.status,
      reason: t.reason,
      F: t.current?.numerator,
      K: t.current?.denominator,
      gapPersons: t.gapPersons,
    }));

  it("gives each target's counts, gap and status on `at`, decided exactly", async () => {
    const list = await status(admin, "?at=2023-01-01");
    expect(list.asOf).toBe("2023-01-01");
    expect(summary(list)).toEqual([
      // 4 of 30 = 2/15; the line from 2/20 (2021-01-01) to 20% (2026-12-31) is at 2/15 on day 730.
      { target: "HQ/*/2026", status: "on_track", reason: undefined, F: 4, K: 30, gapPersons: 2 },
      {
        target: "NU-CID/*/2030",
        status: null,
        reason: "empty_denominator",
        F: 0,
        K: 0,
        gapPersons: null,
      },
      // 3 of 20 = 15%, exactly the line from 10% to 20% halfway (730 of 1460 days).
      { target: "P1/*/2024", status: "on_track", reason: undefined, F: 3, K: 20, gapPersons: 1 },
      {
        target: "P1/senior_command/2030",
        status: null,
        reason: "empty_denominator",
        F: 0,
        K: 0,
        gapPersons: null,
      },
      { target: "P2/*/2022", status: "overdue", reason: undefined, F: 1, K: 10, gapPersons: 4 },
      {
        target: "P2/senior_command/2030",
        status: "met",
        reason: undefined,
        F: 1,
        K: 10,
        gapPersons: 0,
      },
    ]);
    const p1 = list.targets[2];
    expect(p1.baseline).toMatchObject({
      date: "2021-01-01",
      share: { numerator: 1, denominator: 10 },
    });
    expect(p1.gapPoints).toBeCloseTo(5, 12);
    expect(p1.expectedShare).toBeCloseTo(0.15, 12);
    expect(p1.deadline).toBe("2024-12-31");
    expect(list.targets[1].current?.counts).toEqual({ F: 0, M: 0, X: 0, U: 4, N: 4 });
  });

  it("falls below the line when the share does; today by default, with targets set this year", async () => {
    const list = await status(admin);
    expect(list.asOf).toBe("2024-06-15");
    const byTarget = new Map(summary(list).map((t) => [t.target, t]));
    // On 2024-06-15 the P1 line is at 10% + 10% · 1261/1460 ≈ 18.6%, above 3/20.
    expect(byTarget.get("P1/*/2024")).toMatchObject({ status: "off_track", F: 3, K: 20 });
    const p1 = list.targets.find((t) => t.unit.code === "P1" && t.rankGroup === null);
    expect(p1?.expectedShare).toBeCloseTo(0.1 + (0.1 * 1261) / 1460, 12);
    // Set in 2024: its line starts on 2024-01-01 at 2/10 = 20% (P1-D2).
    expect(byTarget.get("P1-D2/*/2030")).toMatchObject({ status: "off_track", F: 2, K: 10 });
    expect(list.targets.find((t) => t.unit.code === "P1-D2")?.baseline?.date).toBe("2024-01-01");
  });

  it("gives a partner-viewer no figures for a target with a count from 1 to 4", async () => {
    const list = await status(partner, "?at=2023-01-01");
    expect(
      list.targets.map((t) => [t.unit.code, t.rankGroup?.code ?? "*", t.status, t.reason]),
    ).toEqual([
      ["HQ", "*", null, "suppressed"],
      ["NU-CID", "*", null, "suppressed"],
      ["P1", "*", null, "suppressed"],
      ["P1", "senior_command", null, "empty_denominator"],
      ["P2", "*", null, "suppressed"],
      ["P2", "senior_command", null, "suppressed"],
    ]);
    const hq = list.targets[0];
    expect(hq).toMatchObject({
      current: null,
      baseline: null,
      gapPoints: null,
      gapPersons: null,
      expectedShare: null,
      shareBasisPoints: 2000,
    });
    // Zeros are published (INDICATORS.md §8.1): the empty senior command keeps its counts.
    expect(list.targets[3].current?.counts).toEqual({ F: 0, M: 0, X: 0, U: 0, N: 0 });
  });

  it("shows a province user the targets of their subtree only", async () => {
    const list = await status(managerP1, "?at=2023-01-01");
    expect(summary(list).map((t) => t.target)).toEqual(["P1/*/2024", "P1/senior_command/2030"]);
    const unit = await status(partner, `?unit=${tree.id("P2")}&at=2023-01-01`);
    expect(summary(unit).map((t) => t.target)).toEqual(["P2/*/2022", "P2/senior_command/2030"]);
    const outside = await injectWith(app, managerP1, {
      method: "GET",
      url: `/api/targets/status?unit=${tree.id("P2")}`,
    });
    expect(outside.statusCode).toBe(404);
  });
});
