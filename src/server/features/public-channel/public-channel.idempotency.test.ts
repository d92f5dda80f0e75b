import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommunityWorld, type CommunityWorld } from "../../../../test/community";
import { errorOf } from "../../../../test/http";
import { residentOf, residentProblem, submitted } from "../../../../test/public-channel";
import { testEngines } from "../../../../test/test-db";
import type { PublicIssueReceipt } from "../../../core/schemas/public-channel";

describe.each(testEngines())("public channel: a retried submission (%s)", (engine) => {
  let world: CommunityWorld;

  const issuesDescribed = async (description: string) =>
    world.database.db
      .selectFrom("community_issues")
      .select(["reference", "client_key_hash"])
      .where("description", "=", description)
      .execute();

  beforeAll(async () => {
    world = await createCommunityWorld(engine);
  });
  afterAll(async () => {
    await world?.close();
  });

  it("answers a retry with the same client id with the same receipt and records one issue", async () => {
    const clientId = randomUUID();
    const body = { ...residentProblem, description: `retried ${clientId}`, clientId };
    const first = await submitted(world.app, body);
    const again = await submitted(world.app, body);
    expect(again).toEqual(first);
    const rows = await issuesDescribed(body.description);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.client_key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(clientId);
    // The receipt's link opens the issue.
    const follow = await residentOf(world.app).follow(first.reference, first.followUpSecret);
    expect(follow.statusCode).toBe(200);
  });

  it("records two retries that race once, and answers both with the same receipt", async () => {
    const clientId = randomUUID();
    const body = { ...residentProblem, description: `raced ${clientId}`, clientId };
    const answers = await Promise.all([
      residentOf(world.app).submit(body),
      residentOf(world.app).submit(body),
      residentOf(world.app).submit(body),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    const receipts = answers.map((a) => a.json<PublicIssueReceipt>());
    expect(new Set(receipts.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(await issuesDescribed(body.description)).toHaveLength(1);
  });

  it("keeps different client ids, and submissions without one, apart", async () => {
    const description = `apart ${randomUUID()}`;
    const a = await submitted(world.app, {
      ...residentProblem,
      description,
      clientId: randomUUID(),
    });
    const b = await submitted(world.app, {
      ...residentProblem,
      description,
      clientId: randomUUID(),
    });
    const c = await submitted(world.app, { ...residentProblem, description });
    const d = await submitted(world.app, { ...residentProblem, description });
    expect(new Set([a, b, c, d].map((r) => r.reference)).size).toBe(4);
    expect(new Set([a, b, c, d].map((r) => r.followUpSecret)).size).toBe(4);
    const rows = await issuesDescribed(description);
    expect(rows.filter((r) => r.client_key_hash === null)).toHaveLength(2);
  });

  it("refuses a client id that is not a UUID", async () => {
    const response = await residentOf(world.app).submit({
      ...residentProblem,
      clientId: "not-a-uuid",
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe("request.invalid");
  });
});
