import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrgTree, seedUser, TEST_PASSWORD, type SeededTree } from "../../../../test/factories";
import { errorOf, injectAs, signIn as signInAt } from "../../../../test/http";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import { buildApp } from "../../app";
import { SESSION_COOKIE } from "../../http/access";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "./auth.service";

const login = (app: FastifyInstance, username: string, password: string) =>
  app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });

describe.each(testEngines())("auth routes (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let app: FastifyInstance;
  let clock = Date.now();
  const signIn = (a: FastifyInstance, username: string) =>
    signInAt(a, username, undefined, { now: () => new Date(clock) });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    await seedUser(database.db, tree, { username: "ana", role: "hq-analyst", unitCode: "P1" });
    await seedUser(database.db, tree, { username: "ben", role: "admin", unitCode: "HQ" });
    await seedUser(database.db, tree, { username: "dora", role: "admin", unitCode: "HQ" });
    await database.db
      .updateTable("users")
      .set({ is_disabled: true })
      .where("username", "=", "dora")
      .execute();
    app = await buildApp({ database, now: () => new Date(clock) });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("signs in and sets an HttpOnly, SameSite=Lax session cookie on path /", async () => {
    const response = await login(app, "ana", TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: "signed_in",
      user: {
        id: expect.any(Number) as number,
        username: "ana",
        displayName: "ana",
        locale: "en",
        roles: [{ role: "hq-analyst", orgUnitId: tree.id("P1") }],
      },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as string,
    });
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const header = String(response.headers["set-cookie"]);
    expect(header).toContain("HttpOnly");
    expect(header).toContain("SameSite=Lax");
  });

  it("accepts the username in any case and with surrounding spaces", async () => {
    const response = await login(app, "  ANA ", TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json<{ user: { username: string } }>().user.username).toBe("ana");
    expect(response.json<{ status: string }>().status).toBe("signed_in");
  });

  it.each([
    ["a wrong password", "ana", "not-the-password"],
    ["an unknown user", "nobody", TEST_PASSWORD],
    ["a disabled user", "dora", TEST_PASSWORD],
  ])("refuses %s with the same 401 and sets no cookie", async (_case, username, password) => {
    const response = await login(app, username, password);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: { code: "auth.invalid_credentials", details: {} },
    });
    expect(response.cookies).toEqual([]);
  });

  it("validates the login body", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "ana" },
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe("request.invalid");
  });

  it("answers /api/auth/me with the signed-in user, and 401 without a session", async () => {
    const cookie = await signIn(app, "ben");
    const me = await injectAs(app, cookie, { method: "GET", url: "/api/auth/me" });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { username: "ben", roles: [{ role: "admin", orgUnitId: tree.id("HQ") }] },
      isEnrolmentRequired: false,
      twoFactor: { isEnabled: true, isRequired: true },
    });
    expect(me.json<{ csrfToken: string }>().csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const anonymous = await app.inject({ method: "GET", url: "/api/auth/me" });
    expect(anonymous.statusCode).toBe(401);
    expect(errorOf(anonymous).code).toBe("auth.required");
    const forged = await injectAs(app, `${SESSION_COOKIE}=forged`, {
      method: "GET",
      url: "/api/auth/me",
    });
    expect(forged.statusCode).toBe(401);
  });

  it("logs out: the cookie is cleared and the session no longer works", async () => {
    const cookie = await signIn(app, "ben");
    const other = await signIn(app, "ben");
    const logout = await injectAs(app, cookie, { method: "POST", url: "/api/auth/logout" });
    expect(logout.statusCode).toBe(204);
    const cleared = logout.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cleared?.value).toBe("");
    const after = await injectAs(app, cookie, { method: "GET", url: "/api/auth/me" });
    expect(after.statusCode).toBe(401);
    const stillIn = await injectAs(app, other, { method: "GET", url: "/api/auth/me" });
    expect(stillIn.statusCode).toBe(200);
  });

  it("saves the user's language and rejects an unsupported one", async () => {
    const cookie = await signIn(app, "ana");
    const saved = await injectAs(app, cookie, {
      method: "PUT",
      url: "/api/auth/me/locale",
      payload: { locale: "km" },
    });
    expect(saved.statusCode).toBe(204);
    const me = await injectAs(app, cookie, { method: "GET", url: "/api/auth/me" });
    expect(me.json<{ user: { locale: string } }>().user.locale).toBe("km");
    const bad = await injectAs(app, cookie, {
      method: "PUT",
      url: "/api/auth/me/locale",
      payload: { locale: "fr" },
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).code).toBe("request.invalid");
    const anonymous = await app.inject({
      method: "PUT",
      url: "/api/auth/me/locale",
      payload: { locale: "vi" },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it("ends a session after two idle hours", async () => {
    const cookie = await signIn(app, "ben");
    const me = () => injectAs(app, cookie, { method: "GET", url: "/api/auth/me" });
    clock += SESSION_IDLE_MS - 60_000;
    expect((await me()).statusCode).toBe(200);
    clock += SESSION_IDLE_MS - 60_000;
    expect((await me()).statusCode).toBe(200);
    clock += SESSION_IDLE_MS + 1000;
    expect((await me()).statusCode).toBe(401);
    clock -= SESSION_IDLE_MS + 1000;
    expect((await me()).statusCode).toBe(401);
  });

  it("ends an active session after twelve hours however often it is used", async () => {
    const cookie = await signIn(app, "ben");
    const me = () => injectAs(app, cookie, { method: "GET", url: "/api/auth/me" });
    const start = clock;
    while (clock + SESSION_IDLE_MS / 2 < start + SESSION_ABSOLUTE_MS) {
      clock += SESSION_IDLE_MS / 2;
      expect((await me()).statusCode).toBe(200);
    }
    clock = start + SESSION_ABSOLUTE_MS;
    expect((await me()).statusCode).toBe(401);
  });
});
