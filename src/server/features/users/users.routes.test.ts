import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryAuditRecorder } from "../../../../test/audit";
import { seedOrgTree, seedUser, TEST_PASSWORD, type SeededTree } from "../../../../test/factories";
import { errorOf, injectAs, signInSession } from "../../../../test/http";
import { injectWith, openSession, type TestSession } from "../../../../test/sessions";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import type { AdminUser } from "../../../core/schemas/users";
import { buildApp } from "../../app";
import { AppError } from "../../../core/errors";
import { createUsersAdminRepository } from "./users-admin.repository";
import { createUsersAdminService } from "./users-admin.service";

describe.each(testEngines())("user administration (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let app: FastifyInstance;
  const audit = createMemoryAuditRecorder();
  const ids = new Map<string, number>();
  let admin: TestSession;
  let p1Admin: TestSession;

  const call = (
    session: TestSession,
    method: "GET" | "POST" | "DELETE",
    url: string,
    payload?: object,
  ) => injectWith(app, session, { method, url, ...(payload ? { payload } : {}) });
  const list = async (session: TestSession) => {
    const response = await call(session, "GET", "/api/users");
    expect(response.statusCode).toBe(200);
    return response.json<{ users: AdminUser[] }>().users;
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    for (const [username, role, unit] of [
      ["admin.hq", "admin", "HQ"],
      ["admin.p1", "admin", "P1"],
      ["hr.p1d1", "hr-officer", "P1-D1"],
      ["hr.p2", "hr-officer", "P2"],
      ["mixed", "hr-officer", "P1"],
    ] as const) {
      ids.set(username, await seedUser(database.db, tree, { username, role, unitCode: unit }));
    }
    await database.db
      .insertInto("role_assignments")
      .values({ user_id: ids.get("mixed") ?? 0, role: "hq-analyst", org_unit_id: tree.id("P2") })
      .execute();
    admin = await openSession(database.db, ids.get("admin.hq") ?? 0);
    p1Admin = await openSession(database.db, ids.get("admin.p1") ?? 0);
    app = await buildApp({ database, audit });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("lists accounts with a role in the admin's subtree, showing only those assignments", async () => {
    expect((await list(admin)).map((u) => u.username)).toEqual([
      "admin.hq",
      "admin.p1",
      "hr.p1d1",
      "hr.p2",
      "mixed",
    ]);
    const users = await list(p1Admin);
    expect(users.map((u) => [u.username, u.isManageable, u.isSelf])).toEqual([
      ["admin.p1", true, true],
      ["hr.p1d1", true, false],
      ["mixed", false, false],
    ]);
    expect(users.find((u) => u.username === "mixed")?.assignments).toEqual([
      { id: expect.any(Number) as number, role: "hr-officer", orgUnitId: tree.id("P1") },
    ]);
  });

  it("creates a user at a unit in scope with a generated password, and audits it", async () => {
    const response = await call(p1Admin, "POST", "/api/users", {
      username: "New.Officer",
      displayName: "New Officer",
      role: "unit-manager",
      orgUnitId: tree.id("P1-D2"),
    });
    expect(response.statusCode).toBe(201);
    const body = response.json<{ user: AdminUser; password: string }>();
    expect(body.user).toMatchObject({
      username: "new.officer",
      displayName: "New Officer",
      isDisabled: false,
      isManageable: true,
      assignments: [{ role: "unit-manager", orgUnitId: tree.id("P1-D2") }],
    });
    expect(body.password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
    ids.set("new.officer", body.user.id);
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "new.officer", password: body.password },
    });
    expect(login.statusCode).toBe(200);
    expect(audit.entries.find((e) => e.action === "user.create")).toMatchObject({
      entityId: String(body.user.id),
      orgUnitId: tree.id("P1-D2"),
      outcome: "success",
      actor: expect.objectContaining({ username: "admin.p1" }) as object,
    });
  });

  it("refuses a unit outside the admin's subtree, a weak password and a taken username", async () => {
    const outside = await call(p1Admin, "POST", "/api/users", {
      username: "sneaky",
      role: "admin",
      orgUnitId: tree.id("HQ"),
    });
    expect(outside.statusCode).toBe(404);
    expect(errorOf(outside)).toEqual({
      code: "org_unit.not_found",
      details: { id: tree.id("HQ") },
    });
    const weak = await call(p1Admin, "POST", "/api/users", {
      username: "weak",
      role: "hr-officer",
      orgUnitId: tree.id("P1"),
      password: "short",
    });
    expect(weak.statusCode).toBe(400);
    expect(errorOf(weak).code).toBe("user.password_too_short");
    const taken = await call(admin, "POST", "/api/users", {
      username: "hr.p2",
      role: "hr-officer",
      orgUnitId: tree.id("P2"),
    });
    expect(taken.statusCode).toBe(409);
    expect(errorOf(taken)).toEqual({ code: "user.exists", details: { username: "hr.p2" } });
  });

  it("disables an account (ending its sessions) and enables it again", async () => {
    const id = ids.get("hr.p1d1") ?? 0;
    const victim = await openSession(database.db, id);
    const disabled = await call(p1Admin, "POST", `/api/users/${id}/disable`);
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json<AdminUser>().isDisabled).toBe(true);
    const me = await app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { cookie: victim.cookie },
    });
    expect(me.statusCode).toBe(401);
    const sessions = await database.db
      .selectFrom("sessions")
      .select("user_id")
      .where("user_id", "=", id)
      .execute();
    expect(sessions).toEqual([]);
    const enabled = await call(p1Admin, "POST", `/api/users/${id}/enable`);
    expect(enabled.json<AdminUser>().isDisabled).toBe(false);
    expect(audit.entries.slice(-2).map((e) => [e.action, e.entityId, e.outcome])).toEqual([
      ["user.disable", String(id), "success"],
      ["user.enable", String(id), "success"],
    ]);
  });

  it("adds and removes role assignments within the subtree", async () => {
    const id = ids.get("new.officer") ?? 0;
    const added = await call(p1Admin, "POST", `/api/users/${id}/roles`, {
      role: "community-officer",
      orgUnitId: tree.id("P1-D1-S1"),
    });
    expect(added.statusCode).toBe(200);
    const assignments = added.json<AdminUser>().assignments;
    expect(assignments.map((a) => [a.role, a.orgUnitId])).toEqual([
      ["unit-manager", tree.id("P1-D2")],
      ["community-officer", tree.id("P1-D1-S1")],
    ]);
    const again = await call(p1Admin, "POST", `/api/users/${id}/roles`, {
      role: "community-officer",
      orgUnitId: tree.id("P1-D1-S1"),
    });
    expect(errorOf(again).code).toBe("role_assignment.exists");
    const removed = await call(p1Admin, "DELETE", `/api/users/${id}/roles/${assignments[0]?.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json<AdminUser>().assignments.map((a) => a.role)).toEqual(["community-officer"]);
    expect(audit.entries.at(-1)).toMatchObject({
      action: "user.role_remove",
      orgUnitId: tree.id("P1-D2"),
      fields: ["role", "org_unit_id"],
    });
  });

  it("never lets an admin change an account that reaches beyond their subtree, or themselves", async () => {
    for (const username of ["mixed", "hr.p2", "admin.hq"]) {
      const response = await call(p1Admin, "POST", `/api/users/${ids.get(username)}/disable`);
      expect(response.statusCode).toBe(404);
      expect(errorOf(response).code).toBe("user.not_found");
    }
    const self = await call(p1Admin, "POST", `/api/users/${ids.get("admin.p1")}/disable`);
    expect(errorOf(self).code).toBe("user.cannot_change_self");
    const lastAdmin = await call(admin, "POST", `/api/users/${ids.get("admin.hq")}/disable`);
    expect(lastAdmin.statusCode).toBe(409);
    expect(errorOf(lastAdmin).code).toBe("user.cannot_change_self");
  });

  it("keeps at least one enabled administrator of the whole tree", async () => {
    // Only reachable by an actor that is not itself such an administrator (e.g. an integration).
    const service = createUsersAdminService({
      repo: createUsersAdminRepository(database.db),
      users: { addUser: () => Promise.reject(new Error("unused")) },
      audit,
    });
    const rootScope = { unitPaths: [`/${tree.id("HQ")}/`] };
    const integration = { userId: null, username: null, ip: null, userAgent: null };
    const error = await service
      .setDisabled(rootScope, integration, ids.get("admin.hq") ?? 0, true)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("user.last_admin");
    const account = await database.db
      .selectFrom("users")
      .select("is_disabled")
      .where("username", "=", "admin.hq")
      .executeTakeFirstOrThrow();
    expect(account.is_disabled).toBe(false);
    expect(audit.entries.at(-1)).toMatchObject({ action: "user.disable", outcome: "failure" });
  });

  it("resets the two-step sign-in of someone who lost their phone, ending their sessions", async () => {
    const caseId = await seedUser(database.db, tree, {
      username: "case.p1",
      role: "case-officer",
      unitCode: "P1-D1",
    });
    const analystId = await seedUser(database.db, tree, {
      username: "analyst.p1",
      role: "hq-analyst",
      unitCode: "P1-D2",
    });
    // case.p1 enrols through the API (the role requires it); analyst.p1 turned it on voluntarily.
    const caseSession = await signInSession(app, "case.p1");
    expect(caseSession.recoveryCodes).toHaveLength(10);
    await database.db
      .insertInto("user_totp")
      .values({
        user_id: analystId,
        secret_encrypted: "v1.sealed",
        created_at: new Date(),
        confirmed_at: new Date(),
      })
      .execute();
    const status = async (username: string) => {
      const login = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username, password: TEST_PASSWORD },
      });
      return login.json<{ status: string }>().status;
    };
    expect((await list(p1Admin)).find((u) => u.id === caseId)?.isTwoFactorEnabled).toBe(true);
    const rowsOf = async (table: "user_totp" | "user_recovery_codes" | "sessions", id: number) =>
      (await database.db.selectFrom(table).select("user_id").where("user_id", "=", id).execute())
        .length;
    expect(await rowsOf("user_recovery_codes", caseId)).toBe(10);

    const reset = await call(p1Admin, "POST", `/api/users/${caseId}/reset-two-factor`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json<AdminUser>()).toMatchObject({
      username: "case.p1",
      isTwoFactorEnabled: false,
    });
    expect([
      await rowsOf("user_totp", caseId),
      await rowsOf("user_recovery_codes", caseId),
      await rowsOf("sessions", caseId),
    ]).toEqual([0, 0, 0]);
    const me = await injectAs(app, caseSession.cookie, { method: "GET", url: "/api/auth/me" });
    expect(me.statusCode).toBe(401);
    expect(audit.entries.at(-1)).toMatchObject({
      action: "user.two_factor_reset",
      entityId: String(caseId),
      orgUnitId: tree.id("P1-D1"),
      fields: ["totp_secret", "recovery_codes"],
      outcome: "success",
      actor: expect.objectContaining({ username: "admin.p1" }) as object,
    });
    // The role requires it: the next sign-in leads to enrolment. A voluntary user signs in with the password.
    expect(await status("case.p1")).toBe("enrolment_required");
    expect(await status("analyst.p1")).toBe("second_factor_required");
    expect((await call(admin, "POST", `/api/users/${analystId}/reset-two-factor`)).statusCode).toBe(
      200,
    );
    expect(await status("analyst.p1")).toBe("signed_in");

    const again = await call(p1Admin, "POST", `/api/users/${caseId}/reset-two-factor`);
    expect([again.statusCode, errorOf(again).code]).toEqual([409, "auth.two_factor_not_enabled"]);
    expect(audit.entries.at(-1)).toMatchObject({
      action: "user.two_factor_reset",
      outcome: "failure",
    });
    const self = await call(p1Admin, "POST", `/api/users/${ids.get("admin.p1")}/reset-two-factor`);
    expect([self.statusCode, errorOf(self).code]).toEqual([409, "user.two_factor_reset_self"]);
    for (const username of ["mixed", "hr.p2", "admin.hq"]) {
      const outside = await call(
        p1Admin,
        "POST",
        `/api/users/${ids.get(username)}/reset-two-factor`,
      );
      expect([username, outside.statusCode, errorOf(outside).code]).toEqual([
        username,
        404,
        "user.not_found",
      ]);
    }
    const hr = await openSession(database.db, ids.get("hr.p2") ?? 0);
    const forbidden = await call(hr, "POST", `/api/users/${caseId}/reset-two-factor`);
    expect([forbidden.statusCode, errorOf(forbidden).code]).toEqual([403, "auth.forbidden"]);
  });

  it("is for administrators only", async () => {
    const hr = await openSession(database.db, ids.get("hr.p2") ?? 0);
    const response = await call(hr, "GET", "/api/users");
    expect(response.statusCode).toBe(403);
    expect(errorOf(response)).toEqual({
      code: "auth.forbidden",
      details: { action: "users.read" },
    });
  });
});
