import { sql, type Kysely, type Transaction } from "kysely";
import type { CheckedAnswer, SurveyQuestion } from "../../../core/community/feedback-answers";
import type { IssueStatus } from "../../../core/community/issue-lifecycle";
import type { Paging } from "../../../core/community/paging";
import type { AgeGroup, FeedbackChannel } from "../../../core/community/vocabulary";
import type { FeedbackResponse } from "../../../core/schemas/feedback";
import type { Sex } from "../../../core/schemas/sex";
import { findOrgUnitPath } from "../../db/org-unit-path";
import type { DB } from "../../db/schema";
import { inScope, type Scope } from "../../http/scope";

type Db = Kysely<DB> | Transaction<DB>;

export interface Survey {
  readonly id: number;
  readonly code: string;
  readonly name: string | null;
  readonly questions: ReadonlyArray<SurveyQuestion & { text: string | null }>;
}

/** What a response is about: an issue or an outreach session, with its unit. */
export interface FeedbackTarget {
  readonly id: number;
  readonly orgUnitId: number;
  readonly unitPath: string;
}

/** An issue as a response needs it: its unit, status, and who raised it. */
export interface LockedIssue extends FeedbackTarget {
  readonly status: IssueStatus;
  readonly sex: Sex | null;
  readonly ageGroup: AgeGroup | null;
}

export interface ResponseFilters {
  readonly unitPath?: string;
  /** Submitted at or after / before these instants. */
  readonly from?: Date;
  readonly before?: Date;
  readonly issueId?: number;
  readonly outreachSessionId?: number;
}

export interface NewResponse {
  readonly surveyId: number;
  readonly issueId: number | null;
  readonly outreachSessionId: number | null;
  readonly orgUnitId: number;
  readonly channel: FeedbackChannel;
  readonly sex: Sex | null;
  readonly ageGroup: AgeGroup | null;
  readonly comment: string | null;
  readonly enteredBy: number | null;
  readonly submittedAt: Date;
  readonly answers: readonly CheckedAnswer[];
}

const unitPath = sql.ref<string>("ou.path");

function reader(db: Db) {
  const surveys = async (where: { code?: string }): Promise<Survey[]> => {
    let query = db
      .selectFrom("feedback_surveys")
      .select(["id", "code", "name"])
      .where("is_active", "=", true);
    if (where.code !== undefined) query = query.where("code", "=", where.code);
    const rows = await query.orderBy("id").execute();
    const questions =
      rows.length === 0
        ? []
        : await db
            .selectFrom("feedback_questions")
            .select(["id", "survey_id as surveyId", "code", "kind", "text"])
            .where(
              "survey_id",
              "in",
              rows.map((r) => r.id),
            )
            .orderBy("position")
            .execute();
    return rows.map((s) => ({
      ...s,
      questions: questions
        .filter((q) => q.surveyId === s.id)
        .map(({ surveyId: _surveyId, ...q }) => q),
    }));
  };

  const responses = (scope: Scope) =>
    db
      .selectFrom("feedback_responses as r")
      .innerJoin("org_units as ou", "ou.id", "r.org_unit_id")
      .innerJoin("feedback_surveys as s", "s.id", "r.survey_id")
      .leftJoin("community_issues as i", "i.id", "r.issue_id")
      .select([
        "r.id",
        "s.code as survey",
        "r.issue_id as issueId",
        "i.reference as issueReference",
        "r.outreach_session_id as outreachSessionId",
        "ou.id as unitId",
        "ou.code as unitCode",
        "ou.name as unitName",
        "r.channel",
        "r.respondent_sex as sex",
        "r.respondent_age_group as ageGroup",
        "r.comment",
        "r.submitted_at as submittedAt",
      ])
      .where(inScope(unitPath, scope));
  type Row = Awaited<ReturnType<ReturnType<typeof responses>["execute"]>>[number];

  const withAnswers = async (rows: Row[]): Promise<FeedbackResponse[]> => {
    const ids = rows.map((r) => r.id);
    const answers =
      ids.length === 0
        ? []
        : await db
            .selectFrom("feedback_answers as a")
            .innerJoin("feedback_questions as q", "q.id", "a.question_id")
            .select([
              "a.response_id as responseId",
              "q.code as question",
              "a.scale_value as value",
              "a.choice",
            ])
            .where("a.response_id", "in", ids)
            .orderBy("q.position")
            .execute();
    return rows.map((r) => ({
      id: r.id,
      survey: r.survey,
      issueId: r.issueId,
      issueReference: r.issueReference,
      outreachSessionId: r.outreachSessionId,
      unit: { id: r.unitId, code: r.unitCode, name: r.unitName },
      channel: r.channel,
      respondent: { sex: r.sex, ageGroup: r.ageGroup },
      comment: r.comment,
      submittedAt: new Date(r.submittedAt).toISOString(),
      answers: answers.filter((a) => a.responseId === r.id).map(({ responseId: _r, ...a }) => a),
    }));
  };

  return {
    /** The active survey with this code, with its questions in order. */
    async activeSurvey(code: string): Promise<Survey | undefined> {
      return (await surveys({ code }))[0];
    },

    /** The first active survey (the one the public follow-up page offers), if any. */
    async firstActiveSurvey(): Promise<Survey | undefined> {
      return (await surveys({}))[0];
    },

    async list(
      scope: Scope,
      filters: ResponseFilters,
      paging: Paging,
    ): Promise<FeedbackResponse[]> {
      let query = responses(scope);
      if (filters.unitPath !== undefined) {
        query = query.where(inScope(unitPath, { unitPaths: [filters.unitPath] }));
      }
      if (filters.from !== undefined) query = query.where("r.submitted_at", ">=", filters.from);
      if (filters.before !== undefined) query = query.where("r.submitted_at", "<", filters.before);
      if (filters.issueId !== undefined) query = query.where("r.issue_id", "=", filters.issueId);
      if (filters.outreachSessionId !== undefined) {
        query = query.where("r.outreach_session_id", "=", filters.outreachSessionId);
      }
      const rows = await query
        .orderBy("r.submitted_at", "desc")
        .orderBy("r.id", "desc")
        .limit(paging.limit)
        .offset(paging.offset)
        .execute();
      return withAnswers(rows);
    },

    async find(scope: Scope, id: number): Promise<FeedbackResponse | undefined> {
      const rows = await responses(scope).where("r.id", "=", id).execute();
      return (await withAnswers(rows))[0];
    },

    unitPath: (id: number) => findOrgUnitPath(db, id),

    /** The issue's status and whether the resident has answered through the public channel. */
    async publicState(
      issueId: number,
    ): Promise<{ status: IssueStatus; isAnswered: boolean } | undefined> {
      const row = await db
        .selectFrom("community_issues as i")
        .select([
          "i.status",
          sql<boolean>`EXISTS (SELECT 1 FROM feedback_responses r WHERE r.issue_id = i.id AND r.channel = 'public_channel')`.as(
            "isAnswered",
          ),
        ])
        .where("i.id", "=", issueId)
        .executeTakeFirst();
      return row;
    },
  };
}

