import { sql, type Kysely, type RawBuilder } from "kysely";
import { isCommunityPopulation, type IndicatorPopulation } from "../../../core/indicators/registry";
import type { ExitReason } from "../../../core/schemas/workforce-events";
import type { Sex } from "../../../core/schemas/sex";
import { countFlowsByRank, flowEdge, flowRank, type FlowKind } from "../../analytics/flow-query";
import {
  childIdOf,
  childSegment,
  countInPostByRank,
  postFilter,
  readCubeRange,
  type CubePost,
  type CubeRange,
  type RankSexCount,
  type SubtreeRoot,
} from "../../analytics/headcount-query";
import type { DB } from "../../db/schema";
import { createCommunityCounts } from "./community-counts";

export interface RankRef {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly ordinal: number;
  readonly groupCode: string;
  readonly groupName: string;
  readonly groupOrdinal: number;
  readonly isTopGroup: boolean;
}

export interface UnitRef {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly path: string;
  readonly parentId: number | null;
  readonly kind: string;
}

/** Persons (or events, stints) counted by the dimensions a breakdown may use. */
export interface DimensionRow {
  readonly rankId: number;
  /** The child of the subtree root the row belongs to (the root itself for its own posts). */
  readonly childId: number;
  readonly roleId: number | null;
  /** Age in whole years at the date, or null when the birth year is unknown. */
  readonly age: number | null;
  readonly sex: Sex;
  readonly count: number;
}

export interface LeaverDimensionRow extends DimensionRow {
  readonly reason: ExitReason;
}

export interface TargetRow {
  readonly unitId: number;
  /** Null: the target covers all ranks. */
  readonly rankGroupCode: string | null;
  readonly year: number;
  readonly shareBasisPoints: number;
}

export interface StintRow {
  readonly rankId: number;
  readonly childId: number;
  readonly sex: Sex;
  readonly enteredOn: string;
  readonly leftOn: string | null;
  readonly isPromotion: boolean;
}

type RawRow = Record<string, unknown>;

function toDimensionRow(row: RawRow, root: SubtreeRoot): DimensionRow {
  return {
    rankId: Number(row.rank_id),
    childId: childIdOf(row.child, root),
    roleId: row.role_id == null ? null : Number(row.role_id),
    age: row.age == null ? null : Number(row.age),
    sex: row.sex as Sex,
    count: Number(row.n),
  };
}

/** The filter each population adds to a spell (`s`) in a unit (`u`). */
function populationFilter(population: IndicatorPopulation, topRankIds: readonly number[]) {
  // Community populations are counted by community-counts.ts, never from the spells.
  if (isCommunityPopulation(population)) return sql``;
  switch (population) {
    case "leadership_posts":
      return postFilter("leadership");
    case "specialist_units":
      return postFilter("specialist");
    case "promotion_eligible":
      return topRankIds.length === 0 ? sql`` : sql`AND s.rank_id NOT IN (${sql.join(topRankIds)})`;
    case "in_post":
      return sql``;
  }
}

