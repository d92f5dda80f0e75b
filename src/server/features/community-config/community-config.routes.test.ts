import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommunityWorld, type CommunityWorld } from "../../../../test/community";
import { errorOf } from "../../../../test/http";
import { testEngines } from "../../../../test/test-db";
import type { FeedbackSurvey, TaxonomyEntry } from "../../../core/schemas/community-config";

describe.each(testEngines())("community taxonomies (%s)", (engine) => {
  let world: CommunityWorld;
  const entries = async (kind: "topics" | "categories") =>
    (await world.call("co.p1", "GET", `/api/community/${kind}`)).json<{
      entries: TaxonomyEntry[];
    }>().entries;

  beforeAll(async () => {
    world = await createCommunityWorld(engine);
  });
  afterAll(async () => {
    await world?.close();
  });

  it("lists the seeded entries by locale key, and the default survey", async () => {
    const topics = await entries("topics");
    expect(topics[0]).toMatchObject({
      code: "trafficking_smuggling",
      name: null,
      nameKey: "community.topics.trafficking_smuggling",
      isActive: true,
    });
    expect((await entries("categories")).at(-1)).toMatchObject({
      code: "other",
      nameKey: "community.categories.other",
    });
    const surveys = (await world.call("um.p1", "GET", "/api/community/surveys")).json<{
      surveys: FeedbackSurvey[];
    }>().surveys;
    expect(surveys[0]?.questions.map((q) => [q.code, q.kind, q.textKey])).toEqual([
      ["satisfaction", "scale_1_5", "community.feedback.satisfaction"],
      ["trust_police", "scale_1_5", "community.feedback.trust_police"],
      ["felt_safe_reporting", "yes_no", "community.feedback.felt_safe_reporting"],
    ]);
  });

  it("lets only holders of community.configure at the root add and retire entries", async () => {
    const body = { code: "water_disputes", name: "Water disputes <irrigation>" };
    expect((await world.call("co.hq", "POST", "/api/community/topics", body)).statusCode).toBe(403);
    const created = await world.call("admin.hq", "POST", "/api/community/topics", body);
    expect(created.statusCode, created.body).toBe(201);
    const topic = created.json<TaxonomyEntry>();
    expect(topic).toMatchObject({ ...body, nameKey: null, isActive: true });
    const again = await world.call("admin.hq", "POST", "/api/community/topics", body);
    expect(errorOf(again)).toEqual({
      code: "community.code_taken",
      details: { code: "water_disputes" },
    });
    const retired = await world.call("admin.hq", "PATCH", `/api/community/topics/${topic.id}`, {
      isActive: false,
    });
    expect(retired.json<TaxonomyEntry>().isActive).toBe(false);
    const session = await world.call("co.p1", "POST", "/api/outreach/sessions", {
      heldOn: "2024-06-01",
      unitId: world.tree.id("P1"),
      place: "Hall",
      topicIds: [topic.id],
    });
    expect(errorOf(session).details).toEqual({
      field: "topicIds",
      value: topic.id,
      reason: "unknown",
    });
    const missing = await world.call("admin.hq", "PATCH", "/api/community/categories/999999", {
      isActive: false,
    });
    expect(errorOf(missing)).toEqual({
      code: "community.not_found",
      details: { entity: "category", id: 999999 },
    });
  });
});
