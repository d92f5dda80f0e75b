import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryAuditRecorder } from "../../../../test/audit";
import { seedOrgTree, seedUser, type SeededTree } from "../../../../test/factories";
import { injectAs, signIn } from "../../../../test/http";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import { buildApp } from "../../app";

describe.each(testEngines())("audit of session and profile events (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let app: FastifyInstance;
  let anaId: number;
  const audit = createMemoryAuditRecorder();
  const since = (start: number, action: string) =>
    audit.entries.slice(start).filter((e) => e.action === action);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    anaId = await seedUser(database.db, tree, {
      username: "ana",
      role: "hq-analyst",
      unitCode: "P1-D1",
    });
    app = await buildApp({ database, audit });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("records a language change as a write of the field locale, without its value", async () => {
    const cookie = await signIn(app, "ana");
    const start = audit.entries.length;
    const saved = await injectAs(app, cookie, {
      method: "PUT",
      url: "/api/auth/me/locale",
      payload: { locale: "km" },
      headers: { "user-agent": "phone-browser" },
    });
    expect(saved.statusCode).toBe(204);
    expect(since(start, "user.update")).toEqual([
      {
        actor: { userId: anaId, username: "ana", ip: "127.0.0.1", userAgent: "phone-browser" },
        action: "user.update",
        entityType: "user",
        entityId: String(anaId),
        orgUnitId: tree.id("P1-D1"),
        fields: ["locale"],
        outcome: "success",
      },
    ]);
    expect(JSON.stringify(audit.entries.slice(start))).not.toContain("km");
  });

  it("records a sign-out by the session's user, and nothing for a cookie without a session", async () => {
    const cookie = await signIn(app, "ana");
    const start = audit.entries.length;
    expect(
      (await injectAs(app, cookie, { method: "POST", url: "/api/auth/logout" })).statusCode,
    ).toBe(204);
    expect(since(start, "auth.sign_out")).toEqual([
      {
        actor: { userId: anaId, username: "ana", ip: "127.0.0.1", userAgent: "lightMyRequest" },
        action: "auth.sign_out",
        entityType: "user",
        entityId: String(anaId),
        orgUnitId: tree.id("P1-D1"),
        fields: [],
        outcome: "success",
      },
    ]);
    const after = audit.entries.length;
    await injectAs(app, cookie, { method: "POST", url: "/api/auth/logout" });
    expect(since(after, "auth.sign_out")).toEqual([]);
  });
});
