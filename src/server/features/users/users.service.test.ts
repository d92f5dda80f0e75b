import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import { AppError } from "../../../core/errors";
import { createAuditRecorder } from "../../audit/audit-recorder";
import { ensureFirstAdmin, ensureRootUnit } from "../../bootstrap";
import { verifyPassword } from "../../security/password";
import { createUsersRepository } from "./users.repository";
import { createUsersService, type UsersService } from "./users.service";

async function appErrorOf(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe.each(testEngines())("users service (%s)", (engine) => {
  let database: TestDatabase;
  let users: UsersService;
  let rootId: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    users = createUsersService(
      createUsersRepository(database.db),
      createAuditRecorder(database.db),
    );
    rootId = await ensureRootUnit(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("creates the first admin once, at the root, with a generated password", async () => {
    expect(await users.hasAnyUser()).toBe(false);
    const first = await ensureFirstAdmin(database.db, users, undefined);
    expect(first).toMatchObject({ isCreated: true, username: "admin", isGenerated: true });
    expect(await ensureFirstAdmin(database.db, users, "ignored-password")).toEqual({
      isCreated: false,
      username: "admin",
    });
    const roles = await createUsersRepository(database.db).listRoles(
      (await createUsersRepository(database.db).findByUsername("admin"))?.id ?? 0,
    );
    expect(roles).toEqual([{ role: "admin", orgUnitId: rootId, path: `/${rootId}/` }]);
    expect(await ensureRootUnit(database.db)).toBe(rootId);
  });

  it.each([
    ["Upper", "username"],
    ["ab", "username"],
    ["with space", "username"],
  ])("refuses the username %j as request.invalid", async (username, field) => {
    const error = await appErrorOf(users.addUser({ username, role: "admin", orgUnitId: rootId }));
    expect(error.code).toBe("request.invalid");
    expect(error.details.field).toBe(field);
  });

  it("refuses an unknown role, a taken username and a short password", async () => {
    const input = { username: "eve", orgUnitId: rootId, password: "long-enough-pass" };
    expect((await appErrorOf(users.addUser({ ...input, role: "overlord" }))).details).toEqual({
      field: "role",
      value: "overlord",
    });
    await users.addUser({ ...input, role: "auditor" });
    expect((await appErrorOf(users.addUser({ ...input, role: "auditor" }))).code).toBe(
      "user.exists",
    );
    const short = await appErrorOf(
      users.addUser({ ...input, username: "frank", password: "short", role: "auditor" }),
    );
    expect(short.code).toBe("user.password_too_short");
    expect(short.details).toEqual({ minLength: 12 });
    expect(await createUsersRepository(database.db).findByUsername("frank")).toBeUndefined();
  });

  it("resets a password, generated or given, and refuses an unknown user", async () => {
    const generated = await users.resetPassword("eve");
    expect(generated.isGenerated).toBe(true);
    expect(generated.password).toHaveLength(20);
    await users.resetPassword("eve", "chosen-password-2");
    const eve = await createUsersRepository(database.db).findByUsername("eve");
    expect(await verifyPassword(eve?.passwordHash ?? "", "chosen-password-2")).toBe(true);
    expect(await verifyPassword(eve?.passwordHash ?? "", generated.password)).toBe(false);
    const error = await appErrorOf(users.resetPassword("nobody"));
    expect(error.code).toBe("user.not_found");
    expect(error.details).toEqual({ username: "nobody" });
  });
});
