import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommunityWorld, type CommunityWorld } from "../../../../test/community";
import { errorOf } from "../../../../test/http";
import { testEngines } from "../../../../test/test-db";
import type { IssueDetail, IssueEvent } from "../../../core/schemas/community-issues";

const PHONE = "+855 12 345 678";
const MARKUP = `<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" ' ការពារ`;

describe.each(testEngines())("community issues (%s)", (engine) => {
  let world: CommunityWorld;
  let domestic: number;

  beforeAll(async () => {
    world = await createCommunityWorld(engine);
    domestic = await world.categoryId("domestic_violence");
  });
  afterAll(async () => {
    await world?.close();
  });

  it("records an issue with a random reference and a default due date, stored verbatim", async () => {
    const issue = await world.createIssue("co.p1", {
      unitId: world.tree.id("P1-D1"),
      description: MARKUP,
      place: `<b>Village</b>`,
      raisedBy: { sex: "F", ageGroup: "adult" },
      womanOfficerRequested: true,
    });
    expect(issue.reference).toMatch(/^[2-9A-HJKMNP-TV-Z]{10}$/);
    // Markup is data: stored and returned exactly as sent; escaping is the renderer's job.
    expect(issue.description).toBe(MARKUP);
    expect(issue.place).toBe("<b>Village</b>");
    expect(issue).toMatchObject({
      status: "new",
      source: "walk_in",
      dueOn: "2024-06-29",
      isOverdue: false,
      womanOfficerRequested: true,
      womanOfficerAssigned: false,
      raisedBy: { sex: "F", ageGroup: "adult" },
      unit: { id: world.tree.id("P1-D1") },
      category: { code: "domestic_violence", name: null },
      nextStatuses: ["solved_on_the_spot", "referred", "in_follow_up", "closed_without_action"],
    });
    const again = await world.call("co.p1", "GET", `/api/community-issues/${issue.id}`);
    expect(again.json<IssueDetail>().description).toBe(MARKUP);
  });

  it("refuses a closed or foreign unit before an inactive category, writing nothing", async () => {
    const issues = await world.count("community_issues");
    const events = await world.count("community_issue_events");
    const create = (unitCode: string, categoryId: number) =>
      world.call("co.p1", "POST", "/api/community-issues", {
        source: "walk_in",
        unitId: world.tree.id(unitCode),
        categoryId,
        description: "Checked in the statement that writes",
      });
    const land = await world.categoryId("land_dispute");
    await world.database.db
      .updateTable("issue_categories")
      .set({ is_active: false })
      .where("id", "=", land)
      .execute();
    try {
      expect(errorOf(await create("P1-D1", land))).toEqual({
        code: "community.invalid_value",
        details: { field: "categoryId", value: land, reason: "unknown" },
      });
      for (const foreign of ["P2", "P3"]) {
        expect(errorOf(await create(foreign, land))).toEqual({
          code: "org_unit.not_found",
          details: { id: world.tree.id(foreign) },
        });
      }
    } finally {
      await world.database.db
        .updateTable("issue_categories")
        .set({ is_active: true })
        .where("id", "=", land)
        .execute();
    }
    expect(await world.count("community_issues")).toBe(issues);
    expect(await world.count("community_issue_events")).toBe(events);
    const created = await create("P1-D1", land);
    expect(created.statusCode).toBe(201);
    expect(await world.count("community_issue_events")).toBe(events + 1);
  });

  it("refuses oversized text with the field, the limit and the length", async () => {
    const response = await world.call("co.p1", "POST", "/api/community-issues", {
      source: "phone",
      unitId: world.tree.id("P1"),
      categoryId: domestic,
      description: "x".repeat(4001),
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toEqual({
      code: "community.text_too_long",
      details: { field: "description", maxLength: 4000, length: 4001 },
    });
  });

  it("encrypts contact details at rest and audits every read of them", async () => {
    const issue = await world.createIssue("co.p1", { unitId: world.tree.id("P1"), contact: PHONE });
    expect(issue.hasContact).toBe(true);
    const raw = await world.database.db
      .selectFrom("community_issues")
      .select(["contact_encrypted", "description"])
      .where("id", "=", issue.id)
      .executeTakeFirstOrThrow();
    expect(raw.contact_encrypted).toMatch(/^v1\./);
    expect(raw.contact_encrypted).not.toContain(PHONE);
    expect(raw.contact_encrypted).not.toContain("345");
    expect(JSON.stringify(issue)).not.toContain(PHONE);

    const before = world.audit.entries.length;
    const read = await world.call("co.p1", "GET", `/api/community-issues/${issue.id}/contact`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ contact: PHONE, isAnonymous: false });
    const entries = world.audit.entries.slice(before);
    expect(entries).toEqual([
      expect.objectContaining({
        action: "community_issue.contact_read",
        entityType: "community_issue",
        entityId: String(issue.id),
        orgUnitId: world.tree.id("P1"),
        fields: ["contact"],
        outcome: "success",
      }),
    ]);
    expect(entries[0]?.actor.userId).toBe(world.userIds.get("co.p1"));
    expect(JSON.stringify(entries)).not.toContain(PHONE);

    // A unit manager reads issues but not contacts; another province sees nothing.
    expect(
      (await world.call("um.p1", "GET", `/api/community-issues/${issue.id}/contact`)).statusCode,
    ).toBe(403);
    expect(
      (await world.call("co.p2", "GET", `/api/community-issues/${issue.id}/contact`)).statusCode,
    ).toBe(404);
    expect(world.audit.entries.slice(before)).toHaveLength(1);
  });

  it("refuses contact details on an anonymous issue without echoing them", async () => {
    const response = await world.call("co.p1", "POST", "/api/community-issues", {
      source: "phone",
      unitId: world.tree.id("P1"),
      categoryId: domestic,
      description: "Anonymous call",
      isAnonymous: true,
      contact: PHONE,
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details).toEqual({
      field: "contact",
      value: "(withheld)",
      reason: "not_allowed",
    });
    expect(response.body).not.toContain(PHONE);
  });

  it("enforces the lifecycle: illegal moves refused, reasons required, reopening counted", async () => {
    const issue = await world.createIssue("co.p1", { unitId: world.tree.id("P1") });
    const illegal = await world.transition(issue.id, "resolved");
    expect(illegal.statusCode).toBe(409);
    expect(errorOf(illegal)).toEqual({
      code: "community.transition_not_allowed",
      details: { reference: issue.reference, from: "new", to: "resolved" },
    });
    expect((await world.transition(issue.id, "in_follow_up")).json<IssueDetail>()).toMatchObject({
      status: "in_follow_up",
      firstOutcome: "in_follow_up",
    });
    const noReason = await world.transition(issue.id, "closed_not_resolved", "   ");
    expect(noReason.statusCode).toBe(400);
    expect(errorOf(noReason)).toEqual({
      code: "community.reason_required",
      details: { field: "reason", to: "closed_not_resolved" },
    });
    const closed = (
      await world.transition(issue.id, "closed_not_resolved", "Landlord refused")
    ).json<IssueDetail>();
    expect(closed).toMatchObject({
      status: "closed_not_resolved",
      statusReason: "Landlord refused",
    });
    expect(closed.closedAt).not.toBeNull();
    expect((await world.transition(issue.id, "in_follow_up")).statusCode).toBe(400);
    const reopened = (
      await world.transition(issue.id, "in_follow_up", "Resident called back")
    ).json<IssueDetail>();
    expect(reopened).toMatchObject({
      status: "in_follow_up",
      reopenCount: 1,
      closedAt: null,
      firstOutcome: "in_follow_up",
    });
    const history = await world.call("co.p1", "GET", `/api/community-issues/${issue.id}/history`);
    expect(
      history
        .json<{ events: IssueEvent[] }>()
        .events.map((e) => [e.kind, e.fromStatus, e.toStatus, e.reason]),
    ).toEqual([
      ["created", null, "new", null],
      ["status", "new", "in_follow_up", null],
      ["status", "in_follow_up", "closed_not_resolved", "Landlord refused"],
      ["reopen", "closed_not_resolved", "in_follow_up", "Resident called back"],
    ]);
    const failures = world.audit.entries.filter(
      (e) => e.action === "community_issue.transition" && e.outcome === "failure",
    );
    expect(failures.length).toBeGreaterThanOrEqual(3);
  });

  it("records an on-the-spot solution in the same transaction as the issue", async () => {
    const issue = await world.createIssue("co.p1", {
      unitId: world.tree.id("P1"),
      solvedOnTheSpot: true,
    });
    expect(issue).toMatchObject({
      status: "solved_on_the_spot",
      firstOutcome: "solved_on_the_spot",
    });
    expect(issue.nextStatuses).toEqual(["in_follow_up"]);
  });
});
