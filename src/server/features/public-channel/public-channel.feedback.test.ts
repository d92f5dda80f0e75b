import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommunityWorld, type CommunityWorld } from "../../../../test/community";
import { errorOf } from "../../../../test/http";
import { issueByReference, newAddress, submitted } from "../../../../test/public-channel";
import { testEngines } from "../../../../test/test-db";
import {
  FOLLOW_UP_SECRET_HEADER,
  type PublicIssueReceipt,
} from "../../../core/schemas/public-channel";
import type { FeedbackPage, PublicFeedbackView } from "../../../core/schemas/feedback";

const answers = [
  { question: "satisfaction", value: 5 },
  { question: "trust_police", value: 3 },
  { question: "felt_safe_reporting", choice: "no" },
];
const markup = `<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes"`;

describe.each(testEngines())("public channel: the feedback survey (%s)", (engine) => {
  let world: CommunityWorld;
  let receipt: PublicIssueReceipt;
  let issueId: number;
  const address = newAddress();

  const survey = (method: "GET" | "POST", reference: string, secret: string, body?: object) =>
    world.app.inject({
      method,
      url: `/api/public/issues/${encodeURIComponent(reference)}/feedback`,
      headers: { [FOLLOW_UP_SECRET_HEADER]: secret },
      remoteAddress: address,
      ...(body === undefined ? {} : { payload: body }),
    });
  const responses = () => world.count("feedback_responses");
  const answerRows = () => world.count("feedback_answers");
  const staff = async (url: string, payload: object) => {
    const response = await world.call("co.p1", "POST", url, payload);
    expect(response.statusCode, response.body).toBeLessThan(300);
  };

  beforeAll(async () => {
    world = await createCommunityWorld(engine);
    receipt = await submitted(world.app);
    issueId = Number((await issueByReference(world.database.db, receipt.reference)).id);
  });
  afterAll(async () => {
    await world?.close();
  });

  it("answers a wrong secret and an unknown reference with the same 404, for GET and POST", async () => {
    const bodies = [];
    for (const [reference, secret] of [
      // The last character changed (one in 16 secrets ends in "A").
      [
        receipt.reference,
        `${receipt.followUpSecret.slice(0, -1)}${receipt.followUpSecret.endsWith("A") ? "B" : "A"}`,
      ],
      [receipt.reference, "guess"],
      ["ZZZZZZZZZZ", receipt.followUpSecret],
    ] as const) {
      const get = await survey("GET", reference, secret);
      const post = await survey("POST", reference, secret, { survey: "after_service", answers });
      expect([get.statusCode, post.statusCode]).toEqual([404, 404]);
      bodies.push(get.body, post.body);
    }
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0] ?? "")).toEqual({
      error: { code: "public.not_found", details: {} },
    });
    const missing = await world.app.inject({
      method: "GET",
      url: `/api/public/issues/${receipt.reference}/feedback`,
      remoteAddress: address,
    });
    expect(missing.statusCode).toBe(400);
  });

  it("shows the survey closed and refuses answers until the issue is resolved", async () => {
    const view = await survey("GET", receipt.reference, receipt.followUpSecret);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json<PublicFeedbackView>()).toEqual({
      isOpen: false,
      status: "new",
      isAnswered: false,
      survey: {
        code: "after_service",
        name: null,
        nameKey: "community.feedback.after_service",
        questions: [
          {
            code: "satisfaction",
            kind: "scale_1_5",
            text: null,
            textKey: "community.feedback.satisfaction",
          },
          {
            code: "trust_police",
            kind: "scale_1_5",
            text: null,
            textKey: "community.feedback.trust_police",
          },
          {
            code: "felt_safe_reporting",
            kind: "yes_no",
            text: null,
            textKey: "community.feedback.felt_safe_reporting",
          },
        ],
      },
    });
    const early = await survey("POST", receipt.reference, receipt.followUpSecret, {
      survey: "after_service",
      answers,
    });
    expect(early.statusCode).toBe(409);
    expect(errorOf(early)).toEqual({ code: "feedback.not_open", details: { status: "new" } });
    expect(await responses()).toBe(0);
  });

  it("takes one answer after resolution, markup verbatim, and refuses a second", async () => {
    await staff(`/api/community-issues/${issueId}/transitions`, { to: "in_follow_up" });
    await staff(`/api/community-issues/${issueId}/transitions`, { to: "resolved" });
    const open = await survey("GET", receipt.reference, receipt.followUpSecret);
    expect(open.json<PublicFeedbackView>()).toMatchObject({
      isOpen: true,
      status: "resolved",
      isAnswered: false,
    });

    const bad = await survey("POST", receipt.reference, receipt.followUpSecret, {
      survey: "after_service",
      answers: [answers[0], { question: "trust_police", value: 6 }],
    });
    expect(errorOf(bad)).toEqual({
      code: "feedback.answer_invalid",
      details: { question: "trust_police", reason: "out_of_range" },
    });
    expect([await responses(), await answerRows()]).toEqual([0, 0]);

    const answered = await survey("POST", receipt.reference, receipt.followUpSecret, {
      survey: "after_service",
      respondent: { sex: "F", ageGroup: "adult" },
      answers,
      comment: markup,
    });
    expect(answered.statusCode, answered.body).toBe(201);
    expect(answered.json<PublicFeedbackView>()).toMatchObject({
      isOpen: false,
      isAnswered: true,
    });
    const row = await world.database.db
      .selectFrom("feedback_responses")
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      issue_id: issueId,
      outreach_session_id: null,
      org_unit_id: world.tree.id("P1"),
      channel: "public_channel",
      respondent_sex: "F",
      respondent_age_group: "adult",
      entered_by: null,
      comment: markup,
    });
    expect(await answerRows()).toBe(3);
    expect(world.audit.entries.at(-1)).toMatchObject({
      action: "feedback.resident_create",
      actor: { userId: null, username: null, ip: null, userAgent: null },
      entityId: String(row.id),
      outcome: "success",
    });

    const again = await survey("POST", receipt.reference, receipt.followUpSecret, {
      survey: "after_service",
      answers,
    });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe("feedback.already_answered");
    expect(await responses()).toBe(1);

    // Officers see it among the unit's responses, the comment as data.
    const list = (
      await world.call("co.p1", "GET", `/api/community/feedback?issueId=${issueId}`)
    ).json<FeedbackPage>().responses;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      channel: "public_channel",
      issueReference: receipt.reference,
      comment: markup,
    });
  });

  it("refuses a body over the limit and text that cannot be stored", async () => {
    const before = await responses();
    const other = await submitted(world.app);
    const big = await survey("POST", other.reference, other.followUpSecret, {
      survey: "after_service",
      answers,
      comment: "x".repeat(20_000),
    });
    expect(big.statusCode).toBe(413);
    expect(errorOf(big).code).toBe("public.body_too_large");
    const nul = await survey("POST", other.reference, other.followUpSecret, {
      survey: "after_service",
      answers,
      comment: "bad \u0000 text",
    });
    expect(errorOf(nul)).toEqual({ code: "public.text_invalid", details: { field: "comment" } });
    expect(await responses()).toBe(before);
  });
});
