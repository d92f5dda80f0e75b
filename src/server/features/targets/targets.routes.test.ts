import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryAuditRecorder } from "../../../../test/audit";
import { seedOrgTree, seedUser, seedWorkforce, type SeededTree } from "../../../../test/factories";
import { errorOf } from "../../../../test/http";
import { injectWith, openSession, type TestSession } from "../../../../test/sessions";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import type { RepresentationTarget } from "../../../core/schemas/targets";
import { buildApp } from "../../app";

const NOW = new Date("2024-06-15T12:00:00Z");

describe.each(testEngines())("representation targets (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let app: FastifyInstance;
  const audit = createMemoryAuditRecorder();
  let admin: TestSession;
  let analystP1: TestSession;
  let managerP1: TestSession;
  let partner: TestSession;
  let auditor: TestSession;
  let groupIds: Map<string, number>;

  const call = (
    session: TestSession,
    method: "GET" | "POST" | "PATCH" | "DELETE",
    url: string,
    payload?: object,
  ) => injectWith(app, session, { method, url, ...(payload ? { payload } : {}) });
  const list = async (session: TestSession, query = "") => {
    const response = await call(session, "GET", `/api/targets${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ targets: RepresentationTarget[] }>().targets;
  };
  const label = (t: RepresentationTarget) =>
    `${t.unit.code}/${t.rankGroup?.code ?? "*"}/${t.targetYear}=${t.shareBasisPoints}`;
  const create = (session: TestSession, body: Record<string, unknown>) =>
    call(session, "POST", "/api/targets", {
      rankGroupId: null,
      targetYear: 2030,
      sharePercent: "15",
      ...body,
    });
  const stored = async () =>
    (
      await sql<{ label: string }>`
        SELECT u.code || '/' || coalesce(g.code, '*') || '/' || t.target_year || '=' || t.target_share_bp AS label
          FROM representation_targets t JOIN org_units u ON u.id = t.org_unit_id
          LEFT JOIN rank_groups g ON g.id = t.rank_group_id ORDER BY 1`.execute(database.db)
    ).rows.map((r) => r.label);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    await seedWorkforce(database.db, tree, []);
    const groups = await database.db.selectFrom("rank_groups").select(["id", "code"]).execute();
    groupIds = new Map(groups.map((g) => [g.code, g.id]));
    const session = async (username: string, role: string, unitCode: string) =>
      openSession(database.db, await seedUser(database.db, tree, { username, role, unitCode }));
    admin = await session("admin.hq", "admin", "HQ");
    analystP1 = await session("ana.p1", "hq-analyst", "P1");
    managerP1 = await session("manager.p1", "unit-manager", "P1");
    partner = await session("partner.hq", "partner-viewer", "HQ");
    auditor = await session("auditor.hq", "auditor", "HQ");
    app = await buildApp({ database, audit, now: () => NOW });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  // The steps build on each other, in order, on one database.
  it("creates a target with the share read exactly, audited with its unit and fields", async () => {
    const response = await create(admin, {
      unitId: tree.id("HQ"),
      rankGroupId: groupIds.get("senior_command"),
      sharePercent: "10.25",
      note: "  Gender strategy 2024–2030  ",
    });
    expect(response.statusCode, response.body).toBe(201);
    const target = response.json<RepresentationTarget>();
    expect(target).toMatchObject({
      unit: { id: tree.id("HQ"), code: "HQ" },
      rankGroup: { code: "senior_command" },
      targetYear: 2030,
      shareBasisPoints: 1025,
      note: "Gender strategy 2024–2030",
      planStart: "2024-01-01",
      createdAt: NOW.toISOString(),
    });
    expect(audit.entries.at(-1)).toEqual(
      expect.objectContaining({
        action: "target.create",
        entityType: "representation_target",
        entityId: String(target.id),
        orgUnitId: tree.id("HQ"),
        fields: ["org_unit_id", "rank_group_id", "target_year", "target_share_bp", "note"],
        outcome: "success",
      }),
    );
    const row = await database.db
      .selectFrom("representation_targets")
      .select(["created_by", "target_share_bp"])
      .executeTakeFirstOrThrow();
    expect(row.target_share_bp).toBe(1025);
    expect(row.created_by).not.toBeNull();
  });

  it("lets a province analyst set targets in their subtree only, and list only those", async () => {
    const own = await create(analystP1, { unitId: tree.id("P1-D1"), sharePercent: 12.5 });
    expect(own.statusCode, own.body).toBe(201);
    expect((await create(admin, { unitId: tree.id("P2"), targetYear: 2028 })).statusCode).toBe(201);
    const outside = await create(analystP1, { unitId: tree.id("P2"), targetYear: 2029 });
    expect(outside.statusCode).toBe(404);
    expect(errorOf(outside)).toEqual({
      code: "org_unit.not_found",
      details: { id: tree.id("P2") },
    });
    expect(audit.entries.at(-1)).toMatchObject({ action: "target.create", outcome: "failure" });

    expect((await list(analystP1)).map(label)).toEqual(["P1-D1/*/2030=1250"]);
    expect((await list(managerP1)).map(label)).toEqual(["P1-D1/*/2030=1250"]);
    expect((await list(partner)).map(label)).toEqual([
      "HQ/senior_command/2030=1025",
      "P1-D1/*/2030=1250",
      "P2/*/2028=1500",
    ]);
    expect((await list(admin, `?unit=${tree.id("P1")}`)).map(label)).toEqual(["P1-D1/*/2030=1250"]);
    const otherSubtree = await call(analystP1, "GET", `/api/targets?unit=${tree.id("P2")}`);
    expect(otherSubtree.statusCode).toBe(404);
    expect(errorOf(otherSubtree).code).toBe("org_unit.not_found");
  });

  it("refuses reads to roles without targets.read and writes to roles without targets.write", async () => {
    const read = await call(auditor, "GET", "/api/targets");
    expect(read.statusCode).toBe(403);
    expect(errorOf(read)).toMatchObject({ details: { action: "targets.read" } });
    for (const session of [managerP1, partner]) {
      const write = await create(session, { unitId: tree.id("P1-D1"), targetYear: 2031 });
      expect(write.statusCode).toBe(403);
      expect(errorOf(write)).toMatchObject({ details: { action: "targets.write" } });
    }
  });

  it("refuses a bad percentage or year with an error naming the field and the value", async () => {
    const before = await stored();
    for (const [sharePercent, value] of [
      ["15,5%", "15,5%"],
      ["101", "101"],
      ["abc", "abc"],
      ["15.555", "15.555"],
      [-1, "-1"],
      [0.1 + 0.2, "0.30000000000000004"],
    ] as const) {
      const response = await create(admin, {
        unitId: tree.id("P2"),
        targetYear: 2027,
        sharePercent,
      });
      expect(response.statusCode, String(sharePercent)).toBe(400);
      expect(errorOf(response)).toEqual({
        code: "target.share_invalid",
        details: { field: "sharePercent", value },
      });
    }
    const year = await create(admin, { unitId: tree.id("P2"), targetYear: 1999 });
    expect(year.statusCode).toBe(400);
    expect(errorOf(year)).toEqual({
      code: "target.year_invalid",
      details: { field: "targetYear", value: "1999", min: "2000", max: "2100" },
    });
    const group = await create(admin, {
      unitId: tree.id("P2"),
      rankGroupId: 9999,
      targetYear: 2027,
    });
    expect(group.statusCode).toBe(404);
    expect(errorOf(group)).toMatchObject({ code: "register.not_found" });
    const closed = await create(admin, { unitId: tree.id("P3"), targetYear: 2027 });
    expect(closed.statusCode).toBe(409);
    expect(errorOf(closed).code).toBe("org_unit.is_closed");
    expect(await stored()).toEqual(before);
    expect(audit.entries.at(-1)).toMatchObject({ action: "target.create", outcome: "failure" });
  });

  it("refuses a second target for the same unit, rank group and year with 409 target.exists", async () => {
    const allRanks = await create(admin, {
      unitId: tree.id("P2"),
      targetYear: 2028,
      sharePercent: "20",
    });
    expect(allRanks.statusCode).toBe(409);
    expect(errorOf(allRanks)).toMatchObject({
      code: "target.exists",
      details: { unit: "P2", ranks: "all", rankGroup: "", targetYear: "2028" },
    });
    const group = await create(admin, {
      unitId: tree.id("HQ"),
      rankGroupId: groupIds.get("senior_command"),
    });
    expect(errorOf(group)).toMatchObject({
      code: "target.exists",
      details: { unit: "HQ", ranks: "group", rankGroup: "senior_command", targetYear: "2030" },
    });
    // Another rank group, or all ranks, of the same unit and year is a different target.
    const other = await create(admin, { unitId: tree.id("HQ"), rankGroupId: null });
    expect(other.statusCode).toBe(201);
    expect(await stored()).toContain("HQ/*/2030=1500");
    // The database holds the rule too: all ranks (NULL) is one value, not distinct NULLs.
    await expect(
      sql`INSERT INTO representation_targets (org_unit_id, rank_group_id, target_year, target_share_bp)
          VALUES (${tree.id("HQ")}, NULL, 2030, 100)`.execute(database.db),
    ).rejects.toThrow(/representation_targets_unique/);
  });

  it("updates a target in scope, audits the changed fields, and refuses moves that collide or leave scope", async () => {
    const p1 = (await list(analystP1))[0];
    const changed = await call(analystP1, "PATCH", `/api/targets/${p1.id}`, {
      sharePercent: "14",
      note: "Raised after the 2024 review",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<RepresentationTarget>()).toMatchObject({
      shareBasisPoints: 1400,
      note: "Raised after the 2024 review",
      unit: { code: "P1-D1" },
    });
    expect(audit.entries.at(-1)).toMatchObject({
      action: "target.update",
      entityId: String(p1.id),
      orgUnitId: tree.id("P1-D1"),
      fields: ["target_share_bp", "note"],
      outcome: "success",
    });
    const away = await call(analystP1, "PATCH", `/api/targets/${p1.id}`, { unitId: tree.id("P2") });
    expect(away.statusCode).toBe(404);
    expect(errorOf(away).code).toBe("org_unit.not_found");
    const p2 = (await list(admin, `?unit=${tree.id("P2")}`))[0];
    const foreign = await call(analystP1, "PATCH", `/api/targets/${p2.id}`, { sharePercent: "1" });
    expect(foreign.statusCode).toBe(404);
    expect(errorOf(foreign)).toEqual({ code: "target.not_found", details: { id: p2.id } });
    expect(audit.entries.at(-1)).toMatchObject({ action: "target.update", outcome: "failure" });
    const hq = (await list(admin, `?unit=${tree.id("HQ")}`)).find((t) => t.rankGroup !== null)!;
    const collide = await call(admin, "PATCH", `/api/targets/${hq.id}`, { rankGroupId: null });
    expect(collide.statusCode).toBe(409);
    expect(errorOf(collide).code).toBe("target.exists");
    expect(await stored()).toEqual([
      "HQ/*/2030=1500",
      "HQ/senior_command/2030=1025",
      "P1-D1/*/2030=1400",
      "P2/*/2028=1500",
    ]);
  });

  it("deletes a target in scope only, audited", async () => {
    const p2 = (await list(admin, `?unit=${tree.id("P2")}`))[0];
    const refused = await call(analystP1, "DELETE", `/api/targets/${p2.id}`);
    expect(refused.statusCode).toBe(404);
    expect(audit.entries.at(-1)).toMatchObject({ action: "target.delete", outcome: "failure" });
    const deleted = await call(admin, "DELETE", `/api/targets/${p2.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(audit.entries.at(-1)).toMatchObject({
      action: "target.delete",
      entityId: String(p2.id),
      orgUnitId: tree.id("P2"),
      fields: [],
      outcome: "success",
    });
    expect(await stored()).not.toContain("P2/*/2028=1500");
    expect((await call(admin, "DELETE", `/api/targets/${p2.id}`)).statusCode).toBe(404);
  });

  it("lists only the targets already set by `at`", async () => {
    await sql`UPDATE representation_targets SET created_at = '2021-03-01T00:00:00Z'
               WHERE target_share_bp = 1025`.execute(database.db);
    expect((await list(admin, "?at=2022-12-31")).map(label)).toEqual([
      "HQ/senior_command/2030=1025",
    ]);
    expect((await list(admin, "?at=2020-12-31")).map(label)).toEqual([]);
    expect(await list(admin, "?at=2024-01-01")).toHaveLength(3);
  });
});
