import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrgTree, seedUser, type SeededTree } from "../../../test/factories";
import { errorOf, injectAs, signInSession, type SignedInSession } from "../../../test/http";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../test/test-db";
import { buildApp } from "../app";
import { securityOf } from "./openapi-security";

interface OpenApiDocument {
  components: { securitySchemes: Record<string, Record<string, string>> };
  paths: Record<string, Record<string, { security?: unknown[] }>>;
}

describe.each(testEngines())("API documentation credentials for Try it out (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let app: FastifyInstance;
  let admin: SignedInSession;
  let document: OpenApiDocument;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    await seedUser(database.db, tree, { username: "adm", role: "admin", unitCode: "HQ" });
    app = await buildApp({ database });
    admin = await signInSession(app, "adm");
    document = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("offers an API token and the signed-in session's CSRF token as credentials", () => {
    expect(document.components.securitySchemes).toEqual({
      apiToken: expect.objectContaining({ type: "http", scheme: "bearer" }) as object,
      sessionCsrf: expect.objectContaining({
        type: "apiKey",
        in: "header",
        name: "X-CSRF-Token",
      }) as object,
    });
  });

  it("names on every documented operation the credentials its declared access takes", () => {
    const operation = (method: string, url: string) =>
      document.paths[url.replace(/:(\w+)/g, "{$1}")]?.[method.toLowerCase()];
    const documented = app.registeredRoutes.filter((r) => operation(r.method, r.url));
    expect(documented.length).toBeGreaterThan(20);
    for (const route of documented) {
      // The sign-in, and the public channel's routes, which use no session.
      const isCsrfExempt = route.url === "/api/auth/login" || route.url.startsWith("/api/public/");
      expect([route.method, route.url, operation(route.method, route.url)?.security]).toEqual([
        route.method,
        route.url,
        securityOf({ access: route.access, isCsrfExempt }),
      ]);
    }
    expect(operation("POST", "/api/users")?.security).toEqual([
      { apiToken: [] },
      { sessionCsrf: [] },
    ]);
    expect(operation("POST", "/api/auth/password")?.security).toEqual([{ sessionCsrf: [] }]);
    expect(operation("POST", "/api/auth/login")?.security).toEqual([]);
    expect(operation("POST", "/api/auth/login/second-factor")?.security).toEqual([
      {},
      { sessionCsrf: [] },
    ]);
  });

  it("judges a token request by the token alone, with no CSRF check, even beside a session cookie", async () => {
    const created = await injectAs(app, admin.cookie, {
      method: "POST",
      url: "/api/tokens",
      payload: {
        name: "Try it out",
        role: "hr-officer",
        orgUnitId: tree.id("P1"),
        expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      },
    });
    expect(created.statusCode).toBe(201);
    const token = created.json<{ token: string }>().token;
    const asSwaggerSendsIt = (headers: Record<string, string>) =>
      app.inject({
        method: "POST",
        url: "/api/users",
        headers: { cookie: admin.cookie, ...headers },
        payload: { username: "new.one", role: "hq-analyst", orgUnitId: tree.id("P1") },
      });
    const withToken = await asSwaggerSendsIt({ authorization: `Bearer ${token}` });
    expect([withToken.statusCode, errorOf(withToken)]).toEqual([
      403,
      { code: "auth.forbidden", details: { action: "users.write" } },
    ]);
    const cookieOnly = await asSwaggerSendsIt({});
    expect([cookieOnly.statusCode, errorOf(cookieOnly).code]).toEqual([403, "auth.csrf"]);
    const withCsrf = await asSwaggerSendsIt({ "x-csrf-token": admin.csrfToken });
    expect(withCsrf.statusCode).toBe(201);
  });
});
