import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMemoryAuditRecorder } from "../../../../test/audit";
import { seedOrgTree, seedUser, TEST_PASSWORD } from "../../../../test/factories";
import { errorOf } from "../../../../test/http";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import { buildApp } from "../../app";
import { SESSION_COOKIE } from "../../http/access";

const MINUTE = 60_000;

describe.each(testEngines())("sign-in throttling (%s)", (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let clock = Date.parse("2024-06-15T10:00:00Z");
  const audit = createMemoryAuditRecorder();

  const login = (username: string, password: string, ip = "192.0.2.1") =>
    app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username, password },
      remoteAddress: ip,
    });
  const entries = (action: string, outcome?: string) =>
    audit.entries.filter((e) => e.action === action && (!outcome || e.outcome === outcome));

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const tree = await seedOrgTree(database.db);
    for (const username of ["ana", "bea", "cora", "dina", "eve"]) {
      await seedUser(database.db, tree, { username, role: "hq-analyst", unitCode: "P1" });
    }
    app = await buildApp({ database, audit, now: () => new Date(clock) });
  });
  beforeEach(() => {
    audit.entries.length = 0;
    clock += 60 * MINUTE;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("locks an account after 5 wrong passwords, audits it, and refuses the right password during the lock", async () => {
    for (let i = 1; i <= 4; i++) {
      const wrong = await login("ana", `wrong-password-${i}`);
      expect(wrong.statusCode).toBe(401);
      expect(errorOf(wrong).code).toBe("auth.invalid_credentials");
      clock += MINUTE;
    }
    const fifth = await login("ana", "wrong-password-5");
    expect(fifth.statusCode).toBe(429);
    expect(errorOf(fifth)).toEqual({
      code: "auth.locked",
      details: { retryAfterSeconds: 900, retryAfterMinutes: 15 },
    });
    expect(fifth.headers["retry-after"]).toBe("900");

    clock += 5 * MINUTE;
    const right = await login("ana", TEST_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(errorOf(right)).toEqual({
      code: "auth.locked",
      details: { retryAfterSeconds: 600, retryAfterMinutes: 10 },
    });
    expect(right.cookies.filter((c) => c.name === SESSION_COOKIE)).toEqual([]);
    // Whole minutes are rounded up; under a minute only seconds count (the message says which).
    clock += 9 * MINUTE - 1_000;
    expect(errorOf(await login("ana", TEST_PASSWORD)).details).toEqual({
      retryAfterSeconds: 61,
      retryAfterMinutes: 2,
    });
    clock += 30_000;
    expect(errorOf(await login("ana", TEST_PASSWORD)).details).toEqual({
      retryAfterSeconds: 31,
      retryAfterMinutes: 0,
    });

    expect(entries("auth.sign_in", "failure")).toHaveLength(5);
    expect(entries("auth.lockout")).toEqual([
      expect.objectContaining({
        outcome: "denied",
        entityType: "user",
        fields: ["throttle.account"],
        actor: expect.objectContaining({ username: "ana", ip: "192.0.2.1" }) as object,
      }),
    ]);
    expect(entries("auth.sign_in", "denied")).toHaveLength(3);
    expect(entries("auth.sign_in", "success")).toHaveLength(0);

    clock += MINUTE;
    const after = await login("ana", TEST_PASSWORD);
    expect(after.statusCode).toBe(200);
    expect(entries("auth.sign_in", "success")).toHaveLength(1);
  });

  it("forgets failures older than 15 minutes, and a success clears the account's count", async () => {
    for (let i = 0; i < 4; i++) expect((await login("bea", "wrong-password")).statusCode).toBe(401);
    clock += 16 * MINUTE;
    for (let i = 0; i < 4; i++) expect((await login("bea", "wrong-password")).statusCode).toBe(401);
    expect((await login("bea", TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login("bea", "wrong-password")).statusCode).toBe(401);
    expect((await login("bea", "wrong-password")).statusCode).toBe(429);
  });

  it("locks an unknown username exactly like a real one, so lockouts reveal no accounts", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await login("nobody-here", TEST_PASSWORD)).statusCode);
    const during = await login("nobody-here", TEST_PASSWORD);
    expect([...statuses, during.statusCode]).toEqual([401, 401, 401, 401, 429, 429]);
    expect(errorOf(during)).toEqual({
      code: "auth.locked",
      details: { retryAfterSeconds: 900, retryAfterMinutes: 15 },
    });
    // An unknown name is not written to the audit trail: it may be a password typed in the wrong box.
    expect(audit.entries.every((e) => e.actor.username === null)).toBe(true);
  });

  it("refuses a parallel burst beyond the limit without checking those passwords", async () => {
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login("cora", `wrong-password-${i}`)),
    );
    const statuses = burst.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(8);
    expect(entries("auth.sign_in", "failure").length).toBeLessThanOrEqual(5);
    expect((await login("cora", TEST_PASSWORD)).statusCode).toBe(429);
  });

  it("locks a client address after 50 failures across accounts; other addresses still sign in", async () => {
    const ip = "198.51.100.7";
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) {
      statuses.push((await login(`guess-${i}`, `wrong-password-${i}`, ip)).statusCode);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(49);
    expect(statuses.at(-1)).toBe(429);
    const fromLockedIp = await login("dina", TEST_PASSWORD, ip);
    expect(fromLockedIp.statusCode).toBe(429);
    expect(errorOf(fromLockedIp).details).toEqual({
      retryAfterSeconds: 900,
      retryAfterMinutes: 15,
    });
    expect((await login("dina", TEST_PASSWORD, "198.51.100.8")).statusCode).toBe(200);
    expect(entries("auth.lockout").map((e) => e.fields)).toContainEqual(["throttle.ip"]);
    clock += 15 * MINUTE;
    expect((await login("eve", TEST_PASSWORD, ip)).statusCode).toBe(200);
  });
});
