import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { checkFeedbackAnswers, requireValidAnswers, type SurveyQuestion } from "./feedback-answers";
import { feedbackChoices } from "./vocabulary";

const questions: SurveyQuestion[] = [
  { id: 11, code: "satisfaction", kind: "scale_1_5" },
  { id: 12, code: "trust_police", kind: "scale_1_5" },
  { id: 13, code: "felt_safe_reporting", kind: "yes_no" },
];

const answer = fc.record(
  {
    question: fc.constantFrom("satisfaction", "trust_police", "felt_safe_reporting", "other"),
    value: fc.oneof(fc.integer({ min: -1, max: 7 }), fc.double({ noNaN: true })),
    choice: fc.constantFrom(...feedbackChoices),
  },
  { requiredKeys: ["question"] },
);

describe("feedback answers", () => {
  it("accepts only rows the database can hold: one of a 1–5 whole value or a fitting choice", () => {
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 5 }), (answers) => {
        const result = checkFeedbackAnswers(questions, answers);
        if ("problem" in result) {
          expect(answers.map((a) => a.question)).toContain(result.problem.question);
          return;
        }
        expect(new Set(result.answers.map((a) => a.questionId)).size).toBe(answers.length);
        for (const row of result.answers) {
          const kind = questions.find((q) => q.id === row.questionId)?.kind;
          expect((row.scaleValue === null) !== (row.choice === null)).toBe(true);
          if (row.scaleValue !== null) {
            expect(kind).toBe("scale_1_5");
            expect([1, 2, 3, 4, 5]).toContain(row.scaleValue);
          }
          if (kind === "scale_1_5" && row.choice !== null) expect(row.choice).toBe("dont_know");
        }
      }),
    );
  });

  it("names the first bad answer's question and reason", () => {
    expect(
      checkFeedbackAnswers(questions, [
        { question: "satisfaction", value: 5 },
        { question: "felt_safe_reporting", value: 1, choice: "yes" },
        { question: "nope", value: 1 },
      ]),
    ).toEqual({ problem: { question: "felt_safe_reporting", reason: "value_and_choice" } });
    expect(() => requireValidAnswers(questions, [{ question: "satisfaction", value: 0 }])).toThrow(
      new AppError("feedback.answer_invalid", { question: "satisfaction", reason: "out_of_range" }),
    );
  });
});
