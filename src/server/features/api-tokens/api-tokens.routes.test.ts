import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryAuditRecorder } from "../../../../test/audit";
import { seedOrgTree, seedUser, type SeededTree } from "../../../../test/factories";
import { errorOf } from "../../../../test/http";
import { injectWith, openSession, type TestSession } from "../../../../test/sessions";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import type { ApiToken } from "../../../core/schemas/api-tokens";
import { buildApp } from "../../app";
import { hashToken } from "../../security/tokens";

describe.each(testEngines())("API tokens (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let app: FastifyInstance;
  let admin: TestSession;
  let analyst: TestSession;
  let clock = Date.parse("2024-06-15T10:00:00Z");
  const audit = createMemoryAuditRecorder();

  const create = (body: object, as: TestSession = admin) =>
    injectWith(app, as, { method: "POST", url: "/api/tokens", payload: body });
  const bearer = (token: string, url: string, method: "GET" | "POST" = "GET", payload?: object) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
  const list = async () =>
    (await injectWith(app, admin, { method: "GET", url: "/api/tokens" })).json<{
      tokens: ApiToken[];
    }>().tokens;
  const issue = async (name: string, role: string, unit: string, expiresOn = "2024-12-31") => {
    const response = await create({ name, role, orgUnitId: tree.id(unit), expiresOn });
    expect(response.statusCode).toBe(201);
    return response.json<{ token: string; apiToken: ApiToken }>();
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    const session = async (username: string, role: string, unitCode: string) =>
      openSession(database.db, await seedUser(database.db, tree, { username, role, unitCode }));
    admin = await session("admin.hq", "admin", "HQ");
    analyst = await session("ana.hq", "hq-analyst", "HQ");
    app = await buildApp({ database, audit, now: () => new Date(clock) });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("shows a new token once, stores only its SHA-256, and audits the creation", async () => {
    const { token, apiToken } = await issue("HR sync", "hq-analyst", "P1");
    expect(token).toMatch(/^tnd_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toEqual({
      id: expect.any(Number) as number,
      name: "HR sync",
      role: "hq-analyst",
      orgUnitId: tree.id("P1"),
      createdBy: "admin.hq",
      createdAt: "2024-06-15T10:00:00.000Z",
      expiresAt: "2025-01-01T00:00:00.000Z",
      lastUsedAt: null,
      revokedAt: null,
    });
    const stored = await database.db
      .selectFrom("api_tokens")
      .select("token_hash")
      .where("id", "=", apiToken.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(await list())).not.toContain(token);
    expect(audit.entries.at(-1)).toMatchObject({
      action: "api_token.create",
      entityType: "api_token",
      entityId: String(apiToken.id),
      orgUnitId: tree.id("P1"),
      outcome: "success",
      actor: { username: "admin.hq" },
    });
  });

  it("acts as its role at its unit through the same access table and scope", async () => {
    const { token, apiToken } = await issue("P1 dashboard", "hq-analyst", "P1");
    const units = await bearer(token, "/api/org-units");
    expect(units.statusCode).toBe(200);
    const codes = units.json<{ units: Array<{ code: string }> }>().units.map((u) => u.code);
    expect(codes.sort()).toEqual(["P1", "P1-D1", "P1-D1-S1", "P1-D2"]);
    const outside = await bearer(token, `/api/workforce/headline?unit=${tree.id("P2")}`);
    expect([outside.statusCode, errorOf(outside).code]).toEqual([404, "org_unit.not_found"]);
    const inside = await bearer(token, `/api/workforce/headline?unit=${tree.id("P1-D1")}`);
    expect(inside.statusCode).toBe(200);

    const auditor = await issue("Audit feed", "auditor", "HQ");
    const denied = await bearer(auditor.token, "/api/workforce/headline");
    expect([denied.statusCode, errorOf(denied)]).toEqual([
      403,
      { code: "auth.forbidden", details: { action: "workforce.headline.read" } },
    ]);

    clock += 5 * 60_000;
    await bearer(token, "/api/org-units");
    const listed = (await list()).find((t) => t.id === apiToken.id);
    expect(listed?.lastUsedAt).toBe(new Date(clock).toISOString());
  });

  it("reaches no own-account route and cannot manage tokens; needs no CSRF token", async () => {
    const { token } = await issue("Reader", "hq-analyst", "HQ");
    const me = await bearer(token, "/api/auth/me");
    expect([me.statusCode, errorOf(me)]).toEqual([
      403,
      { code: "auth.forbidden", details: { action: "account" } },
    ]);
    const write = await bearer(token, "/api/tokens", "POST", {
      name: "Escalation",
      role: "hq-analyst",
      orgUnitId: tree.id("HQ"),
      expiresOn: "2024-12-31",
    });
    expect([write.statusCode, errorOf(write).code]).toEqual([403, "auth.forbidden"]);
  });

  it("refuses an unknown, malformed, expired or revoked token, and never falls back to the cookie", async () => {
    const { token, apiToken } = await issue("Short-lived", "hq-analyst", "HQ", "2024-06-20");
    const unknown = `tnd_${"A".repeat(43)}`;
    for (const value of [unknown, "not-a-token", token.slice(0, -1)]) {
      expect((await bearer(value, "/api/org-units")).statusCode).toBe(401);
    }
    const withCookie = await app.inject({
      method: "GET",
      url: "/api/org-units",
      headers: { authorization: `Bearer ${unknown}`, cookie: admin.cookie },
    });
    expect(withCookie.statusCode).toBe(401);

    clock = Date.parse("2024-06-20T23:59:00Z");
    expect((await bearer(token, "/api/org-units")).statusCode).toBe(200);
    clock = Date.parse("2024-06-21T00:00:00Z");
    expect((await bearer(token, "/api/org-units")).statusCode).toBe(401);
    clock = Date.parse("2024-06-15T12:00:00Z");

    const live = await issue("To revoke", "hq-analyst", "HQ");
    const revoke = await injectWith(app, admin, {
      method: "DELETE",
      url: `/api/tokens/${live.apiToken.id}`,
    });
    expect(revoke.statusCode).toBe(204);
    expect((await bearer(live.token, "/api/org-units")).statusCode).toBe(401);
    expect((await list()).find((t) => t.id === live.apiToken.id)?.revokedAt).toBe(
      new Date(clock).toISOString(),
    );
    expect(audit.entries.at(-1)).toMatchObject({ action: "api_token.revoke", outcome: "success" });
    const again = await injectWith(app, admin, { method: "DELETE", url: "/api/tokens/999999" });
    expect([again.statusCode, errorOf(again).code]).toEqual([404, "api_token.not_found"]);
    expect(apiToken.expiresAt).toBe("2024-06-21T00:00:00.000Z");
  });

  it("stops working when its creator's account is disabled", async () => {
    const creatorId = await seedUser(database.db, tree, {
      username: "admin.two",
      role: "admin",
      unitCode: "HQ",
    });
    const creator = await openSession(database.db, creatorId);
    const created = await create(
      { name: "Orphan", role: "hq-analyst", orgUnitId: tree.id("HQ"), expiresOn: "2024-12-31" },
      creator,
    );
    const { token } = created.json<{ token: string }>();
    expect((await bearer(token, "/api/org-units")).statusCode).toBe(200);
    await database.db
      .updateTable("users")
      .set({ is_disabled: true })
      .where("id", "=", creatorId)
      .execute();
    expect((await bearer(token, "/api/org-units")).statusCode).toBe(401);
  });

  it.each([
    ["an admin role", { role: "admin" }, 400, "request.invalid"],
    ["an expiry in the past", { expiresOn: "2024-06-14" }, 400, "request.invalid"],
    ["an expiry beyond a year", { expiresOn: "2025-07-01" }, 400, "request.invalid"],
    ["an unknown unit", { orgUnitId: 999999 }, 404, "org_unit.not_found"],
    ["an empty name", { name: "  " }, 400, "request.invalid"],
  ])("refuses %s", async (_case, change, status, code) => {
    const body = {
      name: "Bad",
      role: "hq-analyst",
      orgUnitId: tree.id("HQ"),
      expiresOn: "2024-12-31",
      ...change,
    };
    const response = await create(body);
    expect([response.statusCode, errorOf(response).code]).toEqual([status, code]);
  });

  it("is for administrators only", async () => {
    const body = {
      name: "X",
      role: "hq-analyst",
      orgUnitId: tree.id("HQ"),
      expiresOn: "2024-12-31",
    };
    const response = await create(body, analyst);
    expect([response.statusCode, errorOf(response).code]).toEqual([403, "auth.forbidden"]);
    const listing = await injectWith(app, analyst, { method: "GET", url: "/api/tokens" });
    expect(listing.statusCode).toBe(403);
  });
});
