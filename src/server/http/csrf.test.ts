import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrgTree, seedUser } from "../../../test/factories";
import { errorOf, signInSession, type SignedInSession } from "../../../test/http";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../test/test-db";
import { buildApp } from "../app";

describe.each(testEngines())("CSRF protection (%s)", (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let session: SignedInSession;

  const putLocale = (headers: Record<string, string>) =>
    app.inject({
      method: "PUT",
      url: "/api/auth/me/locale",
      headers: { cookie: session.cookie, ...headers },
      payload: { locale: "vi" },
    });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const tree = await seedOrgTree(database.db);
    await seedUser(database.db, tree, { username: "ana", role: "hq-analyst", unitCode: "P1" });
    app = await buildApp({ database });
    session = await signInSession(app, "ana");
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it.each([
    ["no token", {}],
    ["a wrong token", { "x-csrf-token": "forged-token-forged-token-forged-token-12345" }],
    ["an empty token", { "x-csrf-token": "" }],
  ])(
    "refuses a cookie-authenticated write with %s: 403 auth.csrf, nothing changed",
    async (_c, headers) => {
      const response = await putLocale(headers);
      expect(response.statusCode).toBe(403);
      expect(errorOf(response)).toEqual({ code: "auth.csrf", details: {} });
      const me = await app.inject({
        method: "GET",
        url: "/api/auth/me",
        headers: { cookie: session.cookie },
      });
      expect(me.json<{ user: { locale: string } }>().user.locale).toBe("en");
    },
  );

  it("accepts the write with the session's token, which /api/auth/me also returns", async () => {
    const me = await app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { cookie: session.cookie },
    });
    expect(me.json<{ csrfToken: string }>().csrfToken).toBe(session.csrfToken);
    const response = await putLocale({ "x-csrf-token": session.csrfToken });
    expect(response.statusCode).toBe(204);
  });

  it("does not accept another session's token", async () => {
    const other = await signInSession(app, "ana");
    expect(other.csrfToken).not.toBe(session.csrfToken);
    const response = await putLocale({ "x-csrf-token": other.csrfToken });
    expect(errorOf(response).code).toBe("auth.csrf");
  });

  it("checks the token before reading the body, and also on sign-out", async () => {
    const invalidBody = await app.inject({
      method: "PUT",
      url: "/api/auth/me/locale",
      headers: { cookie: session.cookie, "content-type": "application/json" },
      payload: "{not json",
    });
    expect(errorOf(invalidBody).code).toBe("auth.csrf");
    const logout = await app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: session.cookie },
    });
    expect(errorOf(logout).code).toBe("auth.csrf");
  });

  it("needs no token to sign in, even with a session cookie present, nor for reads", async () => {
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { cookie: session.cookie },
      payload: { username: "ana", password: "correct-horse-battery" },
    });
    expect(login.statusCode).toBe(200);
    const read = await app.inject({
      method: "GET",
      url: "/api/org-units",
      headers: { cookie: session.cookie },
    });
    expect(read.statusCode).toBe(200);
  });
});
