import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../db/schema";
import {
  childSegment,
  toCounts,
  withOwnPosts,
  type CountRow,
  type RankSexCount,
  type SubtreeRoot,
} from "./headcount-query";

/** Hires, promotions and separations: the flows of docs/indicators.md, read from the spells. */
export type FlowKind = "hire" | "promotion" | "separation";

/**
 * The condition under which spell `s` is a `kind` event in [from, to): a hire has no spell of the
 * person ending the day it starts, a separation no spell starting the day it ends, a promotion
 * follows a spell of a lower rank ordinal ending the day it starts. (The spell promoted from is
 * below the top of the scheme by construction: ordinals are unique.)
 */
export function flowEdge(kind: FlowKind, from: string, to: string): RawBuilder<unknown> {
  switch (kind) {
    case "separation":
      return sql`s.valid_to >= ${from}::date AND s.valid_to < ${to}::date
        AND NOT EXISTS (SELECT 1 FROM career_spells n
                         WHERE n.person_id = s.person_id AND n.valid_from = s.valid_to)`;
    case "hire":
      return sql`s.valid_from >= ${from}::date AND s.valid_from < ${to}::date
        AND NOT EXISTS (SELECT 1 FROM career_spells b
                         WHERE b.person_id = s.person_id AND b.valid_to = s.valid_from)`;
    case "promotion":
      return sql`s.valid_from >= ${from}::date AND s.valid_from < ${to}::date
        AND EXISTS (SELECT 1 FROM career_spells b
                      JOIN ranks br ON br.id = b.rank_id
                      JOIN ranks sr ON sr.id = s.rank_id
                     WHERE b.person_id = s.person_id AND b.valid_to = s.valid_from
                       AND br.ordinal < sr.ordinal)`;
  }
}

/** The rank an event counts under: the rank promoted from, else that of the spell itself. */
export function flowRank(kind: FlowKind): RawBuilder<unknown> {
  return kind === "promotion"
    ? sql`(SELECT b.rank_id FROM career_spells b
            WHERE b.person_id = s.person_id AND b.valid_to = s.valid_from LIMIT 1)`
    : sql`s.rank_id`;
}

/** First day of the month after `date`'s, or `date` itself when it is a first. */
function firstWholeMonth(date: string): string {
  if (date.endsWith("-01")) return date;
  const day = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  day.setUTCMonth(day.getUTCMonth() + 1);
  return day.toISOString().slice(0, 10);
}

/** The events of [from, to) from the spells, by rank, sex and child, tagged `part`. */
function fromSpells(root: SubtreeRoot, kind: FlowKind, from: string, to: string, part: string) {
  return sql`
    SELECT ${flowRank(kind)} AS rank_id, p.sex, split_part(u.path, '/', ${childSegment(root)}) AS child,
           ${part} AS part, count(*)::integer AS n
      FROM career_spells s
      JOIN persons p ON p.id = s.person_id
      JOIN org_units u ON u.id = s.org_unit_id
     WHERE u.path LIKE ${root.path} || '%' AND ${flowEdge(kind, from, to)}
     GROUP BY 1, 2, 3`;
}

/** The events of the whole months [from, to) from the flow cube, for the root and its children. */
function fromCube(root: SubtreeRoot, kind: FlowKind, from: string, to: string) {
  const promoted =
    kind === "promotion"
      ? sql`JOIN ranks a ON a.id = f.rank_id JOIN ranks b ON b.id = f.next_rank_id
             AND a.ordinal < b.ordinal`
      : sql``;
  return sql`
    SELECT f.rank_id, f.sex, f.org_unit_id::text AS child,
           CASE WHEN f.org_unit_id = ${root.id} THEN 'total' ELSE 'child' END AS part,
           sum(f.n)::integer AS n
      FROM flow_months f ${promoted}
     WHERE f.kind = ${kind === "promotion" ? "rank_change" : kind}
       AND f.month >= ${from}::date AND f.month < ${to}::date
       AND f.org_unit_id IN (SELECT id FROM org_units WHERE id = ${root.id} OR parent_id = ${root.id})
     GROUP BY 1, 2, 3, 4`;
}

/**
 * Hires, promotions or separations in [from, to) in the subtree of `root`, by rank, sex and child
 * unit: the whole months from the flow cube (migration 0013) and the days before the first and
 * after the last whole month from the spells, in one round trip; the same numbers as the spells
 * alone. `isCubed` false (a station or a parent of stations, left out of the cube): the spells.
 */
export async function countFlowsByRank(
  db: Kysely<DB>,
  root: SubtreeRoot,
  kind: FlowKind,
  from: string,
  to: string,
  isCubed: boolean,
): Promise<RankSexCount[]> {
  const first = firstWholeMonth(from);
  const last = `${to.slice(0, 7)}-01`;
  if (!isCubed || first >= last) {
    const { rows } = await fromSpells(root, kind, from, to, "change").execute(db);
    return toCounts(rows as CountRow[], root);
  }
  const parts = [fromCube(root, kind, first, last)];
  if (from < first) parts.push(fromSpells(root, kind, from, first, "change"));
  if (last < to) parts.push(fromSpells(root, kind, last, to, "change"));
  const { rows } = await sql<CountRow & { part: string }>`${sql.join(
    parts,
    sql` UNION ALL `,
  )}`.execute(db);
  const part = (name: string) =>
    toCounts(
      rows.filter((r) => r.part === name),
      root,
    );
  return withOwnPosts(root, part("total"), part("child"), part("change"));
}
