import { AppError } from "../errors";
import type { FeedbackChoice, FeedbackQuestionKind } from "./vocabulary";

export interface SurveyQuestion {
  readonly id: number;
  readonly code: string;
  readonly kind: FeedbackQuestionKind;
}

export interface GivenAnswer {
  readonly question: string;
  readonly value?: number | undefined;
  readonly choice?: FeedbackChoice | undefined;
}

/** One row of `feedback_answers`: a 1–5 value or a choice, never both (the CHECK says the same). */
export interface CheckedAnswer {
  readonly questionId: number;
  readonly scaleValue: number | null;
  readonly choice: FeedbackChoice | null;
}

/**
 * Why an answer is refused (`errors.feedback.answer_invalid`): no such question in the survey, the
 * question answered twice, neither or both of value and choice, a value that is not a whole number
 * from 1 to 5, a value for a yes/no question, or yes/no for a scale question (which takes a value,
 * or "don't know").
 */
export type AnswerRefusal =
  | "unknown_question"
  | "duplicate"
  | "no_answer"
  | "value_and_choice"
  | "out_of_range"
  | "value_not_allowed"
  | "choice_not_allowed";

export interface AnswerProblem {
  readonly question: string;
  readonly reason: AnswerRefusal;
}

function refusalOf(
  question: SurveyQuestion | undefined,
  answer: GivenAnswer,
  isRepeat: boolean,
): AnswerRefusal | null {
  if (!question) return "unknown_question";
  if (isRepeat) return "duplicate";
  const { value, choice } = answer;
  if (value === undefined && choice === undefined) return "no_answer";
  if (value !== undefined && choice !== undefined) return "value_and_choice";
  if (value !== undefined) {
    if (question.kind !== "scale_1_5") return "value_not_allowed";
    return Number.isInteger(value) && value >= 1 && value <= 5 ? null : "out_of_range";
  }
  return question.kind === "scale_1_5" && choice !== "dont_know" ? "choice_not_allowed" : null;
}

/**
 * Checks answers against the survey's questions, in the order given, and returns the rows to store
 * or the first problem, naming the question by the code the request used. Questions left out are
 * unanswered (a paper form may have blanks).
 */
export function checkFeedbackAnswers(
  questions: readonly SurveyQuestion[],
  answers: readonly GivenAnswer[],
): { answers: CheckedAnswer[] } | { problem: AnswerProblem } {
  const byCode = new Map(questions.map((q) => [q.code, q]));
  const seen = new Set<string>();
  const checked: CheckedAnswer[] = [];
  for (const answer of answers) {
    const question = byCode.get(answer.question);
    const reason = refusalOf(question, answer, seen.has(answer.question));
    if (reason !== null || !question) {
      return { problem: { question: answer.question, reason: reason ?? "unknown_question" } };
    }
    seen.add(answer.question);
    checked.push({
      questionId: question.id,
      scaleValue: answer.value ?? null,
      choice: answer.choice ?? null,
    });
  }
  return { answers: checked };
}

/** `checkFeedbackAnswers`, throwing `feedback.answer_invalid` with the question and the reason. */
export function requireValidAnswers(
  questions: readonly SurveyQuestion[],
  answers: readonly GivenAnswer[],
): CheckedAnswer[] {
  const result = checkFeedbackAnswers(questions, answers);
  if ("problem" in result) {
    throw new AppError("feedback.answer_invalid", { ...result.problem });
  }
  return result.answers;
}
