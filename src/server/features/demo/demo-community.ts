import { defaultSurvey } from "../../../core/community/vocabulary";
import { generateCommunityDemo } from "../../../core/demo/community";
import type { DemoUnit } from "../../../core/demo/country";
import { withDeferredIndexesAndForeignKeys } from "../../db/bulk-load";
import type { BulkSession } from "../../db/client";
import type { ContactSealer } from "../../security/contact-sealer";
import { buildCommunityRows } from "./demo-community-rows";

export interface CommunityDemoCounts {
  readonly sessions: number;
  readonly issues: number;
  readonly referrals: number;
  readonly feedback: number;
}

/**
 * The day (number since 1970-01-01) the two years of community data end before: 1 January of
 * `endYear` when given (tests, `tandem demo --end-year`), else today, so open issues are recent.
 */
export function communityDemoEndDay(endYear: number | undefined): number {
  return endYear === undefined
    ? Math.floor(Date.now() / 86_400_000)
    : Date.UTC(endYear, 0, 1) / 86_400_000;
}

/**
 * Loads two years of community policing (core/demo/community.ts) inside the demo's transaction,
 * through COPY with explicit ids so rows can point at each other. Contact details are sealed with
 * `sealer`; without one (no key at hand) they are left out.
 */
export async function loadCommunityDemo(
  session: BulkSession,
  input: {
    readonly units: readonly DemoUnit[];
    readonly unitIds: readonly number[];
    readonly seed: number;
    /** Day number (days since 1970-01-01) the two years end before. */
    readonly endDay: number;
    readonly sealer: ContactSealer | null;
  },
): Promise<CommunityDemoCounts> {
  const demo = generateCommunityDemo(input.units, { seed: input.seed, endDay: input.endDay });
  const idsByCode = async (table: string) =>
    new Map(
      (await session.execute(`SELECT id, code FROM ${table}`)).map((r) => [
        String(r.code),
        Number(r.id),
      ]),
    );
  const topics = await idsByCode("outreach_topics");
  const categories = await idsByCode("issue_categories");
  const questions = new Map(
    (
      await session.execute(
        `SELECT q.id, q.code, s.id AS survey_id FROM feedback_questions q
           JOIN feedback_surveys s ON s.id = q.survey_id WHERE s.code = $1`,
        [defaultSurvey.code],
      )
    ).map((r) => [String(r.code), { id: Number(r.id), surveyId: Number(r.survey_id) }]),
  );
  const surveyId = [...questions.values()][0]?.surveyId ?? null;
  const firstId = async (table: string) =>
    Number(
      (await session.execute(`SELECT coalesce(max(id), 0) + 1 AS next FROM ${table}`))[0]?.next,
    );
  const base = {
    stakeholders: await firstId("stakeholders"),
    sessions: await firstId("outreach_sessions"),
    issues: await firstId("community_issues"),
    referrals: await firstId("referrals"),
    responses: await firstId("feedback_responses"),
  };
  const unitId = (index: number) => input.unitIds[index] ?? null;
  const rows = buildCommunityRows(demo, {
    ...base,
    unitId,
    topics,
    categories,
    questions,
    surveyId,
    sealer: input.sealer,
  });
  // Foreign keys are checked once, when recreated after the load (decision 0005).
  await withDeferredIndexesAndForeignKeys(
    session,
    rows.map(([table]) => table),
    async () => {
      for (const [table, columns, lines] of rows) {
        if (lines.length > 0) await session.copyCsv(table, columns, lines);
      }
    },
  );
  for (const table of [
    "stakeholders",
    "outreach_sessions",
    "community_issues",
    "referrals",
    "feedback_responses",
  ]) {
    await session.execute(
      `SELECT setval(pg_get_serial_sequence('${table}', 'id'), greatest((SELECT max(id) FROM ${table}), 1))`,
    );
  }
  return {
    sessions: demo.sessions.length,
    issues: demo.issues.length,
    referrals: demo.issues.reduce((n, i) => n + i.referrals.length, 0),
    feedback: demo.feedback.length,
  };
}
