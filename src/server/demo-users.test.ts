import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryAuditRecorder } from "../../test/audit";
import { createTestDatabase, testEngines, type TestDatabase } from "../../test/test-db";
import { demoUserSpecs } from "../core/demo/users";
import { ensureRootUnit } from "./bootstrap";
import { createDemoUsers } from "./demo-users";
import { createUsersRepository } from "./features/users/users.repository";
import { createUsersService } from "./features/users/users.service";

describe.each(testEngines())("demo users (%s)", (engine) => {
  let database: TestDatabase;
  const audit = createMemoryAuditRecorder();

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const root = await ensureRootUnit(database.db);
    let parent = { id: root, path: `/${root}/` };
    for (const [code, kind] of [
      ["P01", "province"],
      ["P01-D01", "district"],
      ["P01-D01-S01", "station"],
    ] as const) {
      const id = parent.id + 100;
      const path = `${parent.path}${id}/`;
      await database.db
        .insertInto("org_units")
        .values({ id, code, name: code, kind, parent_id: parent.id, path })
        .execute();
      parent = { id, path };
    }
    for (const [i, code] of ["NU-FGP", "NU-ICP", "NU-ACA"].entries()) {
      await database.db
        .insertInto("org_units")
        .values({
          id: 500 + i,
          code,
          name: code,
          kind: "national_unit",
          parent_id: root,
          path: `/${root}/${500 + i}/`,
        })
        .execute();
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  it("creates one account per role at its unit, with a password shown once, and only once", async () => {
    const users = createUsersService(createUsersRepository(database.db), audit);
    const created = await createDemoUsers(database.db, users);
    expect(created.map((u) => [u.username, u.role, u.unitCode])).toEqual(
      demoUserSpecs.map((s) => [s.username, s.role, s.unitCode]),
    );
    expect(new Set(created.map((u) => u.role)).size).toBe(10);
    for (const user of created) expect(user.password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
    const assignments = await database.db
      .selectFrom("role_assignments as ra")
      .innerJoin("users as u", "u.id", "ra.user_id")
      .innerJoin("org_units as ou", "ou.id", "ra.org_unit_id")
      .select(["u.username", "ra.role", "ou.code"])
      .orderBy("u.id")
      .execute();
    expect(assignments.map((a) => [a.username, a.role, a.code])).toEqual(
      demoUserSpecs.map((s) => [s.username, s.role, s.unitCode]),
    );
    expect(await createDemoUsers(database.db, users)).toEqual([]);
  });
});
