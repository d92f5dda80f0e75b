import { randomBytes } from "node:crypto";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrgTree, seedUser, TEST_PASSWORD } from "../../../../test/factories";
import { errorOf } from "../../../../test/http";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import { buildApp } from "../../app";
import { openDatabase, type Database } from "../../db/client";
import { SESSION_COOKIE } from "../../http/access";
import { totpCode } from "../../security/totp";

const sessionOf = (response: LightMyRequestResponse) => {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no cookie: ${response.statusCode} ${response.body}`);
  return {
    cookie: `${SESSION_COOKIE}=${cookie.value}`,
    csrf: response.json<{ csrfToken: string }>().csrfToken,
  };
};

/**
 * Two server processes behind a load balancer: two apps, each with its own connection pool (on
 * PostgreSQL) to one database, sharing only the database and TANDEM_SECRET_KEY. On the embedded
 * engine (one process by design) the two apps share its single connection; the state they share
 * still lives only in the database.
 */
describe.each(testEngines())("two server processes on one database (%s)", (engine) => {
  let database: TestDatabase;
  let secondPool: Database | undefined;
  let a: FastifyInstance;
  let b: FastifyInstance;
  const secretKey = randomBytes(32);

  const login = (app: FastifyInstance, username: string, password = TEST_PASSWORD) =>
    app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  const send = (
    app: FastifyInstance,
    s: { cookie: string; csrf: string },
    method: "GET" | "POST" | "PUT",
    url: string,
    payload?: object,
  ) =>
    app.inject({
      method,
      url,
      headers: { cookie: s.cookie, "x-csrf-token": s.csrf },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const tree = await seedOrgTree(database.db);
    await seedUser(database.db, tree, { username: "ana", role: "hq-analyst", unitCode: "P1" });
    await seedUser(database.db, tree, { username: "bea", role: "hq-analyst", unitCode: "P1" });
    await seedUser(database.db, tree, { username: "adm", role: "admin", unitCode: "HQ" });
    if (database.url) secondPool = await openDatabase({ kind: "postgres", url: database.url });
    a = await buildApp({ database, secretKey });
    b = await buildApp({ database: secondPool ?? database, secretKey });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await secondPool?.close();
    await database?.close();
  });

  it("uses on B a session signed in on A, including writes, and ends it everywhere on sign-out", async () => {
    const session = sessionOf(await login(a, "ana"));
    const me = await send(b, session, "GET", "/api/auth/me");
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { username: "ana" }, csrfToken: session.csrf });
    const write = await send(b, session, "PUT", "/api/auth/me/locale", { locale: "th" });
    expect(write.statusCode).toBe(204);
    expect((await send(a, session, "GET", "/api/auth/me")).json()).toMatchObject({
      user: { locale: "th" },
    });
    expect((await send(b, session, "POST", "/api/auth/logout")).statusCode).toBe(204);
    expect((await send(a, session, "GET", "/api/auth/me")).statusCode).toBe(401);
  });

  it("locks an account on both after 5 failures spread across A and B", async () => {
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) {
      answers.push((await login(i % 2 === 0 ? a : b, "bea", `wrong-password-${i}`)).statusCode);
    }
    expect(answers).toEqual([401, 401, 401, 401, 429]);
    for (const app of [a, b]) {
      const right = await login(app, "bea");
      expect([right.statusCode, errorOf(right).code]).toEqual([429, "auth.locked"]);
    }
  });

  it("enrols on A and completes the second factor on B (the key is shared, the state is in the database)", async () => {
    const enrolling = sessionOf(await login(a, "adm"));
    const setup = await send(a, enrolling, "POST", "/api/auth/2fa/setup");
    const { secret } = setup.json<{ secret: string }>();
    const now = Date.now();
    const confirm = await send(b, enrolling, "POST", "/api/auth/2fa/confirm", {
      code: totpCode(secret, now),
    });
    expect(confirm.statusCode).toBe(200);
    const pending = sessionOf(await login(b, "adm"));
    const done = await send(a, pending, "POST", "/api/auth/login/second-factor", {
      code: totpCode(secret, now + 30_000),
    });
    expect(done.statusCode).toBe(200);
    expect((await send(b, sessionOf(done), "GET", "/api/tokens")).statusCode).toBe(200);
  });
});
