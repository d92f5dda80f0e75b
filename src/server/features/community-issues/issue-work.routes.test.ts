import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommunityWorld, type CommunityWorld } from "../../../../test/community";
import { errorOf } from "../../../../test/http";
import { testEngines } from "../../../../test/test-db";
import type {
  IssueAssignees,
  IssueDetail,
  IssueEvent,
  IssuePage,
} from "../../../core/schemas/community-issues";

describe.each(testEngines())("community issues: scope, assignment and notes (%s)", (engine) => {
  let world: CommunityWorld;
  let domestic: number;

  beforeAll(async () => {
    world = await createCommunityWorld(engine);
    domestic = await world.categoryId("domestic_violence");
  });
  afterAll(async () => {
    await world?.close();
  });

  it("keeps each province to its own issues, for reads and for writes", async () => {
    const p1 = await world.createIssue("co.p1", { unitId: world.tree.id("P1-D2") });
    const p2 = await world.createIssue("co.p2", { unitId: world.tree.id("P2-D1") });
    expect((await world.call("co.p2", "GET", `/api/community-issues/${p1.id}`)).statusCode).toBe(
      404,
    );
    expect((await world.transition(p1.id, "in_follow_up", undefined, "co.p2")).statusCode).toBe(
      404,
    );
    const note = await world.call("co.p2", "POST", `/api/community-issues/${p1.id}/notes`, {
      text: "x",
    });
    expect(note.statusCode).toBe(404);
    const list = (await world.call("co.p2", "GET", "/api/community-issues")).json<IssuePage>();
    expect(list.issues.map((i) => i.id)).toContain(p2.id);
    expect(list.issues.every((i) => i.unit.id === world.tree.id("P2-D1"))).toBe(true);
    const outside = await world.call(
      "co.p2",
      "GET",
      `/api/community-issues?unit=${world.tree.id("P1")}`,
    );
    expect(outside.statusCode).toBe(404);
    const created = await world.call("co.p2", "POST", "/api/community-issues", {
      source: "walk_in",
      unitId: world.tree.id("P1"),
      categoryId: domestic,
      description: "Not mine to record",
    });
    expect(errorOf(created)).toEqual({
      code: "org_unit.not_found",
      details: { id: world.tree.id("P1") },
    });
    const district = (
      await world.call("co.p1d1", "GET", "/api/community-issues")
    ).json<IssuePage>();
    expect(district.issues.map((i) => i.id)).not.toContain(p1.id);
    expect((await world.call("hr.p1", "GET", "/api/community-issues")).statusCode).toBe(403);
    expect((await world.call("partner.hq", "GET", "/api/community-issues")).statusCode).toBe(403);
    const unchanged = await world.call("co.p1", "GET", `/api/community-issues/${p1.id}`);
    expect(unchanged.json<IssueDetail>().status).toBe("new");
  });

  it("assigns only to officers who may work on the unit, and queues my work overdue first", async () => {
    const unit = world.tree.id("P1-D1");
    const late = await world.createIssue("co.p1", {
      unitId: unit,
      dueOn: "2024-06-01",
      description: "late",
    });
    const soon = await world.createIssue("co.p1", {
      unitId: unit,
      dueOn: "2024-06-20",
      description: "soon",
    });
    const choices = await world.call("co.p1", "GET", `/api/community-issues/${soon.id}/assignees`);
    expect(choices.json<IssueAssignees>().assignees.map((a) => a.displayName)).toEqual([
      "admin.hq",
      "co.hq",
      "co.p1",
      "co.p1d1",
      "um.p1",
    ]);
    const elsewhere = await world.createIssue("co.p1", { unitId: world.tree.id("P1-D2") });
    const outside = await world.call(
      "co.p1d1",
      "GET",
      `/api/community-issues/${elsewhere.id}/assignees`,
    );
    expect(outside.statusCode).toBe(404);
    const wrong = await world.call("co.p1", "POST", `/api/community-issues/${soon.id}/assignment`, {
      assigneeId: world.userIds.get("co.p2"),
    });
    expect(errorOf(wrong)).toEqual({
      code: "community.invalid_value",
      details: { field: "assigneeId", value: world.userIds.get("co.p2"), reason: "not_eligible" },
    });
    const assigned = await world.call(
      "co.p1",
      "POST",
      `/api/community-issues/${soon.id}/assignment`,
      {
        assigneeId: world.userIds.get("co.p1d1"),
        womanOfficerAssigned: true,
      },
    );
    expect(assigned.json<IssueDetail>()).toMatchObject({
      assignee: { id: world.userIds.get("co.p1d1") },
      womanOfficerAssigned: true,
    });
    const queue = (
      await world.call("co.p1d1", "GET", "/api/community-issues/my-work")
    ).json<IssuePage>();
    const ids = queue.issues.map((i) => i.id);
    expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(soon.id));
    expect(queue.issues[0]?.isOverdue).toBe(true);
    expect(queue.issues.every((i) => i.unit.id === unit)).toBe(true);
    const overdue = (
      await world.call("co.p1", "GET", "/api/community-issues?overdue=true")
    ).json<IssuePage>();
    expect(overdue.issues.map((i) => i.id)).toEqual([late.id]);
    const mine = (
      await world.call("co.p1d1", "GET", "/api/community-issues?assignee=me")
    ).json<IssuePage>();
    expect(mine.issues.map((i) => i.id)).toEqual([soon.id]);
  });

  it("keeps internal and public notes apart in the history", async () => {
    const issue = await world.createIssue("co.p1", { unitId: world.tree.id("P1") });
    const internal = await world.call("co.p1", "POST", `/api/community-issues/${issue.id}/notes`, {
      text: "Suspect is a relative <i>",
    });
    expect(internal.statusCode).toBe(201);
    const shared = await world.call("co.p1", "POST", `/api/community-issues/${issue.id}/notes`, {
      text: "We visited today",
      isInternal: false,
    });
    const notes = shared.json<{ events: IssueEvent[] }>().events.filter((e) => e.kind === "note");
    expect(notes.map((n) => [n.note, n.isInternal])).toEqual([
      ["Suspect is a relative <i>", true],
      ["We visited today", false],
    ]);
    const raw = world.database.db.updateTable("community_issue_events").set({ note: "edited" });
    await expect(raw.where("issue_id", "=", issue.id).execute()).rejects.toThrow(/append-only/);
  });
});
