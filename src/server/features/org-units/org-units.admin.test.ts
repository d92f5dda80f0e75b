import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryAuditRecorder } from "../../../../test/audit";
import { seedOrgTree, seedUser, seedWorkforce, type SeededTree } from "../../../../test/factories";
import { errorOf } from "../../../../test/http";
import { orgUnitsFingerprint } from "../../../../test/org-units";
import { injectWith, openSession, type TestSession } from "../../../../test/sessions";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import type { OrgUnit, OrgUnitHistory } from "../../../core/schemas/org-units";
import { buildApp } from "../../app";

const TODAY = "2024-06-15";

describe.each(testEngines())("org-unit administration (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let app: FastifyInstance;
  const audit = createMemoryAuditRecorder();
  let admin: TestSession;
  let provinceAdmin: TestSession;
  let analyst: TestSession;

  const call = (
    session: TestSession,
    method: "GET" | "POST" | "PATCH",
    url: string,
    payload?: object,
  ) => injectWith(app, session, { method, url, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    await seedWorkforce(database.db, tree, [
      {
        serviceNumber: "S1",
        sex: "F",
        steps: [{ type: "hire", date: "2015-01-01", rank: "CON", unit: "P1-D2" }],
      },
    ]);
    const session = async (username: string, role: string, unitCode: string) =>
      openSession(database.db, await seedUser(database.db, tree, { username, role, unitCode }));
    admin = await session("admin.hq", "admin", "HQ");
    provinceAdmin = await session("admin.p2", "admin", "P2");
    analyst = await session("ana.hq", "hq-analyst", "HQ");
    app = await buildApp({ database, audit, now: () => new Date(`${TODAY}T10:00:00Z`) });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("opens a unit under a parent, records its first version and audits the write", async () => {
    const response = await call(admin, "POST", "/api/org-units", {
      code: "P1-D1-S2",
      name: "Riverside Station",
      kind: "station",
      parentId: tree.id("P1-D1"),
      openedOn: "2020-03-01",
    });
    expect(response.statusCode).toBe(201);
    const unit = response.json<OrgUnit>();
    expect(unit).toMatchObject({
      code: "P1-D1-S2",
      parentId: tree.id("P1-D1"),
      openedOn: "2020-03-01",
      closedOn: null,
    });
    const history = (
      await call(admin, "GET", `/api/org-units/${unit.id}/history`)
    ).json<OrgUnitHistory>();
    expect(history.versions).toEqual([
      {
        validFrom: "2020-03-01",
        validTo: null,
        code: "P1-D1-S2",
        name: "Riverside Station",
        kind: "station",
        specialisation: null,
        parentId: tree.id("P1-D1"),
        isClosed: false,
      },
    ]);
    expect(audit.entries.at(-1)).toMatchObject({
      action: "org_unit.create",
      entityType: "org_unit",
      entityId: String(unit.id),
      orgUnitId: unit.id,
      outcome: "success",
      actor: expect.objectContaining({ username: "admin.hq" }) as object,
    });
  });

  it("renames from a date: the old name stays in the history", async () => {
    const id = tree.id("P2-D1");
    const response = await call(admin, "PATCH", `/api/org-units/${id}`, {
      name: "North District",
      effectiveOn: "2023-01-01",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<OrgUnit>().name).toBe("North District");
    const { versions } = (
      await call(admin, "GET", `/api/org-units/${id}/history`)
    ).json<OrgUnitHistory>();
    expect(versions.map((v) => [v.validFrom, v.validTo, v.name])).toEqual([
      ["2000-01-01", "2023-01-01", "Unit P2-D1"],
      ["2023-01-01", null, "North District"],
    ]);
    expect(audit.entries.at(-1)).toMatchObject({
      action: "org_unit.update",
      fields: ["name"],
      outcome: "success",
    });
  });

  it("moves a unit with its subtree; the tree as of an earlier date keeps it in the old place", async () => {
    const response = await call(admin, "POST", `/api/org-units/${tree.id("P1-D1")}/move`, {
      parentId: tree.id("P2"),
      effectiveOn: "2022-01-01",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<OrgUnit>().parentId).toBe(tree.id("P2"));
    const codes = async (query: string) =>
      (await call(admin, "GET", `/api/org-units${query}`))
        .json<{ units: OrgUnit[] }>()
        .units.map((u) => u.code);
    expect((await codes("")).filter((c) => c.startsWith("P1-D1")).sort()).toEqual([
      "P1-D1",
      "P1-D1-S1",
      "P1-D1-S2",
    ]);
    const unitsToday = (await call(admin, "GET", "/api/org-units")).json<{
      units: Array<OrgUnit>;
    }>().units;
    const station = unitsToday.find((u) => u.code === "P1-D1-S1");
    expect(station?.parentId).toBe(tree.id("P1-D1"));
    const session2019 = await codes("?at=2019-06-30");
    expect(session2019).toContain("P1-D1-S1");
    expect(session2019).not.toContain("P1-D1-S2");
    // The province admin of P2 sees the moved district today, but not in the 2019 tree.
    const p2Today = (await call(provinceAdmin, "GET", "/api/org-units")).json<{
      units: OrgUnit[];
    }>().units;
    expect(p2Today.map((u) => u.code).sort()).toEqual([
      "P1-D1",
      "P1-D1-S1",
      "P1-D1-S2",
      "P2",
      "P2-D1",
    ]);
    const p2Then = (await call(provinceAdmin, "GET", "/api/org-units?at=2019-06-30")).json<{
      units: OrgUnit[];
    }>();
    expect(p2Then.units.map((u) => u.code).sort()).toEqual(["P2", "P2-D1"]);
    expect(audit.entries.at(-1)).toMatchObject({
      action: "org_unit.move",
      fields: ["parent_id", "path"],
    });
  });

  it("refuses a move under the unit's own subtree and a change dated before its last change", async () => {
    const cycle = await call(admin, "POST", `/api/org-units/${tree.id("P2")}/move`, {
      parentId: tree.id("P1-D1-S1"),
    });
    expect(cycle.statusCode).toBe(409);
    expect(errorOf(cycle)).toEqual({
      code: "org_unit.cycle",
      details: { id: tree.id("P2"), parentId: tree.id("P1-D1-S1") },
    });
    const early = await call(admin, "PATCH", `/api/org-units/${tree.id("P1-D1")}`, {
      name: "Too early",
      effectiveOn: "2021-12-31",
    });
    expect(early.statusCode).toBe(409);
    expect(errorOf(early)).toEqual({
      code: "org_unit.history_conflict",
      details: { id: tree.id("P1-D1"), date: "2021-12-31", validFrom: "2022-01-01" },
    });
    expect(audit.entries.at(-1)).toMatchObject({ action: "org_unit.update", outcome: "failure" });
  });

  it("refuses to close a unit with open children or staff in post, and closes an empty one", async () => {
    const before = await orgUnitsFingerprint(database.db);
    const withChildren = await call(admin, "POST", `/api/org-units/${tree.id("P2")}/close`, {});
    expect(errorOf(withChildren)).toEqual({
      code: "org_unit.has_open_children",
      details: { id: tree.id("P2"), count: 2 },
    });
    const withStaff = await call(admin, "POST", `/api/org-units/${tree.id("P1-D2")}/close`, {
      closedOn: "2024-01-01",
    });
    expect(withStaff.statusCode).toBe(409);
    expect(errorOf(withStaff)).toEqual({
      code: "org_unit.has_staff",
      details: { id: tree.id("P1-D2"), count: 1, date: "2024-01-01" },
    });
    expect(await orgUnitsFingerprint(database.db)).toEqual(before);
    const closed = await call(admin, "POST", `/api/org-units/${tree.id("NU-CID")}/close`, {
      closedOn: "2024-05-01",
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json<OrgUnit>().closedOn).toBe("2024-05-01");
    const open = (await call(admin, "GET", "/api/org-units")).json<{ units: OrgUnit[] }>().units;
    expect(open.map((u) => u.code)).not.toContain("NU-CID");
    const all = (await call(admin, "GET", "/api/org-units?includeClosed=true")).json<{
      units: OrgUnit[];
    }>().units;
    expect(all.map((u) => u.code)).toContain("NU-CID");
    const again = await call(admin, "POST", `/api/org-units/${tree.id("NU-CID")}/close`, {});
    expect(errorOf(again).code).toBe("org_unit.is_closed");
  });

  it("refuses future dates, taken codes, the root, and anything outside the admin's subtree", async () => {
    const future = await call(admin, "PATCH", `/api/org-units/${tree.id("P2")}`, {
      name: "Later",
      effectiveOn: "2030-01-01",
    });
    expect(errorOf(future)).toEqual({
      code: "org_unit.date_out_of_range",
      details: { date: "2030-01-01", after: null, max: TODAY },
    });
    const taken = await call(admin, "PATCH", `/api/org-units/${tree.id("P2")}`, { code: "P1" });
    expect(errorOf(taken)).toEqual({ code: "org_unit.code_taken", details: { code: "P1" } });
    const root = await call(admin, "POST", `/api/org-units/${tree.id("HQ")}/close`, {});
    expect(errorOf(root).code).toBe("org_unit.is_root");
    const outside = await call(provinceAdmin, "PATCH", `/api/org-units/${tree.id("P1")}`, {
      name: "Mine now",
    });
    expect(outside.statusCode).toBe(404);
    expect(errorOf(outside)).toEqual({
      code: "org_unit.not_found",
      details: { id: tree.id("P1") },
    });
    const intoOutside = await call(provinceAdmin, "POST", "/api/org-units", {
      code: "X1",
      name: "X",
      kind: "station",
      parentId: tree.id("P1"),
    });
    expect(intoOutside.statusCode).toBe(404);
  });

  it("lets only admins write", async () => {
    const response = await call(analyst, "POST", "/api/org-units", {
      code: "X2",
      name: "X",
      kind: "station",
      parentId: tree.id("P1"),
    });
    expect(response.statusCode).toBe(403);
    expect(errorOf(response)).toEqual({
      code: "auth.forbidden",
      details: { action: "org_units.write" },
    });
  });
});
