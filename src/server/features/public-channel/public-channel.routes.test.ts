import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommunityWorld, type CommunityWorld } from "../../../../test/community";
import { errorOf } from "../../../../test/http";
import {
  issueByReference,
  residentOf,
  residentProblem,
  submitted,
} from "../../../../test/public-channel";
import { testEngines } from "../../../../test/test-db";
import { formatReferenceCode, REFERENCE_PATTERN } from "../../../core/community/reference-code";
import { defaultIssueCategories } from "../../../core/community/vocabulary";
import type { IssueDetail, IssueEvent } from "../../../core/schemas/community-issues";
import type { PublicIssueView } from "../../../core/schemas/public-channel";

describe.each(testEngines())("public channel: raise, follow, answer (%s)", (engine) => {
  let world: CommunityWorld;

  const issueRow = (reference: string) => issueByReference(world.database.db, reference);
  const staff = (method: "GET" | "POST", url: string, payload?: object) =>
    world.call("co.p1", method, url, payload).then((response) => {
      expect(response.statusCode, response.body).toBeLessThan(300);
      return response;
    });

  beforeAll(async () => {
    world = await createCommunityWorld(engine);
  });
  afterAll(async () => {
    await world?.close();
  });

  it("lists the units down to districts by code and name only, and the active categories", async () => {
    const units = await world.app.inject({ method: "GET", url: "/api/public/units" });
    expect(units.statusCode).toBe(200);
    expect(units.headers["cache-control"]).toBe("public, max-age=300");
    const named = (code: string) => ({ code, name: `Unit ${code}` });
    // P3 is closed; the national unit and the station are not for residents to choose.
    expect(units.json()).toEqual({
      root: { code: "HQ", name: "National Headquarters" },
      provinces: [
        { ...named("P1"), districts: [named("P1-D1"), named("P1-D2")] },
        { ...named("P2"), districts: [named("P2-D1")] },
      ],
    });
    const categories = await world.app.inject({ method: "GET", url: "/api/public/categories" });
    expect(
      categories.json<{ categories: Array<{ code: string }> }>().categories.map((c) => c.code),
    ).toEqual([...defaultIssueCategories]);
  });

  it("acknowledges a problem once committed and follows it to the resident's answer and reopening", async () => {
    const receipt = await submitted(world.app);
    expect(Object.keys(receipt).sort()).toEqual(["followUpSecret", "followUpUrl", "reference"]);
    expect(receipt.reference).toMatch(REFERENCE_PATTERN);
    expect(receipt.followUpUrl).toBe(`/follow-up/${receipt.reference}#${receipt.followUpSecret}`);
    const row = await issueRow(receipt.reference);
    expect(row).toMatchObject({
      source: "public_channel",
      created_by: null,
      is_anonymous: false,
      woman_officer_requested: true,
      language: "km",
      org_unit_id: world.tree.id("P1"),
      status: "new",
      follow_up_secret_hash: createHash("sha256").update(receipt.followUpSecret).digest("hex"),
    });
    expect(row.contact_encrypted).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(receipt.followUpSecret);
    expect(JSON.stringify(row)).not.toContain("345 678");

    // The officers see it in their queue, with the contact behind the audited read.
    const id = row.id;
    const detail = (await staff("GET", `/api/community-issues/${id}`)).json<IssueDetail>();
    expect(detail).toMatchObject({ source: "public_channel", hasContact: true });
    const contact = await staff("GET", `/api/community-issues/${id}/contact`);
    expect(contact.json()).toEqual({ contact: residentProblem.contact, isAnonymous: false });

    const resident = residentOf(world.app);
    const first = await resident.follow(
      formatReferenceCode(receipt.reference).toLowerCase(),
      receipt.followUpSecret,
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<PublicIssueView>()).toMatchObject({
      reference: receipt.reference,
      status: "new",
      category: { code: "domestic_violence", name: null },
      unit: { code: "P1", name: "Unit P1" },
      description: residentProblem.description,
      place: residentProblem.place,
      language: "km",
      canConfirm: false,
      closedAt: null,
      updates: [{ kind: "created", status: "new", byResident: true, note: null }],
    });

    // The officer works on it: internal and public notes, a woman officer, a referral, resolved.
    const stakeholder = await staff("POST", "/api/stakeholders", {
      name: "Legal Aid of Cambodia",
      type: "legal_aid",
      unitIds: [world.tree.id("P1")],
    });
    await staff("POST", `/api/community-issues/${id}/transitions`, { to: "in_follow_up" });
    await staff("POST", `/api/community-issues/${id}/notes`, {
      text: "Suspect: the landlord's son",
    });
    await staff("POST", `/api/community-issues/${id}/notes`, {
      text: "An officer will visit on Monday",
      isInternal: false,
    });
    await staff("POST", `/api/community-issues/${id}/assignment`, {
      assigneeId: world.userIds.get("co.p1"),
      womanOfficerAssigned: true,
    });
    await staff("POST", `/api/community-issues/${id}/referrals`, {
      stakeholderId: stakeholder.json<{ id: number }>().id,
      request: "Protection order for Mrs Sophea",
      sentOn: "2024-06-15",
    });
    await staff("POST", `/api/community-issues/${id}/transitions`, { to: "resolved" });

    const resolved = await resident.follow(receipt.reference, receipt.followUpSecret);
    const view = resolved.json<PublicIssueView>();
    expect(view).toMatchObject({
      status: "resolved",
      canConfirm: true,
      womanOfficerAssigned: true,
    });
    expect(view.closedAt).not.toBeNull();
    expect(view.updates.map((u) => [u.kind, u.status, u.note])).toEqual([
      ["created", "new", null],
      ["status", "in_follow_up", null],
      ["note", null, "An officer will visit on Monday"],
      ["referral", null, null],
      ["status", "referred", null],
      ["status", "resolved", null],
    ]);
    for (const hidden of ["landlord", "Legal Aid", "Sophea", "co.p1", "345 678", "assignee"]) {
      expect(resolved.body, hidden).not.toContain(hidden);
    }

    const reopened = await resident.confirm(receipt.reference, receipt.followUpSecret, {
      answer: "not_fixed",
      reopen: true,
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const after = reopened.json<PublicIssueView>();
    expect(after).toMatchObject({
      status: "in_follow_up",
      residentConfirmation: "not_fixed",
      canConfirm: false,
      closedAt: null,
    });
    expect(
      after.updates.slice(-2).map((u) => [u.kind, u.status, u.confirmation, u.byResident]),
    ).toEqual([
      ["resident_confirmation", null, "not_fixed", true],
      ["reopen", "in_follow_up", null, true],
    ]);
    const history = (await staff("GET", `/api/community-issues/${id}/history`)).json<{
      events: IssueEvent[];
    }>();
    expect(history.events.at(-1)).toMatchObject({
      kind: "reopen",
      fromStatus: "resolved",
      toStatus: "in_follow_up",
      actor: { kind: "resident", user: null },
    });
    expect((await issueRow(receipt.reference)).reopen_count).toBe(1);

    const notYet = await resident.confirm(receipt.reference, receipt.followUpSecret, {
      answer: "dont_know",
    });
    expect(notYet.statusCode).toBe(409);
    expect(errorOf(notYet)).toEqual({
      code: "public.confirmation_not_open",
      details: { status: "in_follow_up" },
    });
    await staff("POST", `/api/community-issues/${id}/transitions`, { to: "resolved" });
    const contradictory = await resident.confirm(receipt.reference, receipt.followUpSecret, {
      answer: "fixed",
      reopen: true,
    });
    expect(errorOf(contradictory)).toMatchObject({
      code: "community.invalid_value",
      details: { field: "reopen" },
    });
    const fixed = await resident.confirm(receipt.reference, receipt.followUpSecret, {
      answer: "fixed",
    });
    expect(fixed.json<PublicIssueView>()).toMatchObject({
      status: "resolved",
      residentConfirmation: "fixed",
    });
    expect(
      world.audit.entries.filter((e) => e.action.startsWith("community_issue.resident_")),
    ).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: "community_issue.resident_confirm",
          entityId: String(id),
          actor: { userId: null, username: null, ip: null, userAgent: null },
          fields: ["resident_confirmation", "status"],
        }),
      ]),
    );
  });
});