function writer(trx: Transaction<DB>) {
  return {
    ...reader(trx),

    /** The issue with its unit, its row locked (answers and status changes wait for each other). */
    async lockIssue(id: number): Promise<LockedIssue | undefined> {
      return trx
        .selectFrom("community_issues as i")
        .innerJoin("org_units as ou", "ou.id", "i.org_unit_id")
        .select([
          "i.id",
          "i.org_unit_id as orgUnitId",
          "ou.path as unitPath",
          "i.status",
          "i.raised_by_sex as sex",
          "i.raised_by_age_group as ageGroup",
        ])
        .where("i.id", "=", id)
        .forUpdate("i")
        .executeTakeFirst();
    },

    async session(id: number): Promise<FeedbackTarget | undefined> {
      return trx
        .selectFrom("outreach_sessions as s")
        .innerJoin("org_units as ou", "ou.id", "s.org_unit_id")
        .select(["s.id", "s.org_unit_id as orgUnitId", "ou.path as unitPath"])
        .where("s.id", "=", id)
        .executeTakeFirst();
    },

    async insert(response: NewResponse): Promise<number> {
      const row = await trx
        .insertInto("feedback_responses")
        .values({
          survey_id: response.surveyId,
          issue_id: response.issueId,
          outreach_session_id: response.outreachSessionId,
          org_unit_id: response.orgUnitId,
          channel: response.channel,
          respondent_sex: response.sex,
          respondent_age_group: response.ageGroup,
          comment: response.comment,
          entered_by: response.enteredBy,
          submitted_at: response.submittedAt,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const id = row.id;
      await trx
        .insertInto("feedback_answers")
        .values(
          response.answers.map((a) => ({
            response_id: id,
            question_id: a.questionId,
            scale_value: a.scaleValue,
            choice: a.choice,
          })),
        )
        .execute();
      return id;
    },
  };
}

export type FeedbackWriter = ReturnType<typeof writer>;

/** SQL of feedback responses; staff reads are limited to the caller's scope by `inScope`. */
export function createFeedbackRepository(db: Kysely<DB>) {
  return {
    ...reader(db),
    /** Runs `work` in one transaction: all or nothing. */
    transaction<T>(work: (w: FeedbackWriter) => Promise<T>): Promise<T> {
      return db.transaction().execute((trx) => work(writer(trx)));
    },
  };
}

export type FeedbackRepository = ReturnType<typeof createFeedbackRepository>;
