import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrgTree, seedUser, type SeededTree } from "../../../../test/factories";
import { errorOf, injectAs, signIn } from "../../../../test/http";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import { buildApp } from "../../app";

describe.each(testEngines())("GET /api/org-units (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let app: FastifyInstance;

  const codesFor = async (username: string) => {
    const cookie = await signIn(app, username);
    const response = await injectAs(app, cookie, { method: "GET", url: "/api/org-units" });
    expect(response.statusCode).toBe(200);
    return response.json<{ units: Array<{ code: string }> }>().units.map((u) => u.code);
  };

  const grant = (userId: number, role: string, unitCode: string) =>
    database.db
      .insertInto("role_assignments")
      .values({ user_id: userId, role, org_unit_id: tree.id(unitCode) })
      .execute();

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    await seedUser(database.db, tree, { username: "admin.hq", role: "admin", unitCode: "HQ" });
    await seedUser(database.db, tree, { username: "ana.p1", role: "hq-analyst", unitCode: "P1" });
    await seedUser(database.db, tree, { username: "aud.p2", role: "auditor", unitCode: "P2" });
    const seed = (username: string, role: string, unitCode: string) =>
      seedUser(database.db, tree, { username, role, unitCode });
    await grant(await seed("two.units", "hr-officer", "P1-D1"), "hr-officer", "P2");
    await grant(await seed("nested", "hr-officer", "P1"), "unit-manager", "P1-D1");
    const noPermission = await seed("no.perm", "auditor", "HQ");
    await database.db
      .updateTable("role_assignments")
      .set({ role: "retired-role" })
      .where("user_id", "=", noPermission)
      .execute();
    app = await buildApp({ database });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("gives an HQ administrator every open unit, parents first, and leaves out closed units", async () => {
    const response = await injectAs(app, await signIn(app, "admin.hq"), {
      method: "GET",
      url: "/api/org-units",
    });
    const units = response.json<{
      units: Array<{ id: number; code: string; parentId: number | null }>;
    }>().units;
    expect(units.map((u) => u.code).sort()).toEqual(
      ["HQ", "NU-CID", "P1", "P1-D1", "P1-D1-S1", "P1-D2", "P2", "P2-D1"].sort(),
    );
    const seen = new Set<number>();
    for (const unit of units) {
      if (unit.parentId !== null) expect(seen.has(unit.parentId)).toBe(true);
      seen.add(unit.id);
    }
    expect(units[0]).toMatchObject({ code: "HQ", parentId: null, kind: "hq" });
  });

  it("limits a province analyst to that province's subtree", async () => {
    expect((await codesFor("ana.p1")).sort()).toEqual(["P1", "P1-D1", "P1-D1-S1", "P1-D2"]);
  });

  it("limits a province auditor to that province's subtree", async () => {
    expect((await codesFor("aud.p2")).sort()).toEqual(["P2", "P2-D1"]);
  });

  it("unites the subtrees of several grants, without duplicates for nested ones", async () => {
    expect((await codesFor("two.units")).sort()).toEqual(["P1-D1", "P1-D1-S1", "P2", "P2-D1"]);
    expect((await codesFor("nested")).sort()).toEqual(["P1", "P1-D1", "P1-D1-S1", "P1-D2"]);
  });

  it("forbids a user whose only role grants nothing", async () => {
    const response = await injectAs(app, await signIn(app, "no.perm"), {
      method: "GET",
      url: "/api/org-units",
    });
    expect(response.statusCode).toBe(403);
    expect(errorOf(response)).toEqual({
      code: "auth.forbidden",
      details: { action: "org_units.read" },
    });
  });

  it("requires a session", async () => {
    const response = await app.inject({ method: "GET", url: "/api/org-units" });
    expect(response.statusCode).toBe(401);
    expect(errorOf(response).code).toBe("auth.required");
  });
});
