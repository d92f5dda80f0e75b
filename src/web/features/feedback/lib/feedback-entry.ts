import type { AgeGroup, FeedbackChoice } from "../../../../core/community/vocabulary";
import type { FeedbackSurvey } from "../../../../core/schemas/community-config";
import type { CreateFeedbackInput } from "../../../../core/schemas/feedback";
import type { Sex } from "../../../../core/schemas/sex";

/** An answer as ticked on the form: a 1–5 value, a choice, or left blank (null). */
export type AnswerDraft = { readonly value: number } | { readonly choice: FeedbackChoice } | null;

/** One respondent's sheet. */
export interface FeedbackEntry {
  readonly sex: Sex | null;
  readonly ageGroup: AgeGroup | null;
  /** By question code. */
  readonly answers: Readonly<Record<string, AnswerDraft>>;
  readonly comment: string;
}

/** What the responses are about: a paper survey after a session, or a phone survey after an issue. */
export type FeedbackTarget =
  | { readonly kind: "session"; readonly id: number }
  | { readonly kind: "issue"; readonly id: number };

export const emptyFeedbackEntry: FeedbackEntry = {
  sex: null,
  ageGroup: null,
  answers: {},
  comment: "",
};

/** The number of questions of `survey` answered on the sheet. */
export function answeredCount(survey: FeedbackSurvey, entry: FeedbackEntry): number {
  return survey.questions.filter((question) => (entry.answers[question.code] ?? null) !== null)
    .length;
}

export type FeedbackBodyResult =
  | { readonly ok: true; readonly body: CreateFeedbackInput }
  | { readonly ok: false; readonly reason: "no_target" | "no_answers" };

/**
 * The body of `POST /api/community/feedback` for one respondent's sheet: paper after outreach,
 * phone after an issue. Blank questions are left out (a paper form may have blanks), but a sheet
 * with no answer at all is refused before sending; a blank comment is not sent.
 */
export function toFeedbackBody(
  survey: FeedbackSurvey,
  target: FeedbackTarget | null,
  entry: FeedbackEntry,
): FeedbackBodyResult {
  if (target === null) return { ok: false, reason: "no_target" };
  const answers = survey.questions.flatMap((question) => {
    const answer = entry.answers[question.code] ?? null;
    return answer === null ? [] : [{ question: question.code, ...answer }];
  });
  if (answers.length === 0) return { ok: false, reason: "no_answers" };
  return {
    ok: true,
    body: {
      survey: survey.code,
      ...(target.kind === "session" ? { outreachSessionId: target.id } : { issueId: target.id }),
      channel: target.kind === "session" ? "paper" : "phone",
      respondent: {
        ...(entry.sex === null ? {} : { sex: entry.sex }),
        ...(entry.ageGroup === null ? {} : { ageGroup: entry.ageGroup }),
      },
      answers,
      ...(entry.comment.trim() === "" ? {} : { comment: entry.comment }),
    },
  };
}
