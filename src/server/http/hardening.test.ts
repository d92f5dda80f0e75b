import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrgTree, seedUser } from "../../../test/factories";
import { signInSession } from "../../../test/http";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../test/test-db";
import { buildApp } from "../app";
import { createLogger } from "../logger";
import { hashPassword } from "../security/password";
import { CONTENT_SECURITY_POLICY } from "./security-headers";

const PASSWORD = "orchid-lantern-harbour-57";

/** Captures every log line the production logger configuration writes. */
function captureLogs() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  return { lines, logger: createLogger("trace", stream) };
}

describe.each(testEngines())("hardening (%s)", (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let proxied: FastifyInstance;
  const logs = captureLogs();

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const tree = await seedOrgTree(database.db);
    const id = await seedUser(database.db, tree, {
      username: "ana",
      role: "hq-analyst",
      unitCode: "P1",
    });
    await database.db
      .updateTable("users")
      .set({ password_hash: await hashPassword(PASSWORD) })
      .where("id", "=", id)
      .execute();
    app = await buildApp({ database, logger: logs.logger });
    proxied = await buildApp({ database, trustProxy: true });
  });
  afterAll(async () => {
    await app?.close();
    await proxied?.close();
    await database?.close();
  });

  it("sends a CSP without inline scripts, nosniff, no referrer and no framing on pages and the API", async () => {
    for (const url of ["/api/auth/me", "/healthz", "/api/docs"]) {
      const response = await app.inject({ method: "GET", url });
      const csp = String(response.headers["content-security-policy"]);
      expect(csp).toBe(CONTENT_SECURITY_POLICY);
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers).toMatchObject({
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        "x-frame-options": "DENY",
      });
    }
    const api = await app.inject({ method: "GET", url: "/api/auth/me" });
    expect(api.headers["cache-control"]).toBe("no-store");
  });

  it("sends HSTS only over TLS: behind a trusted proxy saying https, never over plain HTTP", async () => {
    const plain = await app.inject({ method: "GET", url: "/healthz" });
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
    const spoofed = await app.inject({
      method: "GET",
      url: "/healthz",
      headers: { "x-forwarded-proto": "https" },
    });
    expect(spoofed.headers["strict-transport-security"]).toBeUndefined();
    const tls = await proxied.inject({
      method: "GET",
      url: "/healthz",
      headers: { "x-forwarded-proto": "https" },
    });
    expect(tls.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  });

  it("marks the session cookie Secure behind TLS", async () => {
    const response = await proxied.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "x-forwarded-proto": "https" },
      payload: { username: "ana", password: PASSWORD },
    });
    expect(response.cookies[0]).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax" });
  });

  it("answers a failing database with 500 internal and no stack trace, and logs it server-side", async () => {
    const broken = await buildApp({
      database: { ...database, db: database.db.withSchema("no_such_schema") },
      logger: logs.logger,
    });
    const response = await broken.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "ana", password: PASSWORD },
    });
    await broken.close();
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: "internal", details: {} } });
    expect(response.body).not.toMatch(/stack|no_such_schema|\.ts:\d|at [A-Za-z.]+ \(/);
    expect(logs.lines.some((line) => line.includes('"unhandled error"'))).toBe(true);
  });

  it("never writes a password, session cookie, CSRF token or API token to the logs", async () => {
    logs.lines.length = 0;
    await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "ana", password: `${PASSWORD}-wrong` },
    });
    const session = await signInSession(app, "ana", PASSWORD);
    const me = await app.inject({
      method: "PUT",
      url: "/api/auth/me/locale?lang=vi",
      headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
      payload: { locale: "vi" },
    });
    expect(me.statusCode).toBe(204);
    const bearer = `tnd_${"Q".repeat(43)}`;
    await app.inject({
      method: "GET",
      url: "/api/org-units",
      headers: { authorization: `Bearer ${bearer}` },
    });
    const text = logs.lines.join("");
    expect(logs.lines.length).toBeGreaterThan(5);
    expect(text).toContain('"url":"/api/auth/login"');
    const cookieValue = session.cookie.split("=")[1] ?? "";
    for (const secret of [PASSWORD, cookieValue, session.csrfToken, bearer]) {
      expect(secret.length).toBeGreaterThan(10);
      expect(text).not.toContain(secret);
    }
  });
});
