import { sql, type Kysely, type RawBuilder } from "kysely";
import type { CommunityPopulation } from "../../../core/indicators/registry";
import type { Sex } from "../../../core/schemas/sex";
import { childIdOf, childSegment, type SubtreeRoot } from "../../analytics/headcount-query";
import type { DB } from "../../db/schema";

/**
 * One tally of a community indicator's population (docs/indicators.md §7, "How the data layer
 * counts"): the child of the subtree root it belongs to, the sex of the resident concerned (unknown
 * when not recorded), the outcome the indicator's compute function reads, and the breakdowns.
 */
export interface CommunityRow {
  readonly childId: number;
  readonly sex: Sex;
  readonly outcome: string;
  readonly category: string | null;
  readonly categoryName: string | null;
  readonly source: string | null;
  readonly ageGroup: string | null;
  /** Days from raised to resolved (`issues_resolved`, outcome `resolved`); null otherwise. */
  readonly days: number | null;
  readonly count: number;
}

/** The period of a flow [from, to), or the date of a stock (`at`, counted at the end of that day). */
export interface CommunityPeriod {
  readonly from: string;
  readonly to: string;
  readonly at: string;
}

type RawRow = Record<string, unknown>;

const FINAL_RESOLVED = sql`('resolved', 'solved_on_the_spot')`;

function toRow(row: RawRow, root: SubtreeRoot): CommunityRow {
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  return {
    childId: childIdOf(row.child, root),
    sex: (row.sex ?? "U") as Sex,
    outcome: String(row.outcome),
    category: text(row.category),
    categoryName: text(row.category_name),
    source: text(row.source),
    ageGroup: text(row.age_group),
    days: row.days == null ? null : Number(row.days),
    count: Number(row.n),
  };
}

/** Issues of the subtree with `outcome` (and `days`) as given, filtered by `where`. */
function issueTally(root: SubtreeRoot, outcome: RawBuilder<unknown>, where: RawBuilder<unknown>) {
  return sql`
    SELECT split_part(u.path, '/', ${childSegment(root)}) AS child,
           coalesce(i.raised_by_sex, 'U') AS sex, ${outcome} AS outcome,
           c.code AS category, c.name AS category_name, i.source,
           i.raised_by_age_group AS age_group, NULL::integer AS days, count(*)::integer AS n
      FROM community_issues i
      JOIN org_units u ON u.id = i.org_unit_id
      JOIN issue_categories c ON c.id = i.category_id
     WHERE u.path LIKE ${root.path} || '%' AND ${where}
     GROUP BY 1, 2, 3, 4, 5, 6, 7`;
}

