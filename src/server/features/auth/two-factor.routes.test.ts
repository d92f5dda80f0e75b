import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMemoryAuditRecorder } from "../../../../test/audit";
import { seedOrgTree, seedUser, TEST_PASSWORD } from "../../../../test/factories";
import { errorOf } from "../../../../test/http";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import { buildApp } from "../../app";
import { SESSION_COOKIE } from "../../http/access";
import { totpCode } from "../../security/totp";

interface Session {
  cookie: string;
  csrf: string;
}

const sessionOf = (response: LightMyRequestResponse): Session => {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no cookie: ${response.statusCode} ${response.body}`);
  return {
    cookie: `${SESSION_COOKIE}=${cookie.value}`,
    csrf: response.json<{ csrfToken: string }>().csrfToken,
  };
};

describe.each(testEngines())("two-factor sign-in (%s)", (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let clock = Date.parse("2024-06-15T10:00:00Z");
  const audit = createMemoryAuditRecorder();
  const secrets = new Map<string, string>();
  const recovery = new Map<string, string[]>();

  const send = (s: Session | null, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: s ? { cookie: s.cookie, "x-csrf-token": s.csrf } : {},
      ...(payload ? { payload } : {}),
    });
  const login = (username: string, password = TEST_PASSWORD) =>
    app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  /** The code an authenticator shows now; the clock then moves on a step (codes are single-use). */
  const codeFor = (username: string) => {
    const code = totpCode(secrets.get(username) ?? "", clock);
    clock += 30_000;
    return code;
  };
  const enrol = async (username: string, session: Session) => {
    const setup = await send(session, "POST", "/api/auth/2fa/setup");
    expect(setup.statusCode).toBe(200);
    secrets.set(username, setup.json<{ secret: string }>().secret);
    const confirm = await send(session, "POST", "/api/auth/2fa/confirm", {
      code: codeFor(username),
    });
    expect(confirm.statusCode).toBe(200);
    recovery.set(username, confirm.json<{ recoveryCodes: string[] }>().recoveryCodes);
    return sessionOf(confirm);
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const tree = await seedOrgTree(database.db);
    await seedUser(database.db, tree, { username: "adm", role: "admin", unitCode: "HQ" });
    await seedUser(database.db, tree, { username: "cas", role: "case-officer", unitCode: "P1" });
    await seedUser(database.db, tree, { username: "ana", role: "hq-analyst", unitCode: "P1" });
    app = await buildApp({ database, audit, now: () => new Date(clock) });
  });
  beforeEach(() => {
    audit.entries.length = 0;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("lets an admin without a second factor reach only the enrolment routes", async () => {
    const response = await login("adm");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: "enrolment_required",
      user: { username: "adm" },
    });
    const session = sessionOf(response);
    const me = await send(session, "GET", "/api/auth/me");
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      isEnrolmentRequired: true,
      twoFactor: { isEnabled: false, isRequired: true },
    });
    for (const [method, url, payload] of [
      ["GET", "/api/org-units", undefined],
      ["GET", "/api/tokens", undefined],
      ["PUT", "/api/auth/me/locale", { locale: "km" }],
      [
        "POST",
        "/api/auth/password",
        { currentPassword: TEST_PASSWORD, newPassword: "x".repeat(20) },
      ],
    ] as const) {
      const refused = await send(session, method, url, payload);
      expect([url, refused.statusCode, errorOf(refused).code]).toEqual([
        url,
        403,
        "auth.enrolment_required",
      ]);
    }
  });

  it("enrols with a first code, stores the secret encrypted, and gives ten single-use recovery codes", async () => {
    const session = sessionOf(await login("cas"));
    expect(
      (await send(session, "POST", "/api/auth/2fa/confirm", { code: "123456" })).json(),
    ).toEqual({
      error: { code: "auth.two_factor_not_started", details: {} },
    });
    const setup = await send(session, "POST", "/api/auth/2fa/setup");
    const { secret, uri } = setup.json<{ secret: string; uri: string }>();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toBe(
      `otpauth://totp/Tandem:cas?issuer=Tandem&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
    const stored = await database.db.selectFrom("user_totp").selectAll().executeTakeFirstOrThrow();
    expect(stored.secret_encrypted).toMatch(/^v1\./);
    expect(stored.secret_encrypted).not.toContain(secret);
    expect(stored.confirmed_at).toBeNull();

    const wrong = await send(session, "POST", "/api/auth/2fa/confirm", {
      code: totpCode(secret, clock - 10 * 60_000),
    });
    expect([wrong.statusCode, errorOf(wrong).code]).toEqual([401, "auth.second_factor_invalid"]);
    secrets.set("cas", secret);
    const confirm = await send(session, "POST", "/api/auth/2fa/confirm", { code: codeFor("cas") });
    expect(confirm.statusCode).toBe(200);
    const codes = confirm.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(codes).toHaveLength(10);
    recovery.set("cas", codes);
    const hashes = await database.db
      .selectFrom("user_recovery_codes")
      .select("code_hash")
      .execute();
    expect(hashes).toHaveLength(10);
    expect(hashes.some((h) => codes.some((c) => h.code_hash.includes(c.replace("-", ""))))).toBe(
      false,
    );

    // The enrolment session is replaced: the old cookie is dead, the new one reaches the API.
    const active = sessionOf(confirm);
    expect(active.cookie).not.toBe(session.cookie);
    expect((await send(session, "GET", "/api/auth/me")).statusCode).toBe(401);
    expect((await send(active, "GET", "/api/org-units")).statusCode).toBe(200);
    expect(audit.entries.map((e) => [e.action, e.outcome])).toContainEqual([
      "auth.two_factor_enable",
      "success",
    ]);
    expect((await send(active, "POST", "/api/auth/2fa/setup")).statusCode).toBe(409);
  });

  it("makes sign-in two-step; the pending session reaches nothing but the second step", async () => {
    const response = await login("cas");
    expect(response.json()).toEqual({
      status: "second_factor_required",
      csrfToken: expect.any(String) as string,
    });
    const pending = sessionOf(response);
    for (const url of ["/api/auth/me", "/api/org-units", "/api/workforce/headline"]) {
      const refused = await send(pending, "GET", url);
      expect([url, refused.statusCode]).toEqual([url, 401]);
    }
    const noCsrf = await app.inject({
      method: "POST",
      url: "/api/auth/login/second-factor",
      headers: { cookie: pending.cookie },
      payload: { code: "000000" },
    });
    expect([noCsrf.statusCode, errorOf(noCsrf).code]).toEqual([403, "auth.csrf"]);
    const code = codeFor("cas");
    const done = await send(pending, "POST", "/api/auth/login/second-factor", { code });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ user: { username: "cas" } });
    expect((await send(sessionOf(done), "GET", "/api/org-units")).statusCode).toBe(200);
    expect((await send(pending, "GET", "/api/auth/me")).statusCode).toBe(401);

    // The same code again (a replay, e.g. shoulder-surfed) is refused, even within its 30 seconds.
    clock -= 30_000;
    const again = sessionOf(await login("cas"));
    const replay = await send(again, "POST", "/api/auth/login/second-factor", { code });
    expect([replay.statusCode, errorOf(replay).code]).toEqual([401, "auth.second_factor_invalid"]);
    clock += 30_000;
  });

  it("accepts each recovery code once, in any case and spacing", async () => {
    const [first] = recovery.get("cas") ?? [];
    const typed = ` ${first?.toUpperCase().replace("-", " ")} `;
    const pending = sessionOf(await login("cas"));
    const used = await send(pending, "POST", "/api/auth/login/second-factor", { code: typed });
    expect(used.statusCode).toBe(200);
    expect(audit.entries.find((e) => e.action === "auth.second_factor")?.fields).toEqual([
      "recovery_code",
    ]);
    const again = sessionOf(await login("cas"));
    const reused = await send(again, "POST", "/api/auth/login/second-factor", { code: first });
    expect(reused.statusCode).toBe(401);
  });

  it("counts wrong codes towards the account lockout, which then refuses the right code", async () => {
    const pending = sessionOf(await login("cas"));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const wrong = await send(pending, "POST", "/api/auth/login/second-factor", {
        code: "000000",
      });
      statuses.push(wrong.statusCode);
    }
    const last = await send(pending, "POST", "/api/auth/login/second-factor", { code: "999999" });
    expect([...statuses, last.statusCode]).toEqual([401, 401, 401, 401, 429]);
    expect(audit.entries.filter((e) => e.action === "auth.lockout")).toHaveLength(1);
    expect((await login("cas")).statusCode).toBe(429);
    clock += 16 * 60_000;
    const fresh = sessionOf(await login("cas"));
    const ok = await send(fresh, "POST", "/api/auth/login/second-factor", { code: codeFor("cas") });
    expect(ok.statusCode).toBe(200);
  });

  it("lets anyone enrol voluntarily and turn it off with the password, ending their other sessions", async () => {
    const first = await login("ana");
    expect(first.json<{ status: string }>().status).toBe("signed_in");
    const session = await enrol("ana", sessionOf(first));
    const other = sessionOf(
      await send(sessionOf(await login("ana")), "POST", "/api/auth/login/second-factor", {
        code: codeFor("ana"),
      }),
    );
    const wrong = await send(session, "POST", "/api/auth/2fa/disable", {
      password: "not-my-password",
    });
    expect([wrong.statusCode, errorOf(wrong).code]).toEqual([403, "auth.password_incorrect"]);
    const off = await send(session, "POST", "/api/auth/2fa/disable", { password: TEST_PASSWORD });
    expect(off.json()).toEqual({ isEnrolmentRequired: false });
    expect((await send(other, "GET", "/api/auth/me")).statusCode).toBe(401);
    expect((await send(session, "GET", "/api/auth/me")).json()).toMatchObject({
      twoFactor: { isEnabled: false, isRequired: false },
    });
    expect((await login("ana")).json<{ status: string }>().status).toBe("signed_in");
    const again = await send(session, "POST", "/api/auth/2fa/disable", { password: TEST_PASSWORD });
    expect(errorOf(again).code).toBe("auth.two_factor_not_enabled");
    expect(
      audit.entries.filter((e) => e.action === "auth.two_factor_disable").map((e) => e.outcome),
    ).toEqual(["failure", "success"]);
  });

  it("sends an admin who turns it off straight back to enrolment (e.g. for a new phone)", async () => {
    const session = await enrol("adm", sessionOf(await login("adm")));
    const off = await send(session, "POST", "/api/auth/2fa/disable", { password: TEST_PASSWORD });
    expect(off.json()).toEqual({ isEnrolmentRequired: true });
    const refused = await send(session, "GET", "/api/org-units");
    expect([refused.statusCode, errorOf(refused).code]).toEqual([403, "auth.enrolment_required"]);
    const active = await enrol("adm", session);
    expect((await send(active, "GET", "/api/org-units")).statusCode).toBe(200);
  });

  it("renews the recovery codes with the password; every earlier code stops working", async () => {
    const signIn = async (username: string, code: string) =>
      send(sessionOf(await login(username)), "POST", "/api/auth/login/second-factor", { code });
    const session = sessionOf(await signIn("cas", codeFor("cas")));
    const renew = (password: string) =>
      send(session, "POST", "/api/auth/2fa/recovery-codes", { password });

    const wrong = await renew("not-my-password");
    expect([wrong.statusCode, errorOf(wrong).code]).toEqual([403, "auth.password_incorrect"]);
    const renewed = await renew(TEST_PASSWORD);
    expect(renewed.statusCode).toBe(200);
    const codes = renewed.json<{ recoveryCodes: string[] }>().recoveryCodes;
    const earlier = recovery.get("cas") ?? [];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(codes.filter((c) => earlier.includes(c))).toEqual([]);
    const unused = await database.db
      .selectFrom("user_recovery_codes as c")
      .innerJoin("users as u", "u.id", "c.user_id")
      .select("c.used_at")
      .where("u.username", "=", "cas")
      .execute();
    expect(unused.map((r) => r.used_at)).toEqual(Array(10).fill(null));

    // An earlier code that was never used is refused now; a new one signs in.
    const old = await signIn("cas", earlier[1] ?? "");
    expect([old.statusCode, errorOf(old).code]).toEqual([401, "auth.second_factor_invalid"]);
    expect((await signIn("cas", codes[0] ?? "")).statusCode).toBe(200);
    expect(
      audit.entries
        .filter((e) => e.action === "auth.recovery_codes_regenerate")
        .map((e) => [e.outcome, e.fields]),
    ).toEqual([
      ["failure", []],
      ["success", ["recovery_codes"]],
    ]);

    // Only for someone with two-step sign-in on, and only in a fully signed-in session.
    const ana = sessionOf(await login("ana"));
    const none = await send(ana, "POST", "/api/auth/2fa/recovery-codes", {
      password: TEST_PASSWORD,
    });
    expect([none.statusCode, errorOf(none).code]).toEqual([409, "auth.two_factor_not_enabled"]);
    const pending = sessionOf(await login("cas"));
    const early = await send(pending, "POST", "/api/auth/2fa/recovery-codes", {
      password: TEST_PASSWORD,
    });
    expect(early.statusCode).toBe(401);
  });
});
