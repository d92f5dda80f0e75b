import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taxonomyIdOf } from "../../../../test/community";
import { seedOrgTree, type SeededTree } from "../../../../test/factories";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import { createPublicChannelRepository } from "./public-channel.repository";
import { CHOICES_MISS_REFRESH_MS, CHOICES_TTL_MS, createChoices } from "./public-choices";

describe.each(testEngines())("the codes a resident may choose, kept (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let clock = 1_000_000;
  let choices: ReturnType<typeof createChoices>;
  let roadSafety: number;

  const setClosed = (code: string, closedOn: string | null) =>
    sql`UPDATE org_units SET closed_on = ${closedOn} WHERE code = ${code}`.execute(database.db);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    choices = createChoices(createPublicChannelRepository(database.db), () => clock);
    roadSafety = await taxonomyIdOf(database.db, "issue_categories", "road_safety");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("resolves a category and a province or district, the national root when none is named", async () => {
    expect(await choices.resolve("road_safety", "P1-D2")).toEqual({
      categoryId: roadSafety,
      unitId: tree.id("P1-D2"),
    });
    expect(await choices.resolve("road_safety", undefined)).toEqual({
      categoryId: roadSafety,
      unitId: tree.id("HQ"),
    });
    // A station, a national unit and a closed province are not for residents to choose.
    for (const code of ["P1-D1-S1", "NU-CID", "P3", "NOPE"]) {
      expect((await choices.resolve("road_safety", code)).unitId).toBeNull();
    }
    expect((await choices.resolve("no_such_category", "P1")).categoryId).toBeNull();
  });

  it("keeps the lists, drops them when told or when they are old", async () => {
    clock += CHOICES_MISS_REFRESH_MS;
    await choices.resolve("road_safety", "P2");
    await setClosed("P2", "2024-01-01");
    // Kept: the insert, not this list, refuses a closed unit (record_community_issue).
    expect((await choices.resolve("road_safety", "P2")).unitId).toBe(tree.id("P2"));
    choices.forget();
    expect((await choices.resolve("road_safety", "P2")).unitId).toBeNull();
    await setClosed("P2", null);
    clock += CHOICES_TTL_MS;
    expect((await choices.resolve("road_safety", "P2")).unitId).toBe(tree.id("P2"));
  });

  it("looks a code it lacks up again at once, but not more than once in a while", async () => {
    await setClosed("P3", null);
    // Just loaded (previous test): a junk code does not cause a query per submission.
    expect((await choices.resolve("road_safety", "P3")).unitId).toBeNull();
    clock += CHOICES_MISS_REFRESH_MS;
    expect((await choices.resolve("road_safety", "P3")).unitId).toBe(tree.id("P3"));
    await setClosed("P3", "2020-01-01");
  });
});
