import { describe, expect, it } from "vitest";
import type { FeedbackSurvey } from "../../../../core/schemas/community-config";
import { createFeedbackBody } from "../../../../core/schemas/feedback";
import {
  answeredCount,
  emptyFeedbackEntry,
  toFeedbackBody,
  type FeedbackEntry,
} from "./feedback-entry";

const survey: FeedbackSurvey = {
  id: 1,
  code: "after_service",
  name: null,
  nameKey: "community.feedback.after_service",
  isActive: true,
  questions: [
    { id: 1, position: 1, code: "satisfaction", kind: "scale_1_5", text: null, textKey: null },
    { id: 2, position: 2, code: "trust_police", kind: "scale_1_5", text: null, textKey: null },
    { id: 3, position: 3, code: "felt_safe_reporting", kind: "yes_no", text: null, textKey: null },
  ],
};

describe("a paper feedback sheet → API body", () => {
  it("sends a paper response about a session, with the answers given and who answered", () => {
    const entry: FeedbackEntry = {
      sex: "F",
      ageGroup: "older",
      answers: {
        satisfaction: { value: 4 },
        trust_police: null,
        felt_safe_reporting: { choice: "yes" },
      },
      comment: "  ",
    };
    const mapped = toFeedbackBody(survey, { kind: "session", id: 17 }, entry);
    expect(mapped).toEqual({
      ok: true,
      body: {
        survey: "after_service",
        outreachSessionId: 17,
        channel: "paper",
        respondent: { sex: "F", ageGroup: "older" },
        answers: [
          { question: "satisfaction", value: 4 },
          { question: "felt_safe_reporting", choice: "yes" },
        ],
      },
    });
    expect(mapped.ok && createFeedbackBody.safeParse(mapped.body).success).toBe(true);
    expect(answeredCount(survey, entry)).toBe(2);
  });

  it("sends a phone response about an issue, with a comment and no respondent details", () => {
    const mapped = toFeedbackBody(
      survey,
      { kind: "issue", id: 5 },
      {
        ...emptyFeedbackEntry,
        answers: { trust_police: { choice: "dont_know" } },
        comment: "<b>ok</b>",
      },
    );
    expect(mapped).toEqual({
      ok: true,
      body: {
        survey: "after_service",
        issueId: 5,
        channel: "phone",
        respondent: {},
        answers: [{ question: "trust_police", choice: "dont_know" }],
        comment: "<b>ok</b>",
      },
    });
  });

  it("refuses an empty sheet or one about nothing before sending", () => {
    expect(toFeedbackBody(survey, { kind: "session", id: 1 }, emptyFeedbackEntry)).toEqual({
      ok: false,
      reason: "no_answers",
    });
    expect(
      toFeedbackBody(survey, null, {
        ...emptyFeedbackEntry,
        answers: { satisfaction: { value: 1 } },
      }),
    ).toEqual({ ok: false, reason: "no_target" });
  });

  it("ignores answers to questions the survey does not have", () => {
    const mapped = toFeedbackBody(
      survey,
      { kind: "session", id: 1 },
      { ...emptyFeedbackEntry, answers: { satisfaction: { value: 2 }, retired: { value: 5 } } },
    );
    expect(mapped.ok && mapped.body.answers).toEqual([{ question: "satisfaction", value: 2 }]);
  });
});
