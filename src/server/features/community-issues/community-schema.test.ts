import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taxonomyIdOf } from "../../../../test/community";
import { seedOrgTree, type SeededTree } from "../../../../test/factories";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import {
  allowedTransitions,
  issueStatuses,
  nextStatuses,
} from "../../../core/community/issue-lifecycle";
import {
  ageGroups,
  attendanceAgeGroups,
  defaultIssueCategories,
  defaultOutreachTopics,
  defaultSurvey,
  feedbackChannels,
  feedbackChoices,
  feedbackQuestionKinds,
  issueActorKinds,
  issueEventKinds,
  issueSources,
  referralOutcomes,
  residentConfirmations,
  stakeholderTypes,
} from "../../../core/community/vocabulary";
import { createSecretBox } from "../../security/secret-box";
import { createFollowUpSecret, isFollowUpSecretValid } from "./follow-up-secret";
import { createContactSealer } from "../../security/contact-sealer";

describe.each(testEngines())("community policing schema (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let categoryId: number;
  let next = 0;

  /** Inserts an issue straight into the table (as the demo loader does) and returns its id. */
  const insertIssue = async (values: Record<string, unknown> = {}) => {
    next++;
    const row = await sql<{ id: number }>`INSERT INTO community_issues
        (reference, source, category_id, description, org_unit_id, status, status_reason, first_outcome,
         first_outcome_at, closed_at)
      VALUES (${`ABCDEFGH${"23456789"[Math.floor(next / 8)]}${"23456789"[next % 8]}`}, 'walk_in', ${categoryId},
        'Text', ${tree.id("P1")}, ${values.status ?? "new"}, ${values.reason ?? null},
        ${values.firstOutcome ?? null}, ${values.firstOutcome ? new Date() : null},
        ${values.closed ? new Date() : null})
      RETURNING id`.execute(database.db);
    return Number(row.rows[0]?.id);
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    categoryId = await taxonomyIdOf(database.db, "issue_categories", "other");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("stores exactly the lifecycle's transitions, and seeds the default taxonomies and survey", async () => {
    const stored = await database.db
      .selectFrom("community_issue_transitions")
      .select(["from_status", "to_status"])
      .execute();
    expect(stored.map((r) => `${r.from_status}>${r.to_status}`).sort()).toEqual(
      allowedTransitions()
        .map(([from, to]) => `${from}>${to}`)
        .sort(),
    );
    const codes = async (table: "outreach_topics" | "issue_categories") =>
      (await database.db.selectFrom(table).select("code").orderBy("sort_order").execute()).map(
        (r) => r.code,
      );
    expect(await codes("outreach_topics")).toEqual([...defaultOutreachTopics]);
    expect(await codes("issue_categories")).toEqual([...defaultIssueCategories]);
    const questions = await database.db
      .selectFrom("feedback_questions as q")
      .innerJoin("feedback_surveys as s", "s.id", "q.survey_id")
      .select(["s.code as survey", "q.code", "q.kind"])
      .orderBy("q.position")
      .execute();
    expect(questions).toEqual(
      defaultSurvey.questions.map((q) => ({ survey: defaultSurvey.code, ...q })),
    );
  });

  it("checks in the database the same vocabularies as core/community", async () => {
    const checked = async (table: string, column: string) => {
      const rows = await sql<{
        def: string;
      }>`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE contype = 'c' AND conrelid = ${table}::regclass`.execute(database.db);
      const pattern = new RegExp(
        `^CHECK \\(\\(\\(?${column}\\)?(?:::text)? = ANY \\(ARRAY\\[(.*)\\]\\)\\)\\)$`,
      );
      const match = rows.rows.map((r) => pattern.exec(r.def)).find((m) => m !== null);
      return [...(match?.[1] ?? "").matchAll(/'([^']*)'/g)].map((m) => m[1]);
    };
    const expected: Array<[string, string, readonly string[]]> = [
      ["stakeholders", "type", stakeholderTypes],
      ["community_issues", "source", issueSources],
      ["community_issues", "status", issueStatuses],
      ["community_issues", "raised_by_age_group", ageGroups],
      ["community_issues", "resident_confirmation", residentConfirmations],
      ["community_issue_events", "kind", issueEventKinds],
      ["community_issue_events", "actor_kind", issueActorKinds],
      ["referrals", "outcome", referralOutcomes],
      ["outreach_attendance", "age_group", attendanceAgeGroups],
      ["feedback_questions", "kind", feedbackQuestionKinds],
      ["feedback_answers", "choice", feedbackChoices],
      ["feedback_responses", "channel", feedbackChannels],
    ];
    for (const [table, column, values] of expected) {
      expect(await checked(table, column), `${table}.${column}`).toEqual([...values]);
    }
    const firstOutcomes = await checked("community_issues", "first_outcome");
    expect(firstOutcomes.sort()).toEqual(nextStatuses("new", "staff").sort());
  });

  it("refuses a status change the lifecycle does not allow, and a closed status without a reason", async () => {
    const id = await insertIssue();
    const setStatus = (status: string, reason: string | null, extra = sql``) =>
      sql`UPDATE community_issues SET status = ${status}, status_reason = ${reason},
            first_outcome = coalesce(first_outcome, ${status}), first_outcome_at = coalesce(first_outcome_at, now())
            ${extra} WHERE id = ${id}`.execute(database.db);
    await expect(setStatus("resolved", null, sql`, closed_at = now()`)).rejects.toThrow(
      /cannot go from new to resolved/,
    );
    await expect(
      setStatus("closed_without_action", null, sql`, closed_at = now()`),
    ).rejects.toThrow(/check/i);
    await expect(setStatus("closed_without_action", " ", sql`, closed_at = now()`)).rejects.toThrow(
      /check/i,
    );
    await setStatus("closed_without_action", "Duplicate", sql`, closed_at = now()`);
    await expect(setStatus("referred", null, sql`, closed_at = NULL`)).rejects.toThrow(
      /cannot go from closed_without_action to referred/,
    );
    await setStatus("in_follow_up", null, sql`, closed_at = NULL`);
    await expect(
      insertIssue({ status: "unheard_of", firstOutcome: "in_follow_up" }),
    ).rejects.toThrow(/check/i);
  });

  it("checks counts, coordinates, references and the links of a feedback response", async () => {
    const session = await sql<{
      id: number;
    }>`INSERT INTO outreach_sessions (org_unit_id, held_on, place)
      VALUES (${tree.id("P1")}, '2024-01-01', 'Hall') RETURNING id`.execute(database.db);
    const sessionId = Number(session.rows[0]?.id);
    await expect(
      sql`INSERT INTO outreach_attendance VALUES (${sessionId}, 'F', 'adult', -1)`.execute(
        database.db,
      ),
    ).rejects.toThrow(/check/i);
    await expect(
      sql`INSERT INTO outreach_sessions (org_unit_id, held_on, place, officers_m) VALUES (${tree.id("P1")}, '2024-01-01', 'x', -2)`.execute(
        database.db,
      ),
    ).rejects.toThrow(/check/i);
    await expect(
      sql`INSERT INTO outreach_sessions (org_unit_id, held_on, place, latitude) VALUES (${tree.id("P1")}, '2024-01-01', 'x', 10)`.execute(
        database.db,
      ),
    ).rejects.toThrow(/check/i);
    await expect(
      sql`INSERT INTO outreach_sessions (org_unit_id, held_on, place, latitude, longitude) VALUES (${tree.id("P1")}, '2024-01-01', 'x', 91, 10)`.execute(
        database.db,
      ),
    ).rejects.toThrow(/check/i);
    await expect(
      sql`INSERT INTO community_issues (reference, source, category_id, description, org_unit_id)
          VALUES ('ABCDEFGHI1', 'walk_in', ${categoryId}, 'x', ${tree.id("P1")})`.execute(
        database.db,
      ),
    ).rejects.toThrow(/check/i);
    const surveyId = (
      await database.db.selectFrom("feedback_surveys").select("id").executeTakeFirstOrThrow()
    ).id;
    await expect(
      sql`INSERT INTO feedback_responses (survey_id, org_unit_id, channel) VALUES (${surveyId}, ${tree.id("P1")}, 'paper')`.execute(
        database.db,
      ),
    ).rejects.toThrow(/check/i);
  });

  it("binds sealed contacts to their issue, and checks follow-up secrets by hash", () => {
    const sealer = createContactSealer(createSecretBox(Buffer.alloc(32, 1)));
    const sealed = sealer.seal("ABCDEFGH23", "+855 12 000 111");
    expect(sealed).not.toContain("855");
    expect(sealer.seal("ABCDEFGH23", "+855 12 000 111")).not.toBe(sealed);
    expect(sealer.open("ABCDEFGH23", sealed)).toBe("+855 12 000 111");
    expect(() => sealer.open("ABCDEFGH24", sealed)).toThrow();

    const { secret, hash } = createFollowUpSecret();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(secret);
    expect(isFollowUpSecretValid(secret, hash)).toBe(true);
    expect(isFollowUpSecretValid(`${secret}x`, hash)).toBe(false);
    expect(isFollowUpSecretValid("", hash)).toBe(false);
    expect(isFollowUpSecretValid(secret, null)).toBe(false);
    expect(isFollowUpSecretValid(secret, createFollowUpSecret().hash)).toBe(false);
  });
});
