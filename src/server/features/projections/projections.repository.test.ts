import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrgTree, seedWorkforce, type SeededTree } from "../../../../test/factories";
import { projectionCareers } from "../../../../test/fixtures/projection-register";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import { expandSpans } from "../../../core/projections/inputs";
import { createProjectionsRepository, type EstimationCounts } from "./projections.repository";

describe.each(testEngines())("projections repository (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let repo: ReturnType<typeof createProjectionsRepository>;
  let codeOf: Map<number, string>;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    await seedWorkforce(database.db, tree, projectionCareers);
    repo = createProjectionsRepository(database.db);
    codeOf = new Map((await repo.listRankGroups()).map((g) => [g.id, g.code]));
  });
  afterAll(async () => {
    await database?.close();
  });

  const pathOf = async (code: string) =>
    (
      await database.db
        .selectFrom("org_units")
        .select("path")
        .where("id", "=", tree.id(code))
        .executeTakeFirstOrThrow()
    ).path;

  /** Stayers from the spans plus the edges, summed by (year, sex, from, to), with group codes. */
  function named(counts: EstimationCounts) {
    const name = (id: number | null) => (id === null ? null : (codeOf.get(id) ?? "?"));
    const expanded = expandSpans(
      counts.spans.map((r) => ({ ...r, grade: name(r.groupId) ?? "?" })),
      2025,
    );
    const summed = (rows: Array<[unknown[], number]>) => {
      const totals = new Map<string, number>();
      for (const [key, count] of rows) {
        const k = JSON.stringify(key);
        totals.set(k, (totals.get(k) ?? 0) + count);
      }
      return [...totals].map(([k, n]) => [...(JSON.parse(k) as unknown[]), n]).sort(byJson);
    };
    return {
      flows: summed([
        ...expanded.flows.map((r): [unknown[], number] => [[r.year, r.sex, r.from, r.to], r.count]),
        ...counts.edges.map((r): [unknown[], number] => [
          [r.year, r.sex, name(r.fromGroupId), name(r.toGroupId)],
          r.count,
        ]),
      ]),
      baseline: summed(expanded.baseline.map((r) => [[r.sex, r.grade], r.count])),
    };
  }
  const byJson = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
  const sorted = (rows: unknown[][]) => [...rows].sort(byJson);

  it("counts a province's moves, exits and hires year by year (test/fixtures/projection-register.ts)", async () => {
    const counts = named(await repo.countEstimationInputs(await pathOf("P1"), 2023, 2025));
    const [C, S, T] = ["constables", "inspectorate", "senior_command"];
    expect(counts.flows).toEqual(
      sorted([
        // 2023: PR01 stays, PR02 promoted, PR05 hired, PR11 transferred in (a hire of P1),
        // PR03 and PR10 stay, PR04 promoted, PR09 stays, PR08 (X) and PR12 (U, on leave) stay.
        // PR07 joined and left within 2023: not counted.
        [2023, "F", C, C, 1],
        [2023, "F", C, S, 1],
        [2023, "F", null, C, 1],
        [2023, "F", null, S, 1],
        [2023, "M", C, C, 2],
        [2023, "M", S, T, 1],
        [2023, "M", T, T, 1],
        [2023, "X", C, C, 1],
        [2023, "U", C, C, 1],
        // 2024: PR03 left and PR10 transferred out (both exits of P1), PR09 demoted, PR06 hired.
        [2024, "F", C, C, 2],
        [2024, "F", S, S, 2],
        [2024, "M", C, null, 2],
        [2024, "M", T, T, 1],
        [2024, "M", T, S, 1],
        [2024, "M", null, S, 1],
        [2024, "X", C, C, 1],
        [2024, "U", C, C, 1],
      ]),
    );
    expect(counts.baseline).toEqual(
      sorted([
        ["F", C, 2],
        ["F", S, 2],
        ["M", S, 2],
        ["M", T, 1],
        ["X", C, 1],
        ["U", C, 1],
      ]),
    );
  });

  it("a transfer between provinces is a move for the whole service, an exit and a hire for the provinces", async () => {
    const [C, S] = ["constables", "inspectorate"];
    const p2 = named(await repo.countEstimationInputs(await pathOf("P2"), 2023, 2025));
    expect(p2.flows).toEqual(
      sorted([
        [2023, "F", S, null, 1],
        [2023, "M", C, C, 1],
        [2024, "M", C, C, 1],
        [2024, "M", null, C, 1],
      ]),
    );
    expect(p2.baseline).toEqual([["M", C, 2]]);
    // Spans are counted without pairing anyone: PR13 in 2023…2025, PR11 in 2023 only, PR10 in 2025.
    const spans = (await repo.countEstimationInputs(await pathOf("P2"), 2023, 2025)).spans;
    expect(
      spans.map((r) => [r.sex, codeOf.get(r.groupId), r.lo, r.hi, r.count]).sort(byJson),
    ).toEqual(
      sorted([
        ["F", S, 2023, 2023, 1],
        ["M", C, 2023, 2025, 1],
        ["M", C, 2025, 2025, 1],
      ]),
    );
    const hq = named(await repo.countEstimationInputs(await pathOf("HQ"), 2023, 2025));
    const of = (year: number, sex: string) => hq.flows.filter((r) => r[0] === year && r[1] === sex);
    expect(of(2023, "F")).toEqual(
      sorted([
        [2023, "F", C, C, 1],
        [2023, "F", C, S, 1],
        [2023, "F", S, S, 1],
        [2023, "F", null, C, 1],
      ]),
    );
    expect(of(2024, "M")).toEqual(
      sorted([
        [2024, "M", C, C, 2],
        [2024, "M", C, null, 1],
        [2024, "M", "senior_command", "senior_command", 1],
        [2024, "M", "senior_command", S, 1],
        [2024, "M", null, S, 1],
        [2024, "M", null, "senior_command", 1],
      ]),
    );
  });

  it("the data stamp changes when an event is recorded and when one is retracted", async () => {
    const before = await repo.readDataStamp();
    expect(await repo.readDataStamp()).toBe(before);
    const event = await database.db
      .selectFrom("career_events")
      .select(["id", "person_id"])
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto("career_event_retractions")
      .values({
        event_id: event.id,
        replacement_event_id: null,
        reason: "test",
        retracted_by: null,
      })
      .execute();
    const retracted = await repo.readDataStamp();
    expect(retracted).not.toBe(before);
    await database.db
      .insertInto("career_events")
      .values({
        person_id: event.person_id,
        event_type: "transfer",
        effective_date: "2025-02-01",
        rank_id: null,
        org_unit_id: tree.id("P2"),
        job_role_id: null,
        reason: null,
      })
      .execute();
    expect(await repo.readDataStamp()).not.toBe(retracted);
  });
});
