import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrgTree, seedUser, TEST_PASSWORD, type SeededTree } from "../../../../test/factories";
import { errorOf, injectAs, signIn } from "../../../../test/http";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import type { AuditEntry, AuditPage } from "../../../core/schemas/audit";
import { buildApp } from "../../app";
import { verifyAuditChain } from "../../audit/verify";

const DAY = 24 * 60 * 60 * 1000;
const EVIL_AGENT = '=HYPERLINK("http://evil.example","x")';

describe.each(testEngines())("audit routes (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let app: FastifyInstance;
  let clock = Date.UTC(2025, 2, 1, 10, 0, 0);
  let auditor: string;
  let provincial: string;

  const login = (username: string, password: string, userAgent = "vitest-agent") =>
    app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username, password },
      headers: { "user-agent": userAgent },
    });
  const browse = async (cookie: string, query = "") => {
    const response = await injectAs(app, cookie, { method: "GET", url: `/api/audit${query}` });
    expect(response.statusCode).toBe(200);
    return response.json<AuditPage>();
  };
  const actions = (entries: readonly AuditEntry[]) => entries.map((e) => e.action);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    await seedUser(database.db, tree, { username: "ana", role: "hq-analyst", unitCode: "P1-D1" });
    await seedUser(database.db, tree, { username: "pia", role: "hq-analyst", unitCode: "P2" });
    await seedUser(database.db, tree, { username: "aud", role: "auditor", unitCode: "HQ" });
    await seedUser(database.db, tree, { username: "pete", role: "auditor", unitCode: "P1" });
    app = await buildApp({ database, now: () => new Date(clock) });
    // Day 1: ana signs in from a spreadsheet-hostile client, fails once; an unknown name fails.
    expect((await login("ana", TEST_PASSWORD, EVIL_AGENT)).statusCode).toBe(200);
    expect((await login("ana", "not-the-password")).statusCode).toBe(401);
    expect((await login("nobody-typed-this", "secret-typed-here")).statusCode).toBe(401);
    // Day 5: pia signs in; then the auditors.
    clock += 4 * DAY;
    expect((await login("pia", TEST_PASSWORD)).statusCode).toBe(200);
    auditor = await signIn(app, "aud");
    provincial = await signIn(app, "pete");
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("records sign-ins with outcome, IP and user agent, never a password or an unknown name", async () => {
    const page = await browse(auditor, "?action=auth.sign_in&user=ana");
    expect(
      page.entries.map((e) => [e.action, e.outcome, e.actorUsername, e.entityType, e.orgUnitId]),
    ).toEqual([
      ["auth.sign_in", "failure", "ana", "user", tree.id("P1-D1")],
      ["auth.sign_in", "success", "ana", "user", tree.id("P1-D1")],
    ]);
    expect(page.entries[1]).toMatchObject({ ip: "127.0.0.1", userAgent: EVIL_AGENT, fields: [] });
    const everything = await browse(auditor, "?limit=200");
    const unknown = everything.entries.filter(
      (e) => e.action === "auth.sign_in" && e.actorUserId === null,
    );
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ outcome: "failure", actorUsername: null, entityId: null });
    const text = JSON.stringify(everything);
    for (const secret of [TEST_PASSWORD, "not-the-password", "secret-typed-here", "nobody-typed"])
      expect(text).not.toContain(secret);
  });

  it("is for auditors and admins only", async () => {
    const analyst = await signIn(app, "pia");
    for (const url of ["/api/audit", "/api/audit/export.csv"]) {
      const denied = await injectAs(app, analyst, { method: "GET", url });
      expect(denied.statusCode).toBe(403);
      expect(errorOf(denied)).toEqual({
        code: "auth.forbidden",
        details: { action: expect.stringMatching(/^audit\./) as string },
      });
      expect((await app.inject({ method: "GET", url })).statusCode).toBe(401);
    }
  });

  it("filters by action prefix, unit subtree and UTC date range, newest first", async () => {
    const auth = await browse(auditor, "?action=auth.&limit=200");
    expect(new Set(actions(auth.entries)).size).toBeGreaterThan(0);
    expect(auth.entries.every((e) => e.action.startsWith("auth."))).toBe(true);
    const ids = auth.entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const p1 = await browse(auditor, `?unit=${tree.id("P1")}&limit=200`);
    const p1Units = new Set(p1.entries.map((e) => e.orgUnitId));
    expect(p1Units).toEqual(new Set([tree.id("P1-D1"), tree.id("P1")]));

    const day1 = await browse(auditor, "?from=2025-03-01&to=2025-03-01&action=auth.sign_in");
    expect(day1.entries.map((e) => e.outcome)).toEqual(["failure", "failure", "success"]);
    const day5 = await browse(auditor, "?from=2025-03-05&action=auth.sign_in&user=pia");
    expect(new Set(day5.entries.map((e) => e.occurredAt))).toEqual(
      new Set(["2025-03-05T10:00:00.000Z"]),
    );
    const none = await browse(auditor, "?from=2025-03-02&to=2025-03-04");
    expect(none).toEqual({ entries: [], nextBefore: null });
  });

  it("pages with a keyset cursor", async () => {
    const first = await browse(auditor, "?action=auth.sign_in&limit=2");
    expect(first.entries).toHaveLength(2);
    expect(first.nextBefore).toBe(first.entries[1]?.id);
    const second = await browse(auditor, `?action=auth.sign_in&limit=2&before=${first.nextBefore}`);
    expect(second.entries[0]?.id).toBeLessThan(first.entries[1]?.id ?? 0);
    const all = await browse(auditor, "?action=auth.sign_in&limit=200");
    expect([...first.entries, ...second.entries].map((e) => e.id)).toEqual(
      all.entries.slice(0, 4).map((e) => e.id),
    );
  });

  it("limits a provincial auditor to the entries of their subtree", async () => {
    const page = await browse(provincial, "?limit=200");
    const p1 = [tree.id("P1"), tree.id("P1-D1"), tree.id("P1-D1-S1"), tree.id("P1-D2")];
    expect(page.entries.length).toBeGreaterThan(0);
    expect(page.entries.every((e) => e.orgUnitId !== null && p1.includes(e.orgUnitId))).toBe(true);
    const outside = await injectAs(app, provincial, {
      method: "GET",
      url: `/api/audit?unit=${tree.id("P2")}`,
    });
    expect(outside.statusCode).toBe(404);
    expect(errorOf(outside).code).toBe("org_unit.not_found");
  });

  it("validates the filters", async () => {
    for (const query of [
      "?from=2025-3-1",
      "?to=2025-13-01",
      "?from=2025-02-29",
      "?limit=0",
      "?limit=201",
      "?action=DROP%20TABLE",
    ]) {
      const response = await injectAs(app, auditor, { method: "GET", url: `/api/audit${query}` });
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).code).toBe("request.invalid");
    }
  });

  it("exports CSV with formula-safe cells, and records the export and every browse", async () => {
    const response = await injectAs(app, auditor, {
      method: "GET",
      url: "/api/audit/export.csv?user=ana",
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="tandem-audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = response.body.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "id,occurred_at,actor_user_id,actor_username,action,entity_type,entity_id,org_unit_id,fields,outcome,ip,user_agent,prev_hash,hash",
    );
    expect(lines.slice(1).map((l) => l.split(",")[4])).toEqual(["auth.sign_in", "auth.sign_in"]);
    expect(response.body).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(response.body).not.toMatch(/,=HYPERLINK/);

    const trail = await browse(auditor, "?action=audit.&limit=200");
    const exported = trail.entries.find((e) => e.action === "audit.export");
    expect(exported).toMatchObject({
      actorUsername: "aud",
      entityType: "audit_log",
      fields: lines[0]?.split(","),
      outcome: "success",
    });
    expect(trail.entries.filter((e) => e.action === "audit.read").length).toBeGreaterThan(5);
  });

  it("leaves an intact hash chain", async () => {
    const report = await verifyAuditChain(database.db);
    expect(report.broken).toBeNull();
    const newest = await browse(auditor, "?limit=1");
    // The page was read before its own browse was recorded.
    expect(report.count).toBe(newest.entries[0]?.id);
  });
});
