import { sql, type Kysely } from "kysely";
import type { Sex } from "../../core/schemas/sex";
import type { DB } from "../db/schema";

/** The root of the subtree counted, with its materialised path ('/1/4/'). */
export interface SubtreeRoot {
  readonly id: number;
  readonly path: string;
}

/** In post on a date, by rank and sex; `childId` = the root's child the person serves under. */
export interface RankSexCount {
  readonly rankId: number;
  readonly sex: Sex;
  /** The child unit of the root whose subtree holds the post; the root itself when posted there. */
  readonly childId: number;
  readonly count: number;
}

/**
 * The populations of the post cube (migration 0013): leadership posts, and posts in a specialised
 * unit (SPECIALIST_UNIT_TYPES); absent = everyone in post (the headcount cube).
 */
export type CubePost = "leadership" | "specialist";

/** Unit specialisations counted as specialised units (INDICATORS.md §1.7; the list in 0013's SQL). */
export const SPECIALIST_UNIT_TYPES = ["anti_trafficking", "family_gbv", "border", "investigation"];

/** The condition a spell `s` in unit `u` meets to be in `post`. */
export function postFilter(post: CubePost | undefined) {
  if (post === undefined) return sql``;
  return post === "leadership"
    ? sql`AND s.is_leadership`
    : sql`AND u.specialisation IN (${sql.join(SPECIALIST_UNIT_TYPES)})`;
}

export interface CubeRange {
  readonly firstMonthEnd: string;
  readonly lastMonthEnd: string;
}

/** The last day of the month before `date`'s month, as YYYY-MM-DD. */
function previousMonthEnd(date: string): string {
  const day = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  day.setUTCDate(0);
  return day.toISOString().slice(0, 10);
}

/** The month-end on or before `date`. */
export function monthEndOnOrBefore(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.getUTCDate() === 1 ? date : previousMonthEnd(date);
}

/**
 * Adds the month-ends completed since the cube was built (a server runs across month boundaries;
 * until then the last month-end plus the changes since it answers, only more slowly).
 */
export async function extendHeadcountCube(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ added: number }>`SELECT headcount_cube_extend() AS added`.execute(
    db,
  );
  return Number(rows[0]?.added ?? 0);
}

export async function readCubeRange(db: Kysely<DB>): Promise<CubeRange | null> {
  const { rows } = await sql<{ first: string; last: string }>`
    SELECT first_month_end AS first, last_month_end AS last FROM headcount_cube_range`.execute(db);
  const row = rows[0];
  return row ? { firstMonthEnd: row.first, lastMonthEnd: row.last } : null;
}

/** Which segment of a path below `root` names the root's child: '/1/4/17/…' under '/1/4/' → 17. */
export function childSegment(root: SubtreeRoot): number {
  return root.path.split("/").filter(Boolean).length + 2;
}

/** The child id read by `split_part(path, '/', childSegment(root))`; '' (posted to the root) → the root. */
export function childIdOf(child: unknown, root: SubtreeRoot): number {
  return child === "" || child == null ? root.id : Number(child);
}

export interface CountRow {
  readonly rank_id: number;
  readonly sex: string;
  readonly child: string;
  readonly n: number;
}

export function toCounts(rows: readonly CountRow[], root: SubtreeRoot): RankSexCount[] {
  return rows.map((row) => ({
    rankId: Number(row.rank_id),
    sex: row.sex as Sex,
    childId: childIdOf(row.child, root),
    count: Number(row.n),
  }));
}

/**
 * In post on each of `dates` in the subtree of `root`, by rank, sex and child unit: the month-end
 * cube at the last month-end on or before the date (migration 0007) plus the spells that started
 * or ended since, so the cost does not grow with the length of history; all dates in one round
 * trip. `isCubed` is false for a station or a parent of stations (the cube leaves stations out):
 * those small subtrees, and dates before the cube, are counted from the spells. With `post`, only
 * that population, from the post cube (migration 0013).
 */
