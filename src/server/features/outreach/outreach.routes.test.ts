import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommunityWorld, type CommunityWorld } from "../../../../test/community";
import { errorOf } from "../../../../test/http";
import { testEngines } from "../../../../test/test-db";
import type { IssueDetail } from "../../../core/schemas/community-issues";
import type { OutreachSession, OutreachSessionPage } from "../../../core/schemas/outreach";

const WRITTEN = [
  "outreach_sessions",
  "outreach_attendance",
  "outreach_session_topics",
  "outreach_session_partners",
  "community_issues",
  "community_issue_events",
];

describe.each(testEngines())("outreach sessions (%s)", (engine) => {
  let world: CommunityWorld;
  let body: () => Record<string, unknown>;
  let partnerId: number;

  const counts = async () => {
    const found: Record<string, number> = {};
    for (const table of WRITTEN) found[table] = await world.count(table);
    return found;
  };

  beforeAll(async () => {
    world = await createCommunityWorld(engine);
    const partner = await world.call("co.p1", "POST", "/api/stakeholders", {
      name: "Provincial Department of Women's Affairs",
      type: "government_department",
      unitIds: [world.tree.id("P1")],
    });
    partnerId = partner.json<{ id: number }>().id;
    const trafficking = await world.topicId("trafficking_smuggling");
    const scams = await world.topicId("online_scams");
    const land = await world.categoryId("land_dispute");
    const gbv = await world.categoryId("domestic_violence");
    body = () => ({
      heldOn: "2024-06-10",
      unitId: world.tree.id("P1-D1"),
      place: "Phum Thmei <commune hall>",
      latitude: 11.55,
      longitude: 104.92,
      notes: "Held with the commune council",
      topicIds: [trafficking, scams],
      partnerIds: [partnerId],
      officersPresent: { F: 2, M: 1 },
      attendance: [
        { sex: "F", ageGroup: "adult", count: 31 },
        { sex: "M", ageGroup: "adult", count: 18 },
        { sex: "F", ageGroup: "youth", count: 7 },
        { sex: "U", ageGroup: "unknown", count: 5 },
        { sex: "M", ageGroup: "child", count: 0 },
      ],
      problems: [
        {
          categoryId: land,
          description: "Boundary dispute with a neighbour",
          solvedOnTheSpot: true,
        },
        {
          categoryId: gbv,
          description: "Husband beats her",
          raisedBy: { sex: "F", ageGroup: "adult" },
          womanOfficerRequested: true,
          contact: "012 999 888",
        },
      ],
    });
  });
  afterAll(async () => {
    await world?.close();
  });

  it("records a session with its problems as linked issues, in one transaction", async () => {
    const response = await world.call("co.p1", "POST", "/api/outreach/sessions", body());
    expect(response.statusCode, response.body).toBe(201);
    const session = response.json<OutreachSession>();
    expect(session).toMatchObject({
      heldOn: "2024-06-10",
      unit: { id: world.tree.id("P1-D1") },
      place: "Phum Thmei <commune hall>",
      latitude: 11.55,
      longitude: 104.92,
      attendance: { F: 38, M: 18, X: 0, U: 5, N: 61 },
      officersPresent: { F: 2, M: 1, X: 0, U: 0, N: 3 },
      issueCount: 2,
      partners: [{ id: partnerId, type: "government_department" }],
    });
    expect(session.topics.map((t) => t.code)).toEqual(["trafficking_smuggling", "online_scams"]);
    expect(session.attendanceCells).toHaveLength(4);
    expect(session.issues.map((i) => i.status)).toEqual(["solved_on_the_spot", "new"]);
    const issue = await world.call(
      "co.p1",
      "GET",
      `/api/community-issues/${session.issues[1]?.id}`,
    );
    expect(issue.json<IssueDetail>()).toMatchObject({
      source: "outreach",
      outreachSessionId: session.id,
      womanOfficerRequested: true,
      hasContact: true,
      unit: { id: world.tree.id("P1-D1") },
    });
    const page = (
      await world.call("co.p1", "GET", "/api/outreach/sessions")
    ).json<OutreachSessionPage>();
    expect(page.sessions.map((s) => s.id)).toEqual([session.id]);
    expect(
      (await world.call("co.p2", "GET", `/api/outreach/sessions/${session.id}`)).statusCode,
    ).toBe(404);
    expect(
      (await world.call("co.p2", "GET", "/api/outreach/sessions")).json<OutreachSessionPage>()
        .sessions,
    ).toEqual([]);
  });

  it("writes nothing at all when one problem is invalid, and names it", async () => {
    const before = await counts();
    const valid = body();
    const problems = valid.problems as object[];
    const unknownCategory = await world.call("co.p1", "POST", "/api/outreach/sessions", {
      ...valid,
      problems: [problems[0], { ...problems[1], categoryId: 999_999 }],
    });
    expect(unknownCategory.statusCode).toBe(400);
    expect(errorOf(unknownCategory)).toEqual({
      code: "community.invalid_value",
      details: { field: "problems[1].categoryId", value: 999_999, reason: "unknown" },
    });
    const oversized = await world.call("co.p1", "POST", "/api/outreach/sessions", {
      ...valid,
      problems: [problems[0], { ...problems[1], description: "ក".repeat(4001) }],
    });
    expect(errorOf(oversized)).toEqual({
      code: "community.text_too_long",
      details: { field: "problems[1].description", maxLength: 4000, length: 4001 },
    });
    expect(await counts()).toEqual(before);
    const failure = world.audit.entries.filter(
      (e) => e.action === "outreach_session.create" && e.outcome === "failure",
    );
    expect(failure).toHaveLength(2);
  });

  it("refuses a future date, half coordinates, repeated cells, unknown topics and foreign units", async () => {
    const valid = body();
    const refused = async (change: object) => {
      const response = await world.call("co.p1", "POST", "/api/outreach/sessions", {
        ...valid,
        ...change,
      });
      expect(response.statusCode, JSON.stringify(change)).toBeGreaterThanOrEqual(400);
      return errorOf(response);
    };
    expect((await refused({ heldOn: "2024-06-16" })).details).toEqual({
      field: "heldOn",
      value: "2024-06-16",
      reason: "future",
    });
    expect((await refused({ longitude: null })).details).toEqual({
      field: "longitude",
      value: null,
      reason: "incomplete",
    });
    expect((await refused({ latitude: 91 })).code).toBe("request.invalid");
    const cell = { sex: "F", ageGroup: "adult", count: 1 };
    expect((await refused({ attendance: [cell, cell] })).details).toEqual({
      field: "attendance",
      value: "F/adult",
      reason: "duplicate",
    });
    expect((await refused({ attendance: [{ ...cell, count: -1 }] })).code).toBe("request.invalid");
    expect((await refused({ topicIds: [999_999] })).details).toEqual({
      field: "topicIds",
      value: 999_999,
      reason: "unknown",
    });
    expect((await refused({ unitId: world.tree.id("P2") })).code).toBe("org_unit.not_found");
    expect((await refused({ unitId: world.tree.id("P3") })).code).toBe("org_unit.not_found");
  });

  it("updates a session's own fields and replaces its attendance", async () => {
    const created = (
      await world.call("co.p1", "POST", "/api/outreach/sessions", {
        ...body(),
        problems: [],
      })
    ).json<OutreachSession>();
    const response = await world.call("co.p1", "PATCH", `/api/outreach/sessions/${created.id}`, {
      place: "Wat compound",
      latitude: null,
      longitude: null,
      attendance: [{ sex: "X", ageGroup: "older", count: 2 }],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<OutreachSession>()).toMatchObject({
      place: "Wat compound",
      latitude: null,
      notes: "Held with the commune council",
      attendance: { F: 0, M: 0, X: 2, U: 0, N: 2 },
      officersPresent: { N: 3 },
    });
    const half = await world.call("co.p1", "PATCH", `/api/outreach/sessions/${created.id}`, {
      latitude: 10,
    });
    expect(errorOf(half).details).toEqual({
      field: "longitude",
      value: null,
      reason: "incomplete",
    });
    const outside = `/api/outreach/sessions?unit=${world.tree.id("P1")}`;
    expect((await world.call("co.p2", "GET", outside)).statusCode).toBe(404);
    const foreign = await world.call("co.p2", "PATCH", `/api/outreach/sessions/${created.id}`, {
      notes: "x",
    });
    expect(foreign.statusCode).toBe(404);
  });

  it("records problems raised in a session after it was saved, all or nothing with the edit", async () => {
    const created = (
      await world.call("co.p1", "POST", "/api/outreach/sessions", { ...body(), problems: [] })
    ).json<OutreachSession>();
    const problems = body().problems as object[];
    const before = await counts();
    const refused = await world.call("co.p1", "PATCH", `/api/outreach/sessions/${created.id}`, {
      notes: "Two more problems came up after the meeting",
      problems: [problems[0], { ...problems[1], categoryId: 999_999 }],
    });
    expect(errorOf(refused)).toEqual({
      code: "community.invalid_value",
      details: { field: "problems[1].categoryId", value: 999_999, reason: "unknown" },
    });
    expect(await counts()).toEqual(before);
    const unchanged = await world.call("co.p1", "GET", `/api/outreach/sessions/${created.id}`);
    expect(unchanged.json<OutreachSession>().notes).toBe(created.notes);
    const added = await world.call("co.p1", "PATCH", `/api/outreach/sessions/${created.id}`, {
      notes: "Two more problems came up after the meeting",
      problems,
    });
    expect(added.statusCode, added.body).toBe(200);
    const session = added.json<OutreachSession>();
    expect(session.notes).toBe("Two more problems came up after the meeting");
    expect(session.issues).toHaveLength(problems.length);
    const linked = await world.database.db
      .selectFrom("community_issues")
      .select(["source", "org_unit_id as unitId"])
      .where("outreach_session_id", "=", created.id)
      .execute();
    expect(linked).toEqual(problems.map(() => ({ source: "outreach", unitId: created.unit.id })));
    const entry = world.audit.entries.at(-1);
    expect(entry).toMatchObject({
      action: "outreach_session.update",
      fields: ["notes", "community_issues"],
      outcome: "success",
    });
  });
});
