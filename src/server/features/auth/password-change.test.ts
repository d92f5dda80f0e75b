import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryAuditRecorder } from "../../../../test/audit";
import { seedOrgTree, seedUser, TEST_PASSWORD } from "../../../../test/factories";
import { errorOf, injectAs, signInSession } from "../../../../test/http";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import { buildApp } from "../../app";
import { SESSION_COOKIE } from "../../http/access";

describe.each(testEngines())("changing one's own password (%s)", (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let other: FastifyInstance;
  const audit = createMemoryAuditRecorder();

  const change = (cookie: string, currentPassword: string, newPassword: string) =>
    injectAs(app, cookie, {
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword, newPassword },
    });
  const me = (a: FastifyInstance, cookie: string) =>
    injectAs(a, cookie, { method: "GET", url: "/api/auth/me" });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const tree = await seedOrgTree(database.db);
    await seedUser(database.db, tree, { username: "ana", role: "hq-analyst", unitCode: "P1" });
    await seedUser(database.db, tree, { username: "bea", role: "hq-analyst", unitCode: "P1" });
    app = await buildApp({ database, audit });
    // A second app on the same database stands for another server process.
    other = await buildApp({ database, audit });
  });
  afterAll(async () => {
    await app?.close();
    await other?.close();
    await database?.close();
  });

  it("refuses a short or common new password and a wrong current one, changing nothing", async () => {
    const { cookie } = await signInSession(app, "ana");
    const short = await change(cookie, TEST_PASSWORD, "too-short");
    expect([short.statusCode, errorOf(short)]).toEqual([
      400,
      { code: "user.password_too_short", details: { minLength: 12 } },
    ]);
    const common = await change(cookie, TEST_PASSWORD, "Qwerty123456");
    expect([common.statusCode, errorOf(common).code]).toEqual([400, "user.password_common"]);
    const wrong = await change(cookie, "not-the-password", "a-brand-new-passphrase");
    expect([wrong.statusCode, errorOf(wrong).code]).toEqual([403, "auth.password_incorrect"]);
    expect((await me(app, cookie)).statusCode).toBe(200);
    expect(audit.entries.filter((e) => e.action === "auth.password_change")).toEqual([
      expect.objectContaining({ outcome: "failure" }),
    ]);
  });

  it("changes it, ends every session of the user on every process, and starts a fresh one", async () => {
    const here = await signInSession(app, "ana");
    const elsewhere = await signInSession(other, "ana");
    const bystander = await signInSession(other, "bea");
    const response = await change(here.cookie, TEST_PASSWORD, "a-brand-new-passphrase");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { username: "ana" } });
    const fresh = response.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(fresh?.httpOnly).toBe(true);
    const freshCookie = `${SESSION_COOKIE}=${fresh?.value ?? ""}`;
    expect((await me(app, freshCookie)).statusCode).toBe(200);
    expect((await me(app, here.cookie)).statusCode).toBe(401);
    expect((await me(other, elsewhere.cookie)).statusCode).toBe(401);
    expect((await me(other, bystander.cookie)).statusCode).toBe(200);

    const oldLogin = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "ana", password: TEST_PASSWORD },
    });
    expect(oldLogin.statusCode).toBe(401);
    expect((await signInSession(app, "ana", "a-brand-new-passphrase")).cookie).toMatch(
      /^tandem_session=/,
    );
    expect(
      audit.entries
        .filter((e) => e.action === "auth.password_change")
        .map((e) => [e.outcome, e.fields]),
    ).toEqual([
      ["failure", []],
      ["success", ["password"]],
    ]);
  });

  it("is not reachable without a session", async () => {
    const anonymous = await app.inject({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "another-long-passphrase" },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