export async function countInPostByRank(
  db: Kysely<DB>,
  root: SubtreeRoot,
  dates: readonly string[],
  range: CubeRange | null,
  isCubed: boolean,
  post?: CubePost,
): Promise<Map<string, RankSexCount[]>> {
  const counts = new Map<string, RankSexCount[]>(dates.map((d) => [d, []]));
  const cubed = range === null || !isCubed ? [] : dates.filter((d) => d >= range.firstMonthEnd);
  for (const at of dates.filter((d) => !cubed.includes(d))) {
    counts.set(at, await scanInPostByRank(db, root, at, post));
  }
  if (range === null || cubed.length === 0) return counts;
  const cubeDateOf = (at: string) =>
    [monthEndOnOrBefore(at), range.lastMonthEnd].sort()[0] ?? range.lastMonthEnd;
  const segment = childSegment(root);
  const monthEnds = [...new Set(cubed.map(cubeDateOf))];
  // All the month-ends in one index scan per unit; the changes since each month-end per date.
  const cube = sql`
    SELECT h.month_end::text AS at, h.rank_id, h.sex, h.org_unit_id::text AS child,
           CASE WHEN h.org_unit_id = ${root.id} THEN 'total' ELSE 'child' END AS part,
           h.headcount AS n
      FROM ${post === undefined ? sql`headcount_month_ends` : sql`post_month_ends`} h
     WHERE h.month_end IN (${sql.join(monthEnds.map((m) => sql`${m}::date`))})
       ${post === undefined ? sql`` : sql`AND h.post = ${post}`}
       AND h.org_unit_id IN (SELECT id FROM org_units WHERE id = ${root.id} OR parent_id = ${root.id})`;
  const changes = cubed
    .filter((at) => cubeDateOf(at) !== at)
    .map((at) => {
      const m = cubeDateOf(at);
      return sql`
      SELECT ${at}::text, s.rank_id, p.sex, split_part(u.path, '/', ${segment}), 'change',
             sum(CASE WHEN s.valid_from > ${m}::date THEN 1 ELSE -1 END)::integer
        FROM career_spells s
        JOIN persons p ON p.id = s.person_id
        JOIN org_units u ON u.id = s.org_unit_id
       WHERE u.path LIKE ${root.path} || '%'
         AND ((s.valid_from > ${m}::date AND s.valid_from <= ${at}::date
               AND (s.valid_to IS NULL OR s.valid_to > ${at}::date))
           OR (s.valid_from <= ${m}::date AND s.valid_to > ${m}::date
               AND s.valid_to <= ${at}::date))
         ${postFilter(post)}
       GROUP BY 2, 3, 4`;
    });
  const { rows } = await sql<CountRow & { at: string; part: string }>`${sql.join(
    [cube, ...changes],
    sql` UNION ALL `,
  )}`.execute(db);
  const byDateAndPart = new Map<string, CountRow[]>();
  for (const row of rows) {
    const key = `${row.at}|${row.part}`;
    const group = byDateAndPart.get(key);
    if (group) group.push(row);
    else byDateAndPart.set(key, [row]);
  }
  for (const at of cubed) {
    const monthEnd = cubeDateOf(at);
    const part = (date: string, name: string) =>
      toCounts(byDateAndPart.get(`${date}|${name}`) ?? [], root);
    counts.set(
      at,
      withOwnPosts(root, part(monthEnd, "total"), part(monthEnd, "child"), part(at, "change")),
    );
  }
  return counts;
}

/**
 * The cube stores subtree totals: what is posted to the root itself at the month-end is the root's
 * total minus its children's totals. Returns the children's rows, that remainder, and the changes
 * since the month-end (each already placed under a child or the root).
 */
export function withOwnPosts(
  root: SubtreeRoot,
  totals: readonly RankSexCount[],
  children: readonly RankSexCount[],
  changes: readonly RankSexCount[],
): RankSexCount[] {
  const own = new Map<string, RankSexCount>();
  const add = (row: RankSexCount, sign: number) => {
    const key = `${row.rankId}|${row.sex}`;
    const count = (own.get(key)?.count ?? 0) + sign * row.count;
    own.set(key, { ...row, childId: root.id, count });
  };
  for (const row of totals) add(row, 1);
  for (const row of children) add(row, -1);
  return [...children, ...[...own.values()].filter((row) => row.count !== 0), ...changes];
}

/** The same numbers from the spells alone: the reference the cube is tested against. */
export async function scanInPostByRank(
  db: Kysely<DB>,
  root: SubtreeRoot,
  at: string,
  post?: CubePost,
): Promise<RankSexCount[]> {
  const { rows } = await sql<{ rank_id: number; sex: string; child: string; n: number }>`
    SELECT s.rank_id, p.sex, split_part(u.path, '/', ${childSegment(root)}) AS child,
           count(*)::integer AS n
      FROM career_spells s
      JOIN persons p ON p.id = s.person_id
      JOIN org_units u ON u.id = s.org_unit_id
     WHERE u.path LIKE ${root.path} || '%'
       AND s.valid_from <= ${at}::date AND (s.valid_to IS NULL OR s.valid_to > ${at}::date)
       ${postFilter(post)}
     GROUP BY 1, 2, 3`.execute(db);
  return toCounts(rows, root);
}
