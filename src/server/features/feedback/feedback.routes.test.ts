import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommunityWorld, type CommunityWorld } from "../../../../test/community";
import { errorOf } from "../../../../test/http";
import { testEngines } from "../../../../test/test-db";
import type { FeedbackPage, FeedbackResponse } from "../../../core/schemas/feedback";

const goodAnswers = [
  { question: "satisfaction", value: 4 },
  { question: "trust_police", choice: "dont_know" },
  { question: "felt_safe_reporting", choice: "yes" },
];

describe.each(testEngines())("feedback entered by officers (%s)", (engine) => {
  let world: CommunityWorld;
  let sessionP1: number;
  let issueP1: number;

  const written = async () => ({
    responses: await world.count("feedback_responses"),
    answers: await world.count("feedback_answers"),
  });
  const paper = (answers: object[], extra: object = {}) => ({
    survey: "after_service",
    outreachSessionId: sessionP1,
    channel: "paper",
    respondent: { sex: "F", ageGroup: "youth" },
    answers,
    ...extra,
  });

  beforeAll(async () => {
    world = await createCommunityWorld(engine);
    const session = await world.call("co.p1", "POST", "/api/outreach/sessions", {
      heldOn: "2024-06-10",
      unitId: world.tree.id("P1-D1"),
      place: "Wat Phnom hall",
    });
    expect(session.statusCode, session.body).toBe(201);
    sessionP1 = session.json<{ id: number }>().id;
    const issue = await world.call("co.p1", "POST", "/api/community-issues", {
      source: "phone",
      unitId: world.tree.id("P1"),
      categoryId: await world.categoryId("theft_burglary"),
      description: "Motorbike stolen",
    });
    expect(issue.statusCode, issue.body).toBe(201);
    issueP1 = issue.json<{ id: number }>().id;
  });
  afterAll(async () => {
    await world?.close();
  });

  it("stores a paper response with its answers, audited, and lists it in scope", async () => {
    const before = await written();
    const response = await world.call(
      "co.p1",
      "POST",
      "/api/community/feedback",
      paper(goodAnswers, { comment: "<b>Thank you</b> & well done" }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json<FeedbackResponse>();
    expect(created).toMatchObject({
      survey: "after_service",
      outreachSessionId: sessionP1,
      issueId: null,
      unit: { id: world.tree.id("P1-D1"), code: "P1-D1" },
      channel: "paper",
      respondent: { sex: "F", ageGroup: "youth" },
      comment: "<b>Thank you</b> & well done",
      submittedAt: "2024-06-15T09:00:00.000Z",
      answers: [
        { question: "satisfaction", value: 4, choice: null },
        { question: "trust_police", value: null, choice: "dont_know" },
        { question: "felt_safe_reporting", value: null, choice: "yes" },
      ],
    });
    expect(await written()).toEqual({
      responses: before.responses + 1,
      answers: before.answers + 3,
    });
    const row = await world.database.db
      .selectFrom("feedback_responses")
      .select(["entered_by", "org_unit_id"])
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      entered_by: world.userIds.get("co.p1"),
      org_unit_id: world.tree.id("P1-D1"),
    });
    expect(world.audit.entries.at(-1)).toMatchObject({
      action: "feedback.create",
      entityType: "feedback_response",
      entityId: String(created.id),
      orgUnitId: world.tree.id("P1-D1"),
      outcome: "success",
      fields: expect.arrayContaining(["answers", "comment"]) as unknown,
    });

    const phone = await world.call("um.p1", "POST", "/api/community/feedback", {
      survey: "after_service",
      issueId: issueP1,
      channel: "phone",
      answers: [{ question: "satisfaction", value: 2 }],
    });
    expect(phone.statusCode, phone.body).toBe(201);
    expect(phone.json<FeedbackResponse>()).toMatchObject({
      issueId: issueP1,
      issueReference: expect.stringMatching(/^[2-9A-Z]{10}$/) as unknown,
      respondent: { sex: null, ageGroup: null },
    });

    const list = async (user: "co.p1" | "co.p2", query: string) => {
      const page = await world.call(user, "GET", `/api/community/feedback${query}`);
      expect(page.statusCode, page.body).toBe(200);
      return page.json<FeedbackPage>().responses.map((r) => r.id);
    };
    expect(await list("co.p1", "")).toEqual([phone.json<FeedbackResponse>().id, created.id]);
    expect(await list("co.p1", `?outreachSessionId=${sessionP1}`)).toEqual([created.id]);
    expect(await list("co.p1", `?issueId=${issueP1}`)).toEqual([phone.json<FeedbackResponse>().id]);
    expect(await list("co.p1", `?unit=${world.tree.id("P1-D1")}`)).toEqual([created.id]);
    expect(await list("co.p1", "?from=2024-06-15&to=2024-06-15")).toHaveLength(2);
    expect(await list("co.p1", "?to=2024-06-14")).toEqual([]);
    expect(await list("co.p2", "")).toEqual([]);
    const outside = await world.call(
      "co.p2",
      "GET",
      `/api/community/feedback?unit=${world.tree.id("P1")}`,
    );
    expect(errorOf(outside).code).toBe("org_unit.not_found");
  });

  it.each([
    ["a value of 6", { question: "satisfaction", value: 6 }, "satisfaction", "out_of_range"],
    ["a value of 2.5", { question: "trust_police", value: 2.5 }, "trust_police", "out_of_range"],
    [
      "an unknown question",
      { question: "<script>x</script>", value: 3 },
      "<script>x</script>",
      "unknown_question",
    ],
    [
      "both value and choice",
      { question: "satisfaction", value: 3, choice: "dont_know" },
      "satisfaction",
      "value_and_choice",
    ],
    [
      "yes to a scale question",
      { question: "trust_police", choice: "yes" },
      "trust_police",
      "choice_not_allowed",
    ],
    [
      "a value for a yes/no question",
      { question: "felt_safe_reporting", value: 1 },
      "felt_safe_reporting",
      "value_not_allowed",
    ],
    ["no answer", { question: "satisfaction" }, "satisfaction", "no_answer"],
  ])(
    "refuses %s naming the question, and writes nothing",
    async (_label, bad, question, reason) => {
      const before = await written();
      const auditBefore = world.audit.entries.length;
      // The bad answer comes last: the good one before it must not be written either.
      const good = goodAnswers.filter((a) => a.question !== question).slice(0, 1);
      const response = await world.call(
        "co.p1",
        "POST",
        "/api/community/feedback",
        paper([...good, bad]),
      );
      expect(response.statusCode, response.body).toBe(400);
      expect(errorOf(response)).toEqual({
        code: "feedback.answer_invalid",
        details: { question, reason },
      });
      expect(await written()).toEqual(before);
      expect(world.audit.entries.slice(auditBefore)).toEqual([
        expect.objectContaining({ action: "feedback.create", outcome: "failure" }),
      ]);
    },
  );

  it("refuses a question answered twice, an unknown survey, and both or neither target", async () => {
    const before = await written();
    const twice = await world.call(
      "co.p1",
      "POST",
      "/api/community/feedback",
      paper([goodAnswers[0], { question: "satisfaction", value: 5 }]),
    );
    expect(errorOf(twice)).toEqual({
      code: "feedback.answer_invalid",
      details: { question: "satisfaction", reason: "duplicate" },
    });
    const survey = await world.call(
      "co.p1",
      "POST",
      "/api/community/feedback",
      paper(goodAnswers, { survey: "no_such_survey" }),
    );
    expect(errorOf(survey)).toEqual({
      code: "community.invalid_value",
      details: { field: "survey", value: "no_such_survey", reason: "unknown" },
    });
    const both = await world.call(
      "co.p1",
      "POST",
      "/api/community/feedback",
      paper(goodAnswers, { issueId: issueP1 }),
    );
    expect(both.statusCode).toBe(400);
    expect(errorOf(both).code).toBe("request.invalid");
    const { outreachSessionId: _omitted, ...neither } = paper(goodAnswers);
    const none = await world.call("co.p1", "POST", "/api/community/feedback", neither);
    expect(errorOf(none).code).toBe("request.invalid");
    const tooLong = await world.call(
      "co.p1",
      "POST",
      "/api/community/feedback",
      paper(goodAnswers, { comment: "ក".repeat(1001) }),
    );
    expect(errorOf(tooLong)).toEqual({
      code: "community.text_too_long",
      details: { field: "comment", maxLength: 1000, length: 1001 },
    });
    expect(await written()).toEqual(before);
  });

  it("refuses a session or issue outside the caller's write scope as not found", async () => {
    const before = await written();
    const session = await world.call(
      "co.p2",
      "POST",
      "/api/community/feedback",
      paper(goodAnswers),
    );
    expect(session.statusCode).toBe(404);
    expect(errorOf(session)).toEqual({
      code: "community.not_found",
      details: { entity: "session", id: sessionP1 },
    });
    const issue = await world.call("co.p1d1", "POST", "/api/community/feedback", {
      survey: "after_service",
      issueId: issueP1,
      channel: "phone",
      answers: goodAnswers,
    });
    expect(errorOf(issue)).toEqual({
      code: "community.not_found",
      details: { entity: "issue", id: issueP1 },
    });
    const reader = await world.call("hr.p1", "POST", "/api/community/feedback", paper(goodAnswers));
    expect(reader.statusCode).toBe(403);
    expect(await written()).toEqual(before);
  });
});
