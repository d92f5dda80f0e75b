import { Writable } from "node:stream";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  COMMUNITY_TEST_KEY,
  createCommunityWorld,
  type CommunityWorld,
} from "../../../../test/community";
import { errorOf } from "../../../../test/http";
import {
  issueByReference,
  residentOf,
  residentProblem,
  submitted,
} from "../../../../test/public-channel";
import { testEngines } from "../../../../test/test-db";
import type { IssueDetail } from "../../../core/schemas/community-issues";
import type { PublicIssueReceipt } from "../../../core/schemas/public-channel";
import { buildApp } from "../../app";
import { createLogger } from "../../logger";

describe.each(testEngines())("public channel: anonymity and follow-up secrets (%s)", (engine) => {
  let world: CommunityWorld;

  const issueRow = (reference: string) => issueByReference(world.database.db, reference);

  beforeAll(async () => {
    world = await createCommunityWorld(engine);
  });
  afterAll(async () => {
    await world?.close();
  });

  it("keeps nothing identifying of an anonymous resident", async () => {
    const resident = residentOf(world.app);
    const response = await world.app.inject({
      method: "POST",
      url: "/api/public/issues",
      remoteAddress: resident.address,
      headers: { "user-agent": "Mozilla/5.0 (Linux; Android 14) Chrome-Fingerprint-77" },
      payload: {
        ...residentProblem,
        isAnonymous: true,
        contact: undefined,
        raisedBy: { sex: "F", ageGroup: "adult" },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const { reference } = response.json<PublicIssueReceipt>();
    const row = await issueRow(reference);
    expect(row).toMatchObject({
      is_anonymous: true,
      contact_encrypted: null,
      created_by: null,
      assignee_id: null,
      raised_by_sex: "F",
    });
    const events = await world.database.db
      .selectFrom("community_issue_events")
      .selectAll()
      .where("issue_id", "=", row.id)
      .execute();
    expect(events.map((e) => [e.kind, e.actor_kind, e.actor_user_id])).toEqual([
      ["created", "resident", null],
    ]);
    const stored = JSON.stringify([row, events]);
    expect(stored).not.toContain(resident.address);
    expect(stored).not.toContain("Fingerprint");
    // The entry is written with the issue, in its statement (this world's recorder links nothing).
    const audited = await world.database.db
      .selectFrom("audit_inbox")
      .selectAll()
      .where("entity_id", "=", String(row.id))
      .execute();
    expect(audited).toEqual([
      expect.objectContaining({
        action: "community_issue.resident_create",
        entity_type: "community_issue",
        actor_user_id: null,
        actor_username: null,
        ip: null,
        user_agent: null,
        outcome: "success",
      }),
    ]);
    expect(JSON.stringify([audited, world.audit.entries])).not.toContain(resident.address);
  });

  it("refuses a contact with anonymity, and no contact without it, writing nothing", async () => {
    const before = await world.count("community_issues");
    const withContact = await residentOf(world.app).submit({
      ...residentProblem,
      isAnonymous: true,
    });
    expect(withContact.statusCode).toBe(400);
    expect(errorOf(withContact)).toEqual({
      code: "community.invalid_value",
      details: { field: "contact", value: "(withheld)", reason: "not_allowed" },
    });
    expect(withContact.body).not.toContain("345 678");
    const without = await residentOf(world.app).submit({ ...residentProblem, contact: null });
    expect(errorOf(without)).toEqual({
      code: "public.contact_required",
      details: { field: "contact" },
    });
    const unknownUnit = await residentOf(world.app).submit({ ...residentProblem, unit: "NU-CID" });
    expect(errorOf(unknownUnit)).toEqual({
      code: "community.invalid_value",
      details: { field: "unit", value: "NU-CID", reason: "unknown" },
    });
    const unknownCategory = await residentOf(world.app).submit({
      ...residentProblem,
      category: "x",
    });
    expect(errorOf(unknownCategory).details).toMatchObject({
      field: "category",
      reason: "unknown",
    });
    expect(await world.count("community_issues")).toBe(before);
    const national = await submitted(world.app, { ...residentProblem, unit: undefined });
    expect((await issueRow(national.reference)).org_unit_id).toBe(world.tree.id("HQ"));
  });

  it("refuses a unit closed and a category retired since the codes were kept, writing nothing", async () => {
    await submitted(world.app, { ...residentProblem, unit: "P1-D2", category: "land_dispute" });
    const before = await world.count("community_issues");
    await sql`UPDATE org_units SET closed_on = '2024-06-01' WHERE code = 'P1-D2'`.execute(
      world.database.db,
    );
    await sql`UPDATE issue_categories SET is_active = false WHERE code = 'land_dispute'`.execute(
      world.database.db,
    );
    try {
      const closed = await residentOf(world.app).submit({ ...residentProblem, unit: "P1-D2" });
      expect(errorOf(closed)).toEqual({
        code: "community.invalid_value",
        details: { field: "unit", value: "P1-D2", reason: "unknown" },
      });
      const retired = await residentOf(world.app).submit({
        ...residentProblem,
        category: "land_dispute",
      });
      expect(errorOf(retired)).toEqual({
        code: "community.invalid_value",
        details: { field: "category", value: "land_dispute", reason: "unknown" },
      });
      expect(await world.count("community_issues")).toBe(before);
    } finally {
      await sql`UPDATE org_units SET closed_on = NULL WHERE code = 'P1-D2'`.execute(
        world.database.db,
      );
      await sql`UPDATE issue_categories SET is_active = true WHERE code = 'land_dispute'`.execute(
        world.database.db,
      );
    }
  });

  it("answers a forged secret, an unknown reference and an officer's issue with the same 404", async () => {
    const mine = await submitted(world.app);
    const other = await submitted(world.app);
    const officers = (
      await world.call("co.p1", "POST", "/api/community-issues", {
        source: "walk_in",
        unitId: world.tree.id("P1"),
        categoryId: await world.categoryId("other"),
        description: "Recorded at the desk",
      })
    ).json<IssueDetail>();
    const forged = `${mine.followUpSecret.slice(0, -1)}${mine.followUpSecret.endsWith("A") ? "B" : "A"}`;
    const unknown = mine.reference === "2222222222" ? "3333333333" : "2222222222";
    const resident = residentOf(world.app);
    const attempts = [
      await resident.follow(mine.reference, forged),
      await resident.follow(mine.reference, other.followUpSecret),
      await resident.follow(mine.reference, "x"),
      await resident.follow(unknown, mine.followUpSecret),
      await resident.follow("<script>", mine.followUpSecret),
      await resident.follow(officers.reference, mine.followUpSecret),
      await resident.confirm(mine.reference, forged, { answer: "fixed" }),
      await resident.confirm(unknown, mine.followUpSecret, { answer: "fixed" }),
    ];
    for (const attempt of attempts) expect(attempt.statusCode, attempt.body).toBe(404);
    expect(new Set(attempts.map((a) => a.body))).toEqual(
      new Set([JSON.stringify({ error: { code: "public.not_found", details: {} } })]),
    );
    expect((await issueRow(mine.reference)).resident_confirmation).toBeNull();
    expect((await resident.follow(mine.reference, mine.followUpSecret)).statusCode).toBe(200);
    const missing = await resident.follow(mine.reference);
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing).code).toBe("request.invalid");
  });

  it("writes no request line of the public channel to the log: no address, no secret", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString("utf8"));
        done();
      },
    });
    const logged = await buildApp({
      database: world.database,
      logger: createLogger("info", sink),
      secretKey: COMMUNITY_TEST_KEY,
    });
    try {
      const resident = residentOf(logged);
      const created = await resident.submit(residentProblem);
      expect(created.statusCode).toBe(201);
      const receipt = created.json<PublicIssueReceipt>();
      expect((await resident.follow(receipt.reference, receipt.followUpSecret)).statusCode).toBe(
        200,
      );
      await resident.follow(receipt.reference, "forged");
      await logged.inject({ method: "GET", url: "/healthz", remoteAddress: "203.0.113.9" });
    } finally {
      await logged.close();
    }
    const log = lines.join("");
    // Other routes log their request lines with the address, as before.
    expect(log).toContain("203.0.113.9");
    expect(log).not.toContain("/api/public");
    expect(log).not.toContain("198.51.");
  });

  it("hands out references that are random, not sequential", async () => {
    const references = [];
    for (let i = 0; i < 6; i++) references.push((await submitted(world.app)).reference);
    expect(new Set(references).size).toBe(references.length);
    const prefixes = new Set(references.map((r) => r.slice(0, 4)));
    expect(prefixes.size).toBeGreaterThan(1);
  });
});
