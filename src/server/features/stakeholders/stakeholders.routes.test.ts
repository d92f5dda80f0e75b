import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommunityWorld, type CommunityWorld } from "../../../../test/community";
import { errorOf } from "../../../../test/http";
import { testEngines } from "../../../../test/test-db";
import type { IssueDetail } from "../../../core/schemas/community-issues";
import type { Stakeholder } from "../../../core/schemas/stakeholders";

describe.each(testEngines())("stakeholders and referrals (%s)", (engine) => {
  let world: CommunityWorld;
  let shelter: Stakeholder;
  let national: Stakeholder;

  const stakeholders = async (user: "co.p1" | "co.p2" | "co.p1d1", query = "") => {
    const response = await world.call(user, "GET", `/api/stakeholders${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ stakeholders: Stakeholder[] }>().stakeholders;
  };

  beforeAll(async () => {
    world = await createCommunityWorld(engine);
    const local = await world.call("co.p1", "POST", "/api/stakeholders", {
      name: "Women's shelter <Hope>",
      type: "shelter",
      services: "Safe accommodation, counselling",
      contacts: "+855 23 000 000",
      unitIds: [world.tree.id("P1-D1"), world.tree.id("P1-D2")],
    });
    expect(local.statusCode, local.body).toBe(201);
    shelter = local.json<Stakeholder>();
    const wide = await world.call("co.hq", "POST", "/api/stakeholders", {
      name: "Ministry of Women's Affairs",
      type: "government_department",
      unitIds: [world.tree.id("HQ")],
    });
    expect(wide.statusCode, wide.body).toBe(201);
    national = wide.json<Stakeholder>();
  });
  afterAll(async () => {
    await world?.close();
  });

  it("shows each area the organisations serving it, naming only units in scope", async () => {
    expect(shelter).toMatchObject({
      name: "Women's shelter <Hope>",
      isActive: true,
      hasCoverageOutsideScope: false,
      units: [{ id: world.tree.id("P1-D1") }, { id: world.tree.id("P1-D2") }],
    });
    const p1 = await stakeholders("co.p1");
    expect(p1.map((s) => s.id).sort()).toEqual([shelter.id, national.id].sort());
    expect(p1.find((s) => s.id === national.id)).toMatchObject({
      units: [],
      hasCoverageOutsideScope: true,
    });
    const district = await stakeholders("co.p1d1");
    expect(district.find((s) => s.id === shelter.id)).toMatchObject({
      units: [{ id: world.tree.id("P1-D1") }],
      hasCoverageOutsideScope: true,
    });
    expect((await stakeholders("co.p2")).map((s) => s.id)).toEqual([national.id]);
    expect((await world.call("co.p2", "GET", `/api/stakeholders/${shelter.id}`)).statusCode).toBe(
      404,
    );
    const byUnit = await stakeholders("co.p1", `?unit=${world.tree.id("P1-D1-S1")}`);
    expect(byUnit.map((s) => s.id).sort()).toEqual([shelter.id, national.id].sort());
    expect(
      await stakeholders("co.p1", `?unit=${world.tree.id("P1-D2")}&type=shelter`),
    ).toHaveLength(1);
    expect(
      (await world.call("co.p2", "GET", `/api/stakeholders?unit=${world.tree.id("P1")}`))
        .statusCode,
    ).toBe(404);
  });

  it("lets only a caller covering every unit change an entry", async () => {
    const foreign = await world.call("co.p1", "PATCH", `/api/stakeholders/${national.id}`, {
      isActive: false,
    });
    expect(errorOf(foreign)).toEqual({
      code: "community.not_found",
      details: { entity: "stakeholder", id: national.id },
    });
    const outside = await world.call("co.p1", "PATCH", `/api/stakeholders/${shelter.id}`, {
      unitIds: [world.tree.id("P1-D1"), world.tree.id("P2")],
    });
    expect(errorOf(outside)).toEqual({
      code: "org_unit.not_found",
      details: { id: world.tree.id("P2") },
    });
    const duplicate = await world.call("co.p1", "POST", "/api/stakeholders", {
      name: "Legal aid",
      type: "legal_aid",
      unitIds: [world.tree.id("P1"), world.tree.id("P1")],
    });
    expect(errorOf(duplicate).details).toEqual({
      field: "unitIds",
      value: world.tree.id("P1"),
      reason: "duplicate",
    });
    const renamed = await world.call("co.p1", "PATCH", `/api/stakeholders/${shelter.id}`, {
      services: "x".repeat(2001),
    });
    expect(errorOf(renamed).code).toBe("community.text_too_long");
    expect(
      (await world.call("co.p1", "GET", `/api/stakeholders/${shelter.id}`)).json<Stakeholder>(),
    ).toMatchObject({
      services: "Safe accommodation, counselling",
      units: [{ id: world.tree.id("P1-D1") }, { id: world.tree.id("P1-D2") }],
    });
  });

  it("refers an issue (it becomes referred), records the answer, and refuses closed issues", async () => {
    const created = await world.call("co.p1", "POST", "/api/community-issues", {
      source: "walk_in",
      unitId: world.tree.id("P1-D1"),
      categoryId: await world.categoryId("domestic_violence"),
      description: "Needs a safe place tonight",
    });
    const issue = created.json<IssueDetail>();
    const referred = await world.call(
      "co.p1",
      "POST",
      `/api/community-issues/${issue.id}/referrals`,
      {
        stakeholderId: shelter.id,
        request: "Emergency accommodation for a woman and two children",
        sentOn: "2024-06-14",
      },
    );
    expect(referred.statusCode, referred.body).toBe(201);
    const detail = referred.json<IssueDetail>();
    expect(detail).toMatchObject({ status: "referred", firstOutcome: "referred" });
    const referral = detail.referrals[0];
    expect(referral).toMatchObject({
      stakeholder: { id: shelter.id, type: "shelter" },
      outcome: null,
    });
    const url = `/api/community-issues/${issue.id}/referrals/${referral?.id}`;
    const incomplete = await world.call("co.p1", "PATCH", url, { outcome: "resolved" });
    expect(errorOf(incomplete).details).toEqual({
      field: "outcome",
      value: "resolved",
      reason: "incomplete",
    });
    const early = await world.call("co.p1", "PATCH", url, { responseOn: "2024-06-01" });
    expect(errorOf(early).details).toEqual({
      field: "responseOn",
      value: "2024-06-01",
      reason: "too_early",
    });
    const answered = await world.call("co.p1", "PATCH", url, {
      response: "Placed in the shelter",
      responseOn: "2024-06-15",
      outcome: "resolved",
    });
    expect(answered.json<IssueDetail>().referrals[0]).toMatchObject({
      response: "Placed in the shelter",
      responseOn: "2024-06-15",
      outcome: "resolved",
    });
    await world.call("co.p1", "POST", `/api/community-issues/${issue.id}/transitions`, {
      to: "resolved",
    });
    const closed = await world.call(
      "co.p1",
      "POST",
      `/api/community-issues/${issue.id}/referrals`,
      {
        stakeholderId: national.id,
        request: "More help",
        sentOn: "2024-06-15",
      },
    );
    expect(errorOf(closed)).toEqual({
      code: "community.issue_closed",
      details: { reference: issue.reference, status: "resolved" },
    });
  });

  it("refuses an inactive stakeholder or one serving another area as a referral target", async () => {
    const p2Shelter = await world.call("co.p2", "POST", "/api/stakeholders", {
      name: "P2 shelter",
      type: "shelter",
      unitIds: [world.tree.id("P2")],
    });
    const issue = (
      await world.call("co.p1", "POST", "/api/community-issues", {
        source: "phone",
        unitId: world.tree.id("P1"),
        categoryId: await world.categoryId("other"),
        description: "Call",
      })
    ).json<IssueDetail>();
    const refer = (stakeholderId: number) =>
      world.call("co.p1", "POST", `/api/community-issues/${issue.id}/referrals`, {
        stakeholderId,
        request: "Help",
        sentOn: "2024-06-15",
      });
    const other = p2Shelter.json<Stakeholder>().id;
    expect(errorOf(await refer(other)).details).toEqual({
      field: "stakeholderId",
      value: other,
      reason: "unknown",
    });
    await world.call("co.hq", "PATCH", `/api/stakeholders/${national.id}`, { isActive: false });
    expect(errorOf(await refer(national.id)).details.reason).toBe("unknown");
    const referrals = await world.count("referrals");
    expect(referrals).toBe(1);
  });
});