export function createIndicatorsRepository(db: Kysely<DB>) {
  const run = async (query: RawBuilder<RawRow>) => (await query.execute(db)).rows;

  return {
    ...createCommunityCounts(db),

    async listRanks(): Promise<RankRef[]> {
      const rows = await run(sql`
        SELECT r.id, r.code, r.name, r.ordinal, g.code AS group_code, g.name AS group_name,
               g.ordinal AS group_ordinal, g.is_top
          FROM ranks r JOIN rank_groups g ON g.id = r.rank_group_id
         ORDER BY g.ordinal, r.ordinal`);
      return rows.map((r) => ({
        id: Number(r.id),
        code: String(r.code),
        name: String(r.name),
        ordinal: Number(r.ordinal),
        groupCode: String(r.group_code),
        groupName: String(r.group_name),
        groupOrdinal: Number(r.group_ordinal),
        isTopGroup: r.is_top === true,
      }));
    },

    async listRoles(): Promise<{ id: number; code: string; name: string }[]> {
      const rows = await run(sql`SELECT id, code, name FROM job_roles ORDER BY code`);
      return rows.map((r) => ({ id: Number(r.id), code: String(r.code), name: String(r.name) }));
    },

    async findUnit(id: number): Promise<UnitRef | undefined> {
      const [row] = await run(
        sql`SELECT id, code, name, path, parent_id, kind FROM org_units WHERE id = ${id}`,
      );
      return row && toUnit(row);
    },

    async findUnitByPath(path: string): Promise<UnitRef | undefined> {
      const [row] = await run(
        sql`SELECT id, code, name, path, parent_id, kind FROM org_units WHERE path = ${path}`,
      );
      return row && toUnit(row);
    },

    /** The root of the org tree (the whole service). */
    async findRootUnit(): Promise<UnitRef | undefined> {
      const rows = await run(sql`
        SELECT id, code, name, path, parent_id, kind FROM org_units
         WHERE parent_id IS NULL ORDER BY id LIMIT 1`);
      return rows[0] && toUnit(rows[0]);
    },

    async listChildren(parentId: number): Promise<UnitRef[]> {
      const rows = await run(sql`
        SELECT id, code, name, path, parent_id, kind FROM org_units WHERE parent_id = ${parentId}
         ORDER BY code`);
      return rows.map(toUnit);
    },

    readCubeRange: (): Promise<CubeRange | null> => readCubeRange(db),

    /** The latest effective date of a standing career event on or before `today`. */
    async latestEventDate(today: string): Promise<string | null> {
      // Newest first down the (effective_date, event_type) index: stops at the first standing event.
      const [row] = await run(sql`
        SELECT e.effective_date::text AS latest FROM career_events e
         WHERE e.effective_date <= ${today}::date
           AND NOT EXISTS (SELECT 1 FROM career_event_retractions r WHERE r.event_id = e.id)
         ORDER BY e.effective_date DESC
         LIMIT 1`);
      return row?.latest == null ? null : (row.latest as string);
    },

    /** Representation targets of the given units (migration 0008), share in basis points. */
    async listTargets(unitIds: readonly number[]): Promise<TargetRow[]> {
      if (unitIds.length === 0) return [];
      const rows = await run(sql`
        SELECT t.org_unit_id, g.code AS rank_group, t.target_year, t.target_share_bp
          FROM representation_targets t LEFT JOIN rank_groups g ON g.id = t.rank_group_id
         WHERE t.org_unit_id IN (${sql.join(unitIds)})`);
      return rows.map((r) => ({
        unitId: Number(r.org_unit_id),
        rankGroupCode: r.rank_group == null ? null : (r.rank_group as string),
        year: Number(r.target_year),
        shareBasisPoints: Number(r.target_share_bp),
      }));
    },

    /**
     * In post (or in `post`) on each date by rank, sex and child unit, from the month-end cubes
     * (fast path).
     */
    async countInPostFast(
      root: SubtreeRoot,
      dates: readonly string[],
      range: CubeRange | null,
      isCubed: boolean,
      post?: CubePost,
    ): Promise<Map<string, DimensionRow[]>> {
      const counts = await countInPostByRank(db, root, dates, range, isCubed, post);
      return new Map([...counts].map(([at, rows]) => [at, rows.map(withoutRoleAndAge)]));
    },

    /** The events of `countFlowEvents` by rank, sex and child unit, from the flow cube (fast path). */
    async countFlowFast(
      root: SubtreeRoot,
      kind: FlowKind,
      from: string,
      to: string,
      isCubed: boolean,
    ): Promise<DimensionRow[]> {
      return (await countFlowsByRank(db, root, kind, from, to, isCubed)).map(withoutRoleAndAge);
    },

    /** Any population on `at` with every dimension, from the spells (role and age need it). */
    async countStock(
      root: SubtreeRoot,
      at: string,
      population: IndicatorPopulation,
      topRankIds: readonly number[],
    ): Promise<DimensionRow[]> {
      const rows = await run(sql`
        SELECT s.rank_id, split_part(u.path, '/', ${childSegment(root)}) AS child, s.job_role_id AS role_id,
               date_part('year', ${at}::date)::integer - p.birth_year AS age, p.sex,
               count(*)::integer AS n
          FROM career_spells s
          JOIN persons p ON p.id = s.person_id
          JOIN org_units u ON u.id = s.org_unit_id
         WHERE u.path LIKE ${root.path} || '%'
           AND s.valid_from <= ${at}::date AND (s.valid_to IS NULL OR s.valid_to > ${at}::date)
           ${populationFilter(population, topRankIds)}
         GROUP BY 1, 2, 3, 4, 5`);
      return rows.map((row) => toDimensionRow(row, root));
    },

    /**
     * Entries into the service (a spell with no spell of the person ending the day it starts),
     * promotions (a spell whose rank is senior to the one ending that day) or exits (a spell with
     * no spell following it) in [from, to), with the rank and unit of the spell entered or left.
     */
    async countFlowEvents(
      root: SubtreeRoot,
      kind: FlowKind,
      from: string,
      to: string,
    ): Promise<DimensionRow[]> {
      const rows = await run(sql`
        SELECT ${flowRank(kind)} AS rank_id,
               split_part(u.path, '/', ${childSegment(root)}) AS child, s.job_role_id AS role_id,
               date_part('year', ${kind === "separation" ? sql`s.valid_to` : sql`s.valid_from`})::integer - p.birth_year AS age,
               p.sex, count(*)::integer AS n
          FROM career_spells s
          JOIN persons p ON p.id = s.person_id
          JOIN org_units u ON u.id = s.org_unit_id
         WHERE u.path LIKE ${root.path} || '%' AND ${flowEdge(kind, from, to)}
         GROUP BY 1, 2, 3, 4, 5`);
      return rows.map((row) => toDimensionRow(row, root));
    },

    /** Exits in [from, to) with the reason of the (not retracted) exit event. */
    async countLeavers(root: SubtreeRoot, from: string, to: string): Promise<LeaverDimensionRow[]> {
      const rows = await run(sql`
        SELECT s.rank_id, split_part(u.path, '/', ${childSegment(root)}) AS child,
               s.job_role_id AS role_id,
               date_part('year', s.valid_to)::integer - p.birth_year AS age, p.sex,
               coalesce(e.reason, 'other') AS reason, count(*)::integer AS n
          FROM career_spells s
          JOIN persons p ON p.id = s.person_id
          JOIN org_units u ON u.id = s.org_unit_id
          LEFT JOIN LATERAL (
            SELECT ce.reason FROM career_events ce
             WHERE ce.person_id = s.person_id AND ce.event_type = 'exit'
               AND ce.effective_date = s.valid_to
               AND NOT EXISTS (SELECT 1 FROM career_event_retractions x WHERE x.event_id = ce.id)
             LIMIT 1) e ON true
         WHERE u.path LIKE ${root.path} || '%'
           AND s.valid_to >= ${from}::date AND s.valid_to < ${to}::date
           AND NOT EXISTS (SELECT 1 FROM career_spells n
                            WHERE n.person_id = s.person_id AND n.valid_from = s.valid_to)
         GROUP BY 1, 2, 3, 4, 5, 6`);
      return rows.map((row) => ({
        ...toDimensionRow(row, root),
        reason: String(row.reason) as ExitReason,
      }));
    },

    /**
     * Rank stints (consecutive spells of a person in one rank) that started on or before `at`, with
     * the unit where the stint started; a stint ends in promotion when the next rank is senior.
     */
    async listRankStints(
      root: SubtreeRoot,
      at: string,
      topRankIds: readonly number[],
    ): Promise<StintRow[]> {
      const rows = await run(sql`
        WITH ordered AS (
          SELECT s.person_id, s.rank_id, s.org_unit_id, s.valid_from, s.valid_to,
                 lag(s.rank_id) OVER w AS previous_rank, lag(s.valid_to) OVER w AS previous_end
            FROM career_spells s
          WINDOW w AS (PARTITION BY s.person_id ORDER BY s.valid_from)
        ),
        marked AS (
          SELECT *, sum(CASE WHEN previous_rank = rank_id AND previous_end = valid_from THEN 0 ELSE 1 END)
                      OVER (PARTITION BY person_id ORDER BY valid_from) AS stint
            FROM ordered
        ),
        stints AS (
          SELECT person_id, stint, min(rank_id) AS rank_id, min(valid_from) AS entered_on,
                 (array_agg(org_unit_id ORDER BY valid_from))[1] AS org_unit_id,
                 (array_agg(valid_to ORDER BY valid_from DESC))[1] AS left_on
            FROM marked GROUP BY person_id, stint
        )
        SELECT t.rank_id, split_part(u.path, '/', ${childSegment(root)}) AS child, p.sex,
               t.entered_on, t.left_on,
               EXISTS (SELECT 1 FROM career_spells n JOIN ranks nr ON nr.id = n.rank_id
                        JOIN ranks tr ON tr.id = t.rank_id
                        WHERE n.person_id = t.person_id AND n.valid_from = t.left_on
                          AND nr.ordinal > tr.ordinal) AS is_promotion
          FROM stints t
          JOIN persons p ON p.id = t.person_id
          JOIN org_units u ON u.id = t.org_unit_id
         WHERE u.path LIKE ${root.path} || '%' AND t.entered_on <= ${at}::date
           ${topRankIds.length === 0 ? sql`` : sql`AND t.rank_id NOT IN (${sql.join(topRankIds)})`}`);
      return rows.map((row) => ({
        rankId: Number(row.rank_id),
        childId: childIdOf(row.child, root),
        sex: row.sex as Sex,
        enteredOn: String(row.entered_on),
        leftOn: row.left_on == null ? null : (row.left_on as string),
        isPromotion: row.is_promotion === true,
      }));
    },
  };
}

function withoutRoleAndAge(row: RankSexCount): DimensionRow {
  return { ...row, roleId: null, age: null };
}

function toUnit(row: RawRow): UnitRef {
  return {
    id: Number(row.id),
    code: String(row.code),
    name: String(row.name),
    path: String(row.path),
    parentId: row.parent_id == null ? null : Number(row.parent_id),
    kind: String(row.kind),
  };
}

export type IndicatorsRepository = ReturnType<typeof createIndicatorsRepository>;
