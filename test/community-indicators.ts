import { sql, type Kysely } from "kysely";
import type { DB } from "../src/server/db/schema";
import type { SeededTree } from "./factories";

/**
 * The worked example of the community indicators (docs/indicators.md §7), in the seeded tree
 * (test/factories.ts), May 2024. Issues of P1 (P1-D1 unless said):
 *
 * | # | sex | source         | raised | first outcome      | status now           | closed | due   | answer    |
 * | 1 | F   | walk_in        | 05-02  | solved_on_the_spot | solved_on_the_spot   | 05-02  |       | fixed     |
 * | 2 | F   | phone          | 05-03  | referred           | resolved             | 05-13  |       | not_fixed |
 * | 3 | M   | walk_in        | 05-05  | in_follow_up       | resolved             | 05-08  |       | dont_know |
 * | 4 | M   | public_channel | 05-06  | referred           | referred             |        | 05-20 |           |
 * | 5 | —   | walk_in        | 05-07  | (pending)          | new                  |        | 07-01 |           |
 * | 6 | F   | walk_in        | 05-10  | in_follow_up       | closed_not_resolved  | 05-30  |       |           |
 * | 8 | F   | phone (P1-D2)  | 04-20  | in_follow_up       | resolved             | 05-05  |       |           |
 * Issue 7 is in P2: F, walk-in, 05-11, solved on the spot. Issues 1 and 2 asked for a woman officer;
 * one was assigned to issue 1. Referrals: issue 2 (05-04, outcome recorded), issue 4 (05-06, none).
 * Outreach: P1-D1 on 05-15 (F adult 12, M adult 8, F youth 3, U unknown 2; officers F 2, M 3),
 * P1-D2 on 05-20 (F older 5). Satisfaction in P1: women 5, 4, 2; a man 5 and a man "don't know".
 */