function query(root: SubtreeRoot, population: CommunityPopulation, period: CommunityPeriod) {
  const raised = sql`i.created_at >= ${period.from}::date AND i.created_at < ${period.to}::date`;
  const closed = sql`i.closed_at >= ${period.from}::date AND i.closed_at < ${period.to}::date`;
  const openAt = (end: RawBuilder<unknown>) =>
    sql`i.created_at < ${end} AND (i.closed_at IS NULL OR i.closed_at >= ${end})`;
  switch (population) {
    case "issues_raised":
      return issueTally(root, sql`coalesce(i.first_outcome, 'pending')`, raised);
    case "woman_officer_requests":
      return issueTally(
        root,
        sql`CASE WHEN i.woman_officer_assigned THEN 'assigned' ELSE 'not_assigned' END`,
        sql`${raised} AND i.woman_officer_requested`,
      );
    case "issues_closed":
      return issueTally(root, sql`i.status`, closed);
    case "issues_resident_answered":
      return issueTally(
        root,
        sql`i.resident_confirmation`,
        sql`${closed} AND i.status IN ${FINAL_RESOLVED} AND i.resident_confirmed_at >= i.closed_at`,
      );
    case "issues_open": {
      const end = sql`(${period.at}::date + 1)`;
      return issueTally(
        root,
        sql`CASE WHEN i.due_on < ${period.at}::date THEN 'overdue' ELSE 'not_overdue' END`,
        openAt(end),
      );
    }
    case "issues_resolved":
      return sql`
        SELECT split_part(u.path, '/', ${childSegment(root)}) AS child,
               coalesce(i.raised_by_sex, 'U') AS sex,
               CASE WHEN ${closed} AND i.status IN ${FINAL_RESOLVED} THEN 'resolved' ELSE 'open' END AS outcome,
               c.code AS category, c.name AS category_name, i.source,
               i.raised_by_age_group AS age_group,
               CASE WHEN i.closed_at IS NOT NULL AND ${closed}
                    THEN i.closed_at::date - i.created_at::date END AS days,
               count(*)::integer AS n
          FROM community_issues i
          JOIN org_units u ON u.id = i.org_unit_id
          JOIN issue_categories c ON c.id = i.category_id
         WHERE u.path LIKE ${root.path} || '%'
           AND ((${closed} AND i.status IN ${FINAL_RESOLVED}) OR ${openAt(sql`${period.to}::date`)})
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;
    case "referrals_sent":
      return sql`
        SELECT split_part(u.path, '/', ${childSegment(root)}) AS child,
               coalesce(i.raised_by_sex, 'U') AS sex,
               CASE WHEN r.outcome IS NULL THEN 'awaiting' ELSE 'recorded' END AS outcome,
               c.code AS category, c.name AS category_name, i.source,
               i.raised_by_age_group AS age_group, NULL::integer AS days, count(*)::integer AS n
          FROM referrals r
          JOIN community_issues i ON i.id = r.issue_id
          JOIN org_units u ON u.id = i.org_unit_id
          JOIN issue_categories c ON c.id = i.category_id
         WHERE u.path LIKE ${root.path} || '%'
           AND r.sent_on >= ${period.from}::date AND r.sent_on < ${period.to}::date
         GROUP BY 1, 2, 3, 4, 5, 6, 7`;
    case "satisfaction_answers":
      return sql`
        SELECT split_part(u.path, '/', ${childSegment(root)}) AS child,
               coalesce(fr.respondent_sex, 'U') AS sex,
               coalesce(fa.scale_value::text, fa.choice) AS outcome,
               fr.respondent_age_group AS age_group, count(*)::integer AS n
          FROM feedback_responses fr
          JOIN feedback_answers fa ON fa.response_id = fr.id
          JOIN feedback_questions q ON q.id = fa.question_id
          JOIN org_units u ON u.id = fr.org_unit_id
         WHERE u.path LIKE ${root.path} || '%'
           AND q.code = 'satisfaction' AND q.kind = 'scale_1_5'
           AND fr.submitted_at >= ${period.from}::date AND fr.submitted_at < ${period.to}::date
         GROUP BY 1, 2, 3, 4`;
    case "outreach_attendances":
      return sql`
        SELECT split_part(u.path, '/', ${childSegment(root)}) AS child, a.sex,
               'attended' AS outcome, a.age_group, sum(a.count)::integer AS n
          FROM outreach_sessions s
          JOIN outreach_attendance a ON a.session_id = s.id
          JOIN org_units u ON u.id = s.org_unit_id
         WHERE u.path LIKE ${root.path} || '%'
           AND s.held_on >= ${period.from}::date AND s.held_on < ${period.to}::date
         GROUP BY 1, 2, 3, 4`;
    case "outreach_sessions":
      return sql`
        SELECT split_part(u.path, '/', ${childSegment(root)}) AS child, o.sex, o.outcome,
               sum(o.n)::integer AS n
          FROM outreach_sessions s
          JOIN org_units u ON u.id = s.org_unit_id
          CROSS JOIN LATERAL (VALUES ('session', 'U', 1), ('officer', 'F', s.officers_f),
                                     ('officer', 'M', s.officers_m), ('officer', 'X', s.officers_x),
                                     ('officer', 'U', s.officers_u)) AS o (outcome, sex, n)
         WHERE u.path LIKE ${root.path} || '%'
           AND s.held_on >= ${period.from}::date AND s.held_on < ${period.to}::date
         GROUP BY 1, 2, 3`;
  }
}

/** Reads the tallies of a community indicator's population in a subtree. */
export function createCommunityCounts(db: Kysely<DB>) {
  return {
    async countCommunity(
      root: SubtreeRoot,
      population: CommunityPopulation,
      period: CommunityPeriod,
    ): Promise<CommunityRow[]> {
      const { rows } = await (query(root, population, period) as RawBuilder<RawRow>).execute(db);
      return rows.map((row) => toRow(row, root)).filter((row) => row.count > 0);
    },
  };
}
