import { sql, type Kysely } from "kysely";
import type { Sex } from "../../../core/schemas/sex";
import type { DB } from "../../db/schema";
import { escapeLike } from "../../http/scope";

/**
 * Persons who were in rank group `groupId` in one spell of the subtree on 1 January of every year
 * from `lo` to `hi` (core/projections `SpanRow`).
 */
export interface SpanCountRow {
  readonly sex: Sex;
  readonly groupId: number;
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
}

/**
 * Persons at the end of a span on 1 January of `year` and at the start of another on 1 January of
 * `year + 1`: a move between spans (`fromGroupId` → `toGroupId`), an exit (`toGroupId` null) or a
 * hire (`fromGroupId` null).
 */
export interface EdgeCountRow {
  readonly year: number;
  readonly sex: Sex;
  readonly fromGroupId: number | null;
  readonly toGroupId: number | null;
  readonly count: number;
}

export interface EstimationCounts {
  readonly spans: readonly SpanCountRow[];
  readonly edges: readonly EdgeCountRow[];
}

export interface RankGroupRow {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly ordinal: number;
}

interface CountRow {
  kind: "span" | "edge";
  lo: number;
  hi: number;
  sex: Sex;
  from_group: number | null;
  to_group: number | null;
  count: number;
}

export function createProjectionsRepository(db: Kysely<DB>) {
  return {
    listRankGroups(): Promise<RankGroupRow[]> {
      return db
        .selectFrom("rank_groups")
        .select(["id", "code", "name", "ordinal"])
        .orderBy("ordinal")
        .execute();
    },

    /**
     * A cheap stamp of everything the counts depend on: events are only ever appended (their
     * highest id, read from the primary key), retractions counted, org-unit history appended on
     * every move, imports (which may complete a person's sex) each a batch, and ranks' groups.
     */
    async readDataStamp(): Promise<string> {
      const result = await sql<{ stamp: string }>`
        SELECT concat_ws('|',
          (SELECT max(id) FROM career_events),
          (SELECT count(*) FROM career_event_retractions),
          (SELECT max(id) FROM org_unit_versions),
          (SELECT max(id) FROM import_batches),
          (SELECT string_agg(id || ':' || rank_group_id, ',' ORDER BY id) FROM ranks)
        ) AS stamp`.execute(db);
      return result.rows[0]?.stamp ?? "";
    },

    /**
     * The estimation inputs of the subtree rooted at `unitPath` (INDICATORS.md §5.1) for the years
     * `firstYear` … `baselineYear`: a person's grade on 1 January of a year is the rank group of the
     * spell valid that day in a unit of the subtree (today's tree). Each spell covers the 1 Januaries
     * lo…hi of the window it spans; spans are counted by (lo, hi, sex, group) without pairing anyone
     * (stayers), and only the ends and starts of spans are paired person by person: an end at hi
     * with a start at hi + 1 is a move, an end alone an exit, a start alone a hire. A spell that
     * covers no 1 January (someone who joins and leaves within a year) is not counted.
     */
    async countEstimationInputs(
      unitPath: string,
      firstYear: number,
      baselineYear: number,
    ): Promise<EstimationCounts> {
      const pattern = `${escapeLike(unitPath)}%`;
      const result = await sql<CountRow>`
        WITH covering AS (
          SELECT * FROM (
            SELECT s.person_id, p.sex, r.rank_group_id AS grade,
                   greatest(extract(year FROM s.valid_from - 1)::int + 1, ${firstYear}::int) AS lo,
                   least(coalesce(extract(year FROM s.valid_to - 1)::int, ${baselineYear}::int),
                         ${baselineYear}::int) AS hi
            FROM career_spells s
            JOIN org_units ou ON ou.id = s.org_unit_id
            JOIN ranks r ON r.id = s.rank_id
            JOIN persons p ON p.id = s.person_id
            WHERE ou.path LIKE ${pattern}
              AND s.valid_from <= make_date(${baselineYear}::int, 1, 1)
              AND (s.valid_to IS NULL OR s.valid_to > make_date(${firstYear}::int, 1, 1))
          ) spans
          WHERE lo <= hi
        )
        SELECT 'span' AS kind, lo, hi, sex, grade AS from_group, grade AS to_group,
               count(*)::int AS count
        FROM covering
        GROUP BY lo, hi, sex, grade
        UNION ALL
        SELECT 'edge', COALESCE(e.hi, s.lo - 1), COALESCE(e.hi, s.lo - 1),
               COALESCE(e.sex, s.sex), e.grade, s.grade, count(*)::int
        FROM (SELECT person_id, sex, grade, hi FROM covering WHERE hi < ${baselineYear}::int) e
        FULL JOIN (SELECT person_id, sex, grade, lo FROM covering WHERE lo > ${firstYear}::int) s
          ON s.person_id = e.person_id AND s.lo = e.hi + 1
        GROUP BY 2, 3, 4, 5, 6`.execute(db);
      const spans: SpanCountRow[] = [];
      const edges: EdgeCountRow[] = [];
      for (const row of result.rows) {
        if (row.kind === "span") {
          spans.push({
            sex: row.sex,
            groupId: Number(row.from_group),
            lo: Number(row.lo),
            hi: Number(row.hi),
            count: Number(row.count),
          });
        } else {
          edges.push({
            year: Number(row.lo),
            sex: row.sex,
            fromGroupId: row.from_group,
            toGroupId: row.to_group,
            count: Number(row.count),
          });
        }
      }
      return { spans, edges };
    },
  };
}

export type ProjectionsRepository = ReturnType<typeof createProjectionsRepository>;
