import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf } from "../../test/http";
import { createTestDatabase, testEngines, type TestDatabase } from "../../test/test-db";
import { AppError } from "../core/errors";
import { BODY_LIMIT_BYTES, buildApp } from "./app";
import { registerAccessControl } from "./http/access";
import { registerErrorHandler } from "./http/error-handler";

function expectNoInternals(response: LightMyRequestResponse) {
  expect(Object.keys(response.json<object>())).toEqual(["error"]);
  expect(response.body).not.toMatch(/stack|node_modules|\.ts:\d|at [A-Za-z.]+ \(/);
}

describe.each(testEngines())("buildApp (%s)", (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let webDir: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-web-"));
    fs.writeFileSync(path.join(webDir, "index.html"), "<!doctype html><title>Tandem SPA</title>");
    app = await buildApp({ database, webDir, version: "9.8.7" });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it("publishes an OpenAPI 3.1 document listing every route", async () => {
    const response = await app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{
      openapi: string;
      info: { version: string };
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
    }>();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.version).toBe("9.8.7");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/audit",
      "/api/audit/export.csv",
      "/api/auth/2fa/confirm",
      "/api/auth/2fa/disable",
      "/api/auth/2fa/recovery-codes",
      "/api/auth/2fa/setup",
      "/api/auth/login",
      "/api/auth/login/second-factor",
      "/api/auth/logout",
      "/api/auth/me",
      "/api/auth/me/locale",
      "/api/auth/password",
      "/api/community-issues",
      "/api/community-issues/my-work",
      "/api/community-issues/{id}",
      "/api/community-issues/{id}/assignees",
      "/api/community-issues/{id}/assignment",
      "/api/community-issues/{id}/contact",
      "/api/community-issues/{id}/history",
      "/api/community-issues/{id}/notes",
      "/api/community-issues/{id}/referrals",
      "/api/community-issues/{id}/referrals/{referralId}",
      "/api/community-issues/{id}/transitions",
      "/api/community/categories",
      "/api/community/categories/{id}",
      "/api/community/feedback",
      "/api/community/surveys",
      "/api/community/topics",
      "/api/community/topics/{id}",
      "/api/exports/events",
      "/api/exports/personnel",
      "/api/imports/personnel/inspect",
      "/api/imports/personnel/mappings",
      "/api/imports/personnel/mappings/{name}",
      "/api/imports/personnel/reference",
      "/api/imports/personnel/run",
      "/api/indicators",
      "/api/indicators/{indicator}",
      "/api/indicators/{indicator}/trend",
      "/api/org-units",
      "/api/org-units/import",
      "/api/org-units/{id}",
      "/api/org-units/{id}/close",
      "/api/org-units/{id}/history",
      "/api/org-units/{id}/move",
      "/api/outreach/sessions",
      "/api/outreach/sessions/{id}",
      "/api/persons",
      "/api/persons/correction-options",
      "/api/persons/{id}",
      "/api/persons/{id}/events/{eventId}/retract",
      "/api/projections",
      "/api/public/categories",
      "/api/public/issues",
      "/api/public/issues/{reference}",
      "/api/public/issues/{reference}/confirmation",
      "/api/public/issues/{reference}/feedback",
      "/api/public/transparency",
      "/api/public/units",
      "/api/register/rank-groups",
      "/api/register/rank-groups/{id}",
      "/api/register/ranks",
      "/api/register/ranks/reorder",
      "/api/register/ranks/{id}",
      "/api/register/roles",
      "/api/register/roles/{id}",
      "/api/reports/annual",
      "/api/stakeholders",
      "/api/stakeholders/{id}",
      "/api/targets",
      "/api/targets/status",
      "/api/targets/{id}",
      "/api/tokens",
      "/api/tokens/{id}",
      "/api/users",
      "/api/users/{id}/disable",
      "/api/users/{id}/enable",
      "/api/users/{id}/reset-two-factor",
      "/api/users/{id}/roles",
      "/api/users/{id}/roles/{assignmentId}",
      "/api/workforce/headline",
      "/healthz",
      "/readyz",
    ]);
    expect(Object.keys(doc.paths["/api/auth/me/locale"] ?? {})).toEqual(["put"]);
    const query = doc.paths["/api/workforce/headline"]?.get?.parameters ?? [];
    expect(query.map((p) => `${p.in}:${p.name}`).sort()).toEqual(["query:at", "query:unit"]);
  });

  it("serves the API documentation as HTML", async () => {
    const response = await app.inject({ method: "GET", url: "/api/docs" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
    expect(response.body).toContain("swagger-ui");
  });

  it("answers a malformed JSON body with 400 request.invalid and no stack trace", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: '{"username": "admin", "password": ',
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toEqual({
      code: "request.invalid",
      details: { reason: "FST_ERR_CTP_INVALID_JSON_BODY" },
    });
    expectNoInternals(response);
  });

  it("refuses a body over 1 MiB with 413 and the same error shape", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ username: "admin", password: "x".repeat(BODY_LIMIT_BYTES) }),
    });
    expect(response.statusCode).toBe(413);
    expect(errorOf(response)).toEqual({
      code: "request.invalid",
      details: { reason: "FST_ERR_CTP_BODY_TOO_LARGE" },
    });
    expectNoInternals(response);
  });

  it("answers an unknown API path with 404 request.not_found, without the query string", async () => {
    const response = await app.inject({ method: "GET", url: "/api/nothing-here?secret=1" });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: "request.not_found", details: { path: "/api/nothing-here" } },
    });
  });

  it("serves the web app for other paths (SPA fallback) with the security headers", async () => {
    const response = await app.inject({ method: "GET", url: "/reports/headline" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("Tandem SPA");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  });
});

describe("deny by default", () => {
  const build = () => {
    const app = Fastify();
    void app.register(fastifyCookie);
    registerAccessControl(app, {
      resolveSession: () => Promise.resolve(undefined),
      resolveApiToken: () => Promise.resolve(undefined),
    });
    return app;
  };

  it("refuses to register an /api route that declares no config.access", () => {
    const app = build();
    expect(() => app.get("/api/secret", () => "secret")).toThrow(
      "Route GET /api/secret declares no config.access (deny by default)",
    );
  });

  it("accepts /api routes that declare access, and routes outside /api", async () => {
    const app = build();
    app.get("/api/open", { config: { access: "public" } }, () => ({ ok: true }));
    app.get("/outside", () => ({ ok: true }));
    const response = await app.inject({ method: "GET", url: "/api/open" });
    expect(response.json()).toEqual({ ok: true });
    await app.close();
  });
});

describe("error handler", () => {
  it("maps an AppError to its status and hides everything about an unexpected error", async () => {
    const app = Fastify();
    registerErrorHandler(app);
    app.get("/conflict", () => {
      throw new AppError("user.exists", { username: "ana" });
    });
    app.get("/crash", () => {
      throw new Error("connection string postgres://u:secret@db failed at /srv/app.ts:12");
    });
    const conflict = await app.inject({ method: "GET", url: "/conflict" });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toEqual({
      error: { code: "user.exists", details: { username: "ana" } },
    });
    const crash = await app.inject({ method: "GET", url: "/crash" });
    expect(crash.statusCode).toBe(500);
    expect(crash.json()).toEqual({ error: { code: "internal", details: {} } });
    expect(crash.body).not.toContain("secret");
    await app.close();
  });
});
