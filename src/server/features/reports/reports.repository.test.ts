import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrgTree, seedWorkforce, type SeededTree } from "../../../../test/factories";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import { createReportsRepository } from "./reports.repository";

describe.each(testEngines())("data-quality counts (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  const pathOf = async (code: string) =>
    (
      await database.db
        .selectFrom("org_units")
        .select("path")
        .where("code", "=", code)
        .executeTakeFirstOrThrow()
    ).path;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    await seedWorkforce(database.db, tree, [
      {
        serviceNumber: "A",
        sex: "F",
        steps: [{ type: "hire", date: "2015-01-01", rank: "CON", unit: "P1-D1" }],
      },
      {
        serviceNumber: "B",
        sex: "M",
        steps: [
          { type: "hire", date: "2015-01-01", rank: "CON", unit: "P1-D2" },
          { type: "promotion", date: "2023-03-01", rank: "SGT" },
          { type: "exit", date: "2023-09-30", reason: "resignation" },
        ],
      },
      {
        serviceNumber: "C",
        sex: "U",
        steps: [
          { type: "hire", date: "2023-02-01", rank: "CON", unit: "P2" },
          { type: "transfer", date: "2023-06-01", unit: "P1-D1" },
        ],
      },
      {
        serviceNumber: "D",
        sex: "F",
        steps: [{ type: "hire", date: "2016-01-01", rank: "CON", unit: "P2-D1" }],
      },
    ]);
    // Every event was recorded on 1 January 2024, except B's promotion, recorded in time.
    await sql`UPDATE career_events SET recorded_at = '2024-01-01T00:00:00Z'`.execute(database.db);
    await sql`UPDATE career_events SET recorded_at = '2023-03-15T00:00:00Z'
      WHERE event_type = 'promotion'`.execute(database.db);
    await sql`UPDATE persons SET birth_year = NULL WHERE service_number IN ('A', 'D')`.execute(
      database.db,
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  const period = { at: "2023-12-31", from: "2023-01-01", to: "2024-01-01" };

  it("counts persons in post without a birth year, and the year's events recorded over 90 days late", async () => {
    const root = await pathOf("HQ");
    const counts = await createReportsRepository(database.db).countDataQuality({
      scope: { unitPaths: [root] },
      unitPath: root,
      ...period,
    });
    // In post on 31 Dec 2023: A, C, D (B left); A and D have no birth year.
    // Events of 2023: B promotion (in time), B exit (late: 93 days), C hire (late), C transfer (late).
    expect(counts).toEqual({ inPost: 3, noBirthYear: 2, eventsInPeriod: 4, lateEvents: 3 });
  });

  it("counts only the subtree, and an event where the post was on its day", async () => {
    const p1 = await pathOf("P1");
    const counts = await createReportsRepository(database.db).countDataQuality({
      scope: { unitPaths: [await pathOf("HQ")] },
      unitPath: p1,
      ...period,
    });
    // P1: A and C in post; events: B's promotion and exit (P1-D2), C's transfer into P1-D1 (its
    // hire was in P2).
    expect(counts).toEqual({ inPost: 2, noBirthYear: 1, eventsInPeriod: 3, lateEvents: 2 });
  });

  it("never counts outside the caller's scope", async () => {
    const counts = await createReportsRepository(database.db).countDataQuality({
      scope: { unitPaths: [await pathOf("P2")] },
      unitPath: await pathOf("HQ"),
      ...period,
    });
    // P2: D in post; C's hire there, and C's transfer out of it (a transfer belongs to both units).
    expect(counts).toEqual({ inPost: 1, noBirthYear: 1, eventsInPeriod: 2, lateEvents: 2 });
  });
});
