import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../test/test-db";
import { ensureRootUnit } from "../bootstrap";
import { createDemoService } from "../features/demo/demo.service";
import { rederiveSpells } from "../register/rederive-spells";
import { countFlowsByRank, type FlowKind } from "./flow-query";
import {
  countInPostByRank,
  extendHeadcountCube,
  monthEndOnOrBefore,
  readCubeRange,
  scanInPostByRank,
  type CubePost,
  type RankSexCount,
  type SubtreeRoot,
} from "./headcount-query";

/** Sums rows by child, rank and sex, dropping zeros, in a stable order. */
function normalise(rows: readonly RankSexCount[]): string[] {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.childId}|${row.rankId}|${row.sex}`;
    totals.set(key, (totals.get(key) ?? 0) + row.count);
  }
  return [...totals]
    .filter(([, n]) => n !== 0)
    .map(([key, n]) => `${key}=${n}`)
    .sort();
}

describe("monthEndOnOrBefore", () => {
  it("keeps a month-end and steps back otherwise", () => {
    expect(monthEndOnOrBefore("2024-02-29")).toBe("2024-02-29");
    expect(monthEndOnOrBefore("2024-03-15")).toBe("2024-02-29");
    expect(monthEndOnOrBefore("2025-01-01")).toBe("2024-12-31");
    expect(monthEndOnOrBefore("2025-12-31")).toBe("2025-12-31");
  });
});

describe.each(testEngines())("headcount cube (%s)", (engine) => {
  let database: TestDatabase;
  let units: (SubtreeRoot & { isCubed: boolean })[];
  const today = new Date().toISOString().slice(0, 10);
  const dates = ["2010-06-30", "2017-03-15", "2019-12-31", "2023-07-01", "2024-11-30", today];
  /** Flow periods: whole months, partial months at either end, within one month, whole years. */
  const periods = [
    ["2015-01-01", "2016-01-01"],
    ["2018-03-15", "2019-07-20"],
    ["2021-02-28", "2023-03-01"],
    ["2022-05-03", "2022-05-27"],
    ["2023-12-31", "2024-12-31"],
    ["2005-06-01", today],
  ] as const;

  /** Every month-end of the post cube against a direct count of the spells (stations excluded). */
  async function expectEveryPostMonthEndExact(): Promise<void> {
    const { rows } = await sql<{ n: number }>`
      WITH m AS (
        SELECT month_end(x::date) AS m FROM headcount_cube_range r,
               generate_series(r.first_month_end, r.last_month_end, interval '1 month') AS x),
      closure AS (
        SELECT u.id AS unit_id, a.id AS ancestor_id
          FROM org_units u JOIN org_units a ON u.path LIKE a.path || '%' AND a.kind <> 'station'),
      posts AS (
        SELECT 'leadership' AS post, s.* FROM career_spells s WHERE s.is_leadership
        UNION ALL
        SELECT 'specialist', s.* FROM career_spells s JOIN org_units u ON u.id = s.org_unit_id
         WHERE u.specialisation IN ('anti_trafficking', 'family_gbv', 'border', 'investigation')),
      truth AS (
        SELECT s.post, c.ancestor_id AS org_unit_id, m.m, s.rank_id, p.sex, count(*)::integer AS n
          FROM m
          JOIN posts s ON s.valid_from <= m.m AND (s.valid_to IS NULL OR s.valid_to > m.m)
          JOIN persons p ON p.id = s.person_id
          JOIN closure c ON c.unit_id = s.org_unit_id
         GROUP BY 1, 2, 3, 4, 5)
      SELECT count(*)::integer AS n
        FROM truth t
        FULL JOIN (SELECT * FROM post_month_ends WHERE headcount <> 0) h
          ON h.post = t.post AND h.org_unit_id = t.org_unit_id AND h.month_end = t.m
         AND h.rank_id = t.rank_id AND h.sex = t.sex
       WHERE coalesce(t.n, 0) <> coalesce(h.headcount, 0)`.execute(database.db);
    expect(rows[0]?.n).toBe(0);
  }

  /**
   * Every month of the flow cube against the flows counted from the spells as the indicators'
   * spell path defines them (NOT EXISTS / EXISTS over the person's spells, not the cube's windows).
   */
  async function expectEveryFlowMonthExact(): Promise<void> {
    const { rows } = await sql<{ n: number; events: number }>`
      WITH closure AS (
        SELECT u.id AS unit_id, a.id AS ancestor_id
          FROM org_units u JOIN org_units a ON u.path LIKE a.path || '%' AND a.kind <> 'station'),
      events AS (
        SELECT 'hire' AS kind, s.valid_from AS d, s.rank_id, s.rank_id AS next_rank_id, s.person_id, s.org_unit_id
          FROM career_spells s
         WHERE NOT EXISTS (SELECT 1 FROM career_spells b
                            WHERE b.person_id = s.person_id AND b.valid_to = s.valid_from)
        UNION ALL
        SELECT 'separation', s.valid_to, s.rank_id, s.rank_id, s.person_id, s.org_unit_id
          FROM career_spells s
         WHERE s.valid_to IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM career_spells n
                            WHERE n.person_id = s.person_id AND n.valid_from = s.valid_to)
        UNION ALL
        SELECT 'rank_change', s.valid_from, b.rank_id, s.rank_id, s.person_id, s.org_unit_id
          FROM career_spells s JOIN career_spells b
            ON b.person_id = s.person_id AND b.valid_to = s.valid_from AND b.rank_id <> s.rank_id),
      truth AS (
        SELECT c.ancestor_id AS org_unit_id, e.kind, date_trunc('month', e.d::timestamp)::date AS month,
               e.rank_id, e.next_rank_id, p.sex, count(*)::integer AS n
          FROM events e
          JOIN persons p ON p.id = e.person_id
          JOIN closure c ON c.unit_id = e.org_unit_id
         GROUP BY 1, 2, 3, 4, 5, 6)
      SELECT count(*) FILTER (WHERE coalesce(t.n, 0) <> coalesce(f.n, 0))::integer AS n,
             coalesce(sum(t.n), 0)::integer AS events
        FROM truth t
        FULL JOIN (SELECT * FROM flow_months WHERE n <> 0) f
          ON f.org_unit_id = t.org_unit_id AND f.kind = t.kind AND f.month = t.month
         AND f.rank_id = t.rank_id AND f.next_rank_id = t.next_rank_id AND f.sex = t.sex`.execute(
      database.db,
    );
    expect(rows[0]?.events).toBeGreaterThan(0);
    expect(rows[0]?.n).toBe(0);
  }

  /** Every month-end of the cube against a direct count of the spells (stations excluded). */
  async function expectEveryMonthEndExact(): Promise<void> {
    const { rows } = await sql<{ n: number }>`
      WITH m AS (
        SELECT month_end(x::date) AS m FROM headcount_cube_range r,
               generate_series(r.first_month_end, r.last_month_end, interval '1 month') AS x),
      closure AS (
        SELECT u.id AS unit_id, a.id AS ancestor_id
          FROM org_units u JOIN org_units a ON u.path LIKE a.path || '%' AND a.kind <> 'station'),
      truth AS (
        SELECT c.ancestor_id AS org_unit_id, m.m, s.rank_id, p.sex, count(*)::integer AS n
          FROM m
          JOIN career_spells s ON s.valid_from <= m.m AND (s.valid_to IS NULL OR s.valid_to > m.m)
          JOIN persons p ON p.id = s.person_id
          JOIN closure c ON c.unit_id = s.org_unit_id
         GROUP BY 1, 2, 3, 4)
      SELECT count(*)::integer AS n
        FROM truth t
        FULL JOIN (SELECT * FROM headcount_month_ends WHERE headcount <> 0) h
          ON h.org_unit_id = t.org_unit_id AND h.month_end = t.m AND h.rank_id = t.rank_id
         AND h.sex = t.sex
       WHERE coalesce(t.n, 0) <> coalesce(h.headcount, 0)`.execute(database.db);
    expect(rows[0]?.n).toBe(0);
  }

  async function expectCubeMatchesSpells(): Promise<void> {
    await expectEveryMonthEndExact();
    await expectEveryPostMonthEndExact();
    await expectEveryFlowMonthExact();
    const range = await readCubeRange(database.db);
    expect(range).not.toBeNull();
    for (const root of units) {
      for (const post of ["leadership", "specialist"] as CubePost[]) {
        const all = await countInPostByRank(database.db, root, dates, range, root.isCubed, post);
        for (const at of dates) {
          const scan = await scanInPostByRank(database.db, root, at, post);
          expect(normalise(all.get(at) ?? []), `${post} ${root.path} at ${at}`).toEqual(
            normalise(scan),
          );
        }
      }
      for (const kind of ["hire", "promotion", "separation"] as FlowKind[]) {
        for (const [from, to] of periods) {
          const fast = await countFlowsByRank(database.db, root, kind, from, to, root.isCubed);
          const scan = await countFlowsByRank(database.db, root, kind, from, to, false);
          expect(normalise(fast), `${kind} ${root.path} ${from}–${to}`).toEqual(normalise(scan));
        }
      }
      const all = await countInPostByRank(database.db, root, dates, range, root.isCubed);
      for (const at of dates) {
        const one = await countInPostByRank(database.db, root, [at], range, root.isCubed);
        const scan = await scanInPostByRank(database.db, root, at);
        expect(normalise(all.get(at) ?? []), `${root.path} at ${at}`).toEqual(normalise(scan));
        expect(normalise(one.get(at) ?? [])).toEqual(normalise(scan));
      }
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await ensureRootUnit(database.db);
    await createDemoService(database).load({ seed: 5, scale: "small", endYear: 2025 });
    const rows = await sql<{ id: number; path: string; depth: number; stations: number }>`
      SELECT u.id, u.path, length(u.path) - length(replace(u.path, '/', '')) AS depth,
             (SELECT count(*) FROM org_units c
               WHERE (c.id = u.id OR c.parent_id = u.id) AND c.kind = 'station')::integer AS stations
        FROM org_units u ORDER BY depth, id`.execute(database.db);
    const byDepth = (d: number) => rows.rows.filter((r) => Number(r.depth) === d);
    units = [byDepth(2)[0], byDepth(3)[1], byDepth(4)[0], byDepth(5)[0]]
      .filter((u) => u !== undefined)
      .map((u) => ({ id: Number(u.id), path: u.path, isCubed: Number(u.stations) === 0 }));
  }, 120_000);
  afterAll(() => database.close());

  it("runs from 31 December eleven years back to the last complete month", async () => {
    const range = await readCubeRange(database.db);
    const lastMonthEnd = monthEndOnOrBefore(
      new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, 0))
        .toISOString()
        .slice(0, 10),
    );
    expect(range?.lastMonthEnd).toBe(lastMonthEnd);
    expect(range?.firstMonthEnd).toBe(`${Number(lastMonthEnd.slice(0, 4)) - 11}-12-31`);
  });

  it("gives the spells' numbers after the demo load, at month-ends and between them", async () => {
    await expectCubeMatchesSpells();
  });

  it("stays exact through re-derived careers, retracted events, a corrected sex and a moved unit", async () => {
    await database.bulkTransaction(async (session) => {
      const people = await session.execute(
        "SELECT DISTINCT person_id FROM career_spells ORDER BY person_id LIMIT 40",
      );
      const ids = people.map((row) => Number(row.person_id));
      // Back-date a promotion for some, retract transfers and exits of others, then re-derive everyone.
      for (const id of ids.slice(0, 10)) {
        await session.execute(
          `INSERT INTO career_events (person_id, event_type, effective_date, rank_id, org_unit_id)
           SELECT person_id, 'promotion', valid_from + 400, rank_id + 1, org_unit_id
             FROM career_spells WHERE person_id = $1 ORDER BY valid_from LIMIT 1`,
          [id],
        );
      }
      await session.execute(
        `INSERT INTO career_event_retractions (event_id, reason)
         SELECT id, 'test' FROM career_events
          WHERE person_id = ANY($1::bigint[]) AND event_type IN ('transfer', 'exit')`,
        [ids.slice(10, 20)],
      );
      await rederiveSpells(session, ids);
      await session.execute("UPDATE persons SET sex = 'U' WHERE id = ANY($1::bigint[])", [
        ids.slice(20, 30),
      ]);
      const [leaf] = await session.execute(
        "SELECT id, path FROM org_units WHERE parent_id IS NOT NULL ORDER BY length(path) DESC LIMIT 1",
      );
      const [target] = await session.execute(
        "SELECT path FROM org_units WHERE parent_id IS NOT NULL AND $1 NOT LIKE path || '%' ORDER BY length(path) LIMIT 1",
        [leaf?.path],
      );
      await session.execute("UPDATE org_units SET path = $1 || id || '/' WHERE id = $2", [
        target?.path,
        leaf?.id,
      ]);
    });
    await expectCubeMatchesSpells();
  }, 120_000);

  it("stays exact through spells written directly, a new specialisation and a new station", async () => {
    const [person] = (
      await sql<{ person_id: number }>`
        SELECT person_id FROM career_spells GROUP BY person_id HAVING count(*) >= 3
         ORDER BY person_id LIMIT 1`.execute(database.db)
    ).rows;
    const id = Number(person?.person_id);
    // One statement each, so the triggers (not the netted rewrite) keep the cubes: a career cut
    // short (the last spell closed and the ones after it deleted), a leadership post, a re-hire.
    await sql`DELETE FROM career_spells WHERE person_id = ${id}
               AND valid_from > (SELECT min(valid_from) FROM career_spells WHERE person_id = ${id})
               AND valid_from <> (SELECT max(valid_from) FROM career_spells WHERE person_id = ${id})`.execute(
      database.db,
    );
    await sql`UPDATE career_spells SET valid_to = valid_from + 200, is_leadership = true
               WHERE person_id = ${id}
                 AND valid_from = (SELECT min(valid_from) FROM career_spells WHERE person_id = ${id})`.execute(
      database.db,
    );
    await sql`INSERT INTO career_spells (person_id, valid_from, valid_to, rank_id, org_unit_id)
              SELECT person_id, valid_to + 30, valid_to + 400, rank_id + 1, org_unit_id
                FROM career_spells WHERE person_id = ${id}
               ORDER BY valid_from LIMIT 1`.execute(database.db);
    await sql`UPDATE org_units SET specialisation = 'border'
               WHERE id = (SELECT max(id) FROM org_units WHERE kind = 'district')`.execute(
      database.db,
    );
    await sql`UPDATE org_units SET kind = 'station'
               WHERE id = (SELECT max(id) FROM org_units WHERE kind = 'district')`.execute(
      database.db,
    );
    await expectCubeMatchesSpells();
  }, 120_000);

  it("adds the month-ends completed since it was built", async () => {
    const range = await readCubeRange(database.db);
    const months =
      (Number(range?.lastMonthEnd.slice(0, 4)) - Number(range?.firstMonthEnd.slice(0, 4))) * 12 +
      Number(range?.lastMonthEnd.slice(5, 7)) -
      Number(range?.firstMonthEnd.slice(5, 7));
    await sql`UPDATE headcount_cube_range SET last_month_end = month_end(first_month_end + 31)`.execute(
      database.db,
    );
    for (const table of ["headcount_month_ends", "post_month_ends"]) {
      await sql`DELETE FROM ${sql.table(table)}
        WHERE month_end > (SELECT last_month_end FROM headcount_cube_range)`.execute(database.db);
    }
    expect(await extendHeadcountCube(database.db)).toBe(months - 1);
    await expectEveryMonthEndExact();
    await expectEveryPostMonthEndExact();
  }, 120_000);

  it("is rebuilt from scratch to the same numbers", async () => {
    const cubes = [
      sql`SELECT * FROM headcount_month_ends WHERE headcount <> 0
           ORDER BY org_unit_id, month_end, rank_id, sex`,
      sql`SELECT * FROM post_month_ends WHERE headcount <> 0
           ORDER BY post, org_unit_id, month_end, rank_id, sex`,
      sql`SELECT * FROM flow_months WHERE n <> 0
           ORDER BY org_unit_id, kind, month, rank_id, next_rank_id, sex`,
    ];
    const before = await Promise.all(cubes.map((q) => q.execute(database.db)));
    expect(before.every((result) => result.rows.length > 0)).toBe(true);
    await sql`SELECT headcount_cube_rebuild()`.execute(database.db);
    const after = await Promise.all(cubes.map((q) => q.execute(database.db)));
    expect(after.map((result) => result.rows)).toEqual(before.map((result) => result.rows));
  });
});
