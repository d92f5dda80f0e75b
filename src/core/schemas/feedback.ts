/**
 * Feedback surveys of community policing (issue 7): a response entered by an officer (from paper
 * after an outreach session, by phone after an issue) or given by the resident through the
 * follow-up link. Answers name questions by code; each is checked against its question by
 * `core/community/feedback-answers.ts`, so that an error names the question (`feedback.answer_invalid`)
 * rather than a position in the request. The comment is taken verbatim, markup included.
 */
import { z } from "zod";
import { issueStatuses } from "../community/issue-lifecycle";
import { feedbackChannels, feedbackChoices, feedbackQuestionKinds } from "../community/vocabulary";
import { isoDate } from "./common";
import { ageGroup, entityId, nonBlankText, pageQuery, unitRef } from "./community-common";
import { sex } from "./sex";

const code = z.string().min(1).max(40);

/** One answer: a 1–5 `value` (scale questions) or a `choice` (yes / no / don't know), not both. */
export const feedbackAnswerInput = z.object({
  question: code,
  /** Checked by the service (an integer 1–5), so that the error names the question. */
  value: z.number().optional(),
  choice: z.enum(feedbackChoices).optional(),
});
export type FeedbackAnswerInput = z.infer<typeof feedbackAnswerInput>;

export const feedbackRespondent = z.object({
  sex: sex.optional(),
  ageGroup: ageGroup.optional(),
});
export type FeedbackRespondent = z.infer<typeof feedbackRespondent>;

const answers = z.array(feedbackAnswerInput).min(1).max(50);

/** The channels an officer enters responses from; `public_channel` is the resident's own. */
export const staffFeedbackChannels = ["paper", "phone"] as const;

/** An officer's entry: about exactly one of an issue or an outreach session. */
export const createFeedbackBody = z
  .object({
    survey: code,
    issueId: entityId.optional(),
    outreachSessionId: entityId.optional(),
    channel: z.enum(staffFeedbackChannels),
    respondent: feedbackRespondent.default({}),
    answers,
    comment: nonBlankText.optional(),
  })
  .refine((body) => (body.issueId === undefined) !== (body.outreachSessionId === undefined), {
    message: "give exactly one of issueId and outreachSessionId",
    path: ["issueId"],
  });
export type CreateFeedbackInput = z.infer<typeof createFeedbackBody>;

export const feedbackAnswer = z.object({
  question: z.string(),
  value: z.number().int().nullable(),
  choice: z.enum(feedbackChoices).nullable(),
});

/** A stored response as staff see it (no person is named: respondents are counted, not identified). */
export const feedbackResponse = z.object({
  id: z.number().int(),
  survey: z.string(),
  issueId: z.number().int().nullable(),
  issueReference: z.string().nullable(),
  outreachSessionId: z.number().int().nullable(),
  unit: unitRef,
  channel: z.enum(feedbackChannels),
  respondent: z.object({ sex: sex.nullable(), ageGroup: ageGroup.nullable() }),
  comment: z.string().nullable(),
  submittedAt: z.string(),
  answers: z.array(feedbackAnswer),
});
export type FeedbackResponse = z.infer<typeof feedbackResponse>;

export const feedbackListQuery = z.object({
  /** An org unit: only responses of its subtree. */
  unit: z.coerce.number().int().positive().optional(),
  /** Submitted on or after / on or before (calendar days, UTC). */
  from: isoDate.optional(),
  to: isoDate.optional(),
  issueId: z.coerce.number().int().positive().optional(),
  outreachSessionId: z.coerce.number().int().positive().optional(),
  page: pageQuery,
});
export type FeedbackListQuery = z.infer<typeof feedbackListQuery>;

export const feedbackPage = z.object({
  responses: z.array(feedbackResponse),
  page: z.number().int(),
  hasNextPage: z.boolean(),
});
export type FeedbackPage = z.infer<typeof feedbackPage>;

/** A question as the public page shows it: seeded texts are `community.feedback.<code>`. */
export const publicFeedbackQuestion = z.object({
  code: z.string(),
  kind: z.enum(feedbackQuestionKinds),
  text: z.string().nullable(),
  textKey: z.string().nullable(),
});

/**
 * The survey behind a follow-up link. It is open once the issue has a final status (resolved,
 * partly resolved, closed) and until the resident has answered once; `survey` is null when no
 * survey is active.
 */
export const publicFeedbackView = z.object({
  isOpen: z.boolean(),
  status: z.enum(issueStatuses),
  isAnswered: z.boolean(),
  survey: z
    .object({
      code: z.string(),
      name: z.string().nullable(),
      nameKey: z.string().nullable(),
      questions: z.array(publicFeedbackQuestion),
    })
    .nullable(),
});
export type PublicFeedbackView = z.infer<typeof publicFeedbackView>;

/** The resident's answers; who answers (sex, age group) is optional, as on paper. */
export const publicFeedbackBody = z.object({
  survey: code,
  respondent: feedbackRespondent.optional(),
  answers,
  comment: nonBlankText.optional(),
});
export type PublicFeedbackInput = z.infer<typeof publicFeedbackBody>;
