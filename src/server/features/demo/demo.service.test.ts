import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import { generateDemoPersons } from "../../../core/demo/careers";
import { buildDemoUnits, demoRankGroups, demoRanks } from "../../../core/demo/country";
import { AppError } from "../../../core/errors";
import type { Sex } from "../../../core/schemas/sex";
import { ensureRootUnit } from "../../bootstrap";
import { createOrgUnitsRepository } from "../org-units/org-units.repository";
import { createWorkforceRepository } from "../workforce/workforce.repository";
import { createWorkforceService } from "../workforce/workforce.service";
import { createDemoService } from "./demo.service";

const OPTIONS = { seed: 3, scale: "small", endYear: 2024 } as const;
const LOADED_TABLES = [
  "rank_groups",
  "ranks",
  "job_roles",
  "persons",
  "career_events",
  "career_spells",
];

/** Headcount by rank group and sex on `date`, replayed from the generator's own events. */
function replayHeadcount(date: string): Map<string, Record<Sex, number>> {
  const groupOf = new Map(demoRanks.map((r) => [r.ordinal, r.groupCode]));
  const counts = new Map(demoRankGroups.map((g) => [g.code, { F: 0, M: 0, X: 0, U: 0 }]));
  const units = buildDemoUnits(OPTIONS.scale, OPTIONS.seed);
  for (const person of generateDemoPersons(units, OPTIONS)) {
    let rank: number | null = null;
    let isInPost = false;
    for (const event of person.events) {
      if (event.date > date) break;
      if (event.type === "exit") isInPost = false;
      else if (event.type === "hire") isInPost = true;
      rank = event.rankOrdinal ?? rank;
    }
    const group = rank === null ? undefined : counts.get(groupOf.get(rank) ?? "");
    if (isInPost && group) group[person.sex]++;
  }
  return counts;
}

describe.each(testEngines())("demo service (%s)", (engine) => {
  let database: TestDatabase;
  const count = async (table: string) =>
    Number(
      (await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(database.db))
        .rows[0]?.n,
    );
  const catalog = async () =>
    (
      await sql<{ name: string }>`
        SELECT conname AS name FROM pg_constraint WHERE contype = 'f'
        UNION ALL SELECT indexname FROM pg_indexes WHERE schemaname = 'public'
        ORDER BY 1`.execute(database.db)
    ).rows.map((r) => r.name);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await ensureRootUnit(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  // The steps build on each other, in order, on one database.
  it("leaves nothing behind when the database refuses a row late in the load", async () => {
    const before = { catalog: await catalog(), units: await count("org_units") };
    await sql`ALTER TABLE career_spells ADD CONSTRAINT refuse_one_spell CHECK (person_id <> 3000)`.execute(
      database.db,
    );
    await expect(createDemoService(database).load(OPTIONS)).rejects.toThrow(/refuse_one_spell/);
    await sql`ALTER TABLE career_spells DROP CONSTRAINT refuse_one_spell`.execute(database.db);
    for (const table of LOADED_TABLES) expect(await count(table), table).toBe(0);
    expect(await count("org_units")).toBe(before.units);
    expect(await count("app_meta")).toBe(0);
    expect(await catalog()).toEqual(before.catalog);
  });

  it("loads the demo country below the existing root, all of it", async () => {
    const progress: number[] = [];
    const summary = await createDemoService(database).load({
      ...OPTIONS,
      onProgress: (p) => progress.push(p.persons),
    });
    const units = buildDemoUnits(OPTIONS.scale, OPTIONS.seed);
    const persons = [...generateDemoPersons(units, OPTIONS)];
    expect(summary).toEqual({
      ...OPTIONS,
      units: units.length,
      persons: persons.length,
      events: persons.reduce((n, p) => n + p.events.length, 0),
      spells: await count("career_spells"),
    });
    expect(await count("persons")).toBe(persons.length);
    expect(await count("career_events")).toBe(summary.events);
    expect(await count("org_units")).toBe(units.length);
    expect(progress.at(-1)).toBe(persons.length);
    const meta = await database.db.selectFrom("app_meta").select(["key", "value"]).execute();
    expect(Object.fromEntries(meta.map((m) => [m.key, m.value]))).toMatchObject({
      "demo.seed": "3",
      "demo.scale": "small",
      "demo.end_year": "2024",
    });
  });

  it("gives headline numbers equal to a replay of the generated careers", async () => {
    const orgUnits = createOrgUnitsRepository(database.db);
    const root = await orgUnits.findRoot();
    if (!root) throw new Error("no root");
    const service = createWorkforceService({
      workforce: createWorkforceRepository(database.db),
      orgUnits,
      today: () => "2023-12-31",
    });
    for (const date of ["2014-01-01", "2019-07-01", "2023-12-31"]) {
      const headline = await service.getHeadline({ unitPaths: [root.path] }, { asOf: date });
      const expected = replayHeadcount(date);
      for (const group of headline.byRankGroup) {
        const { F, M, X, U } = group.share.counts;
        expect({ F, M, X, U }, `${group.code} on ${date}`).toEqual(expected.get(group.code));
      }
    }
  });

  it("refuses a second load with demo.already_loaded and changes nothing", async () => {
    const persons = await count("persons");
    const error = await createDemoService(database)
      .load(OPTIONS)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("demo.already_loaded");
    expect((error as AppError).details).toMatchObject({ persons });
    expect(await count("persons")).toBe(persons);
    expect(await createDemoService(database).isRegisterEmpty()).toBe(false);
  });
});

describe.each(testEngines())("demo service on a configured register (%s)", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("refuses a register that already has job roles, with demo.already_loaded", async () => {
    await ensureRootUnit(database.db);
    expect(await createDemoService(database).isRegisterEmpty()).toBe(true);
    await database.db
      .insertInto("job_roles")
      .values({ code: "trainer", name: "Trainer" })
      .execute();
    expect(await createDemoService(database).isRegisterEmpty()).toBe(false);
    const error = await createDemoService(database)
      .load(OPTIONS)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((error as AppError).code).toBe("demo.already_loaded");
    const groups = await database.db.selectFrom("rank_groups").select("id").execute();
    expect(groups).toEqual([]);
  });
});