export async function seedCommunityExample(db: Kysely<DB>, tree: SeededTree): Promise<void> {
  const category = async (code: string) =>
    (
      await db
        .selectFrom("issue_categories")
        .select("id")
        .where("code", "=", code)
        .executeTakeFirstOrThrow()
    ).id;
  const dv = await category("domestic_violence");
  const theft = await category("theft_burglary");
  const other = await category("other");
  const issues = [
    [
      1,
      "F",
      "walk_in",
      dv,
      "P1-D1",
      "2024-05-02",
      "solved_on_the_spot",
      "solved_on_the_spot",
      "2024-05-02",
      null,
      true,
      true,
      "fixed",
    ],
    [
      2,
      "F",
      "phone",
      dv,
      "P1-D1",
      "2024-05-03",
      "referred",
      "resolved",
      "2024-05-13",
      null,
      true,
      false,
      "not_fixed",
    ],
    [
      3,
      "M",
      "walk_in",
      theft,
      "P1-D1",
      "2024-05-05",
      "in_follow_up",
      "resolved",
      "2024-05-08",
      null,
      false,
      false,
      "dont_know",
    ],
    [
      4,
      "M",
      "public_channel",
      theft,
      "P1-D1",
      "2024-05-06",
      "referred",
      "referred",
      null,
      "2024-05-20",
      false,
      false,
      null,
    ],
    [
      5,
      null,
      "walk_in",
      other,
      "P1-D1",
      "2024-05-07",
      null,
      "new",
      null,
      "2024-07-01",
      false,
      false,
      null,
    ],
    [
      6,
      "F",
      "walk_in",
      theft,
      "P1-D1",
      "2024-05-10",
      "in_follow_up",
      "closed_not_resolved",
      "2024-05-30",
      null,
      false,
      false,
      null,
    ],
    [
      7,
      "F",
      "walk_in",
      other,
      "P2",
      "2024-05-11",
      "solved_on_the_spot",
      "solved_on_the_spot",
      "2024-05-11",
      null,
      false,
      false,
      null,
    ],
    [
      8,
      "F",
      "phone",
      dv,
      "P1-D2",
      "2024-04-20",
      "in_follow_up",
      "resolved",
      "2024-05-05",
      null,
      false,
      false,
      null,
    ],
  ] as const;
  for (const [
    n,
    sex,
    source,
    categoryId,
    unit,
    raised,
    first,
    status,
    closed,
    due,
    asked,
    assigned,
    answer,
  ] of issues) {
    await sql`
      INSERT INTO community_issues (id, reference, source, category_id, description, org_unit_id,
        raised_by_sex, status, status_reason, first_outcome, first_outcome_at, closed_at, due_on,
        woman_officer_requested, woman_officer_assigned, resident_confirmation,
        resident_confirmed_at, created_at)
      VALUES (${n}, ${`ABCDEFGH2${n + 1}`}, ${source}, ${categoryId}, 'example', ${tree.id(unit)},
        ${sex}, ${status}, ${status === "closed_not_resolved" ? "no means" : null}, ${first},
        ${first === null ? null : `${raised}T10:00:00Z`}::timestamptz,
        ${closed === null ? null : `${closed}T16:00:00Z`}::timestamptz, ${due}::date, ${asked},
        ${assigned}, ${answer}, ${answer === null ? null : "2024-05-31T08:00:00Z"}::timestamptz,
        ${`${raised}T09:00:00Z`}::timestamptz)`.execute(db);
  }
  const { id: stakeholder } = await db
    .insertInto("stakeholders")
    .values({ name: "Women's affairs", type: "government_department" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await sql`
    INSERT INTO referrals (issue_id, stakeholder_id, request, sent_on, response, response_on, outcome)
    VALUES (2, ${stakeholder}, 'shelter', '2024-05-04', 'done', '2024-05-12', 'resolved'),
           (4, ${stakeholder}, 'advice', '2024-05-06', NULL, NULL, NULL)`.execute(db);
  const session = async (unit: string, day: string, officers: [number, number]) =>
    (
      await sql<{ id: string }>`
        INSERT INTO outreach_sessions (org_unit_id, held_on, place, officers_f, officers_m)
        VALUES (${tree.id(unit)}, ${day}::date, 'village', ${officers[0]}, ${officers[1]})
        RETURNING id`.execute(db)
    ).rows[0]?.id;
  const first = await session("P1-D1", "2024-05-15", [2, 3]);
  const second = await session("P1-D2", "2024-05-20", [0, 0]);
  await sql`
    INSERT INTO outreach_attendance (session_id, sex, age_group, count)
    VALUES (${first}, 'F', 'adult', 12), (${first}, 'M', 'adult', 8), (${first}, 'F', 'youth', 3),
           (${first}, 'U', 'unknown', 2), (${second}, 'F', 'older', 5)`.execute(db);
  const answers = [
    ["F", 5, null],
    ["F", 4, null],
    ["F", 2, null],
    ["M", 5, null],
    ["M", null, "dont_know"],
  ] as const;
  for (const [sex, value, choice] of answers) {
    await sql`
      WITH response AS (
        INSERT INTO feedback_responses (survey_id, issue_id, org_unit_id, channel, respondent_sex,
                                        submitted_at)
        SELECT s.id, 1, ${tree.id("P1-D1")}, 'paper', ${sex}, '2024-05-25T10:00:00Z'
          FROM feedback_surveys s WHERE s.code = 'after_service'
        RETURNING id, survey_id)
      INSERT INTO feedback_answers (response_id, question_id, scale_value, choice)
      SELECT r.id, q.id, ${value}, ${choice}
        FROM response r JOIN feedback_questions q ON q.survey_id = r.survey_id
       WHERE q.code = 'satisfaction'`.execute(db);
  }
}

/**
 * One community issue raised by a woman in every unit of a random world (test/scope-world.ts),
 * on 2024-06-01, so that the scope property test sees community indicators count real rows.
 */
export async function seedIssuePerUnit(db: Kysely<DB>, unitIds: readonly number[]): Promise<void> {
  const { id: category } = await db
    .selectFrom("issue_categories")
    .select("id")
    .where("code", "=", "other")
    .executeTakeFirstOrThrow();
  const letters = "ABCDEFGHJKMNPQRSTVWXYZ";
  for (const [i, unitId] of unitIds.entries()) {
    const reference = `SKQPE${letters[i % 22] ?? "A"}${letters[Math.floor(i / 22) % 22] ?? "A"}222`;
    await sql`
      INSERT INTO community_issues (reference, source, category_id, description, org_unit_id,
                                    raised_by_sex, created_at)
      VALUES (${reference}, 'walk_in', ${category}, 'scope', ${unitId}, 'F',
              '2024-06-01T09:00:00Z')`.execute(db);
  }
}
