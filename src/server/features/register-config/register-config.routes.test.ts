import type { FastifyInstance } from "fastify";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryAuditRecorder } from "../../../../test/audit";
import { seedOrgTree, seedUser, seedWorkforce, type SeededTree } from "../../../../test/factories";
import { errorOf } from "../../../../test/http";
import { injectWith, openSession, type TestSession } from "../../../../test/sessions";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import type { JobRole, Rank, RankGroup, RankScheme } from "../../../core/schemas/register-config";
import { buildApp } from "../../app";

describe.each(testEngines())("rank scheme and job roles (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let app: FastifyInstance;
  const audit = createMemoryAuditRecorder();
  let admin: TestSession;
  let provinceAdmin: TestSession;
  let analyst: TestSession;
  let partner: TestSession;

  const call = (
    session: TestSession,
    method: "GET" | "POST" | "PATCH",
    url: string,
    payload?: object,
  ) => injectWith(app, session, { method, url, ...(payload ? { payload } : {}) });
  const scheme = async () => (await call(analyst, "GET", "/api/register/ranks")).json<RankScheme>();
  const rankOf = async (code: string) => {
    const found = (await scheme()).groups.flatMap((g) => g.ranks).find((r) => r.code === code);
    if (!found) throw new Error(`no rank ${code}`);
    return found;
  };
  /** Every rank as `code@group:ordinal`, in the order of the stored ordinals. */
  const stored = async () =>
    (
      await sql<{ label: string }>`
        SELECT r.code || '@' || g.code || ':' || r.ordinal AS label
          FROM ranks r JOIN rank_groups g ON g.id = r.rank_group_id
         ORDER BY r.ordinal`.execute(database.db)
    ).rows.map((r) => r.label);
  /** The stored ordinals are 1…N and follow the groups' order. */
  const expectContiguousAndGrouped = async () => {
    const rows = (
      await sql<{ ordinal: number; group_ordinal: number }>`
        SELECT r.ordinal, g.ordinal AS group_ordinal
          FROM ranks r JOIN rank_groups g ON g.id = r.rank_group_id
         ORDER BY r.ordinal`.execute(database.db)
    ).rows;
    expect(rows.map((r) => Number(r.ordinal))).toEqual(rows.map((_, i) => i + 1));
    const groups = rows.map((r) => Number(r.group_ordinal));
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    // Ranks CON (constables), SGT (inspectorate), SUPT (senior_command); S1 holds CON today.
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
    partner = await session("partner.hq", "partner-viewer", "HQ");
    app = await buildApp({ database, audit });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("lists the rank groups with their ranks in order, to anyone signed in", async () => {
    const response = await call(partner, "GET", "/api/register/ranks");
    expect(response.statusCode).toBe(200);
    const { groups } = response.json<RankScheme>();
    expect(
      groups.map((g) => [g.code, g.isTop, g.isInUse, g.ranks.map((r) => [r.code, r.ordinal])]),
    ).toEqual([
      ["constables", false, true, [["CON", 1]]],
      ["inspectorate", false, false, [["SGT", 2]]],
      ["senior_command", true, false, [["SUPT", 3]]],
    ]);
    expect(groups[0]?.ranks[0]).toMatchObject({ isActive: true, isInUse: true });
    expect((await call(partner, "GET", "/api/register/roles")).statusCode).toBe(200);
  });

  it("refuses writes to everyone but administrators of the root unit, and audits the refusal", async () => {
    const body = { code: "cadets", name: "Cadets" };
    for (const session of [analyst, partner]) {
      const response = await call(session, "POST", "/api/register/rank-groups", body);
      expect(response.statusCode).toBe(403);
      expect(errorOf(response)).toMatchObject({
        code: "auth.forbidden",
        details: { action: "register.configure" },
      });
    }
    const sgt = await rankOf("SGT");
    const province = await call(provinceAdmin, "PATCH", `/api/register/ranks/${sgt.id}`, {
      name: "Renamed",
    });
    expect(province.statusCode).toBe(403);
    expect(errorOf(province).code).toBe("auth.forbidden");
    expect(audit.entries.at(-1)).toMatchObject({
      action: "rank.update",
      entityId: String(sgt.id),
      outcome: "failure",
    });
    expect((await rankOf("SGT")).name).toBe("SGT");
  });

  it("adds a rank group above the others and a rank as the most senior of its group", async () => {
    const created = await call(admin, "POST", "/api/register/rank-groups", {
      code: "generals",
      name: "General officers",
      isTop: true,
    });
    expect(created.statusCode).toBe(201);
    const group = created.json<RankGroup>();
    expect(group).toMatchObject({ code: "generals", ordinal: 4, isTop: true, ranks: [] });
    expect(audit.entries.at(-1)).toMatchObject({
      action: "rank_group.create",
      entityType: "rank_group",
      entityId: String(group.id),
      orgUnitId: null,
      fields: ["code", "name", "is_top", "ordinal"],
      outcome: "success",
    });

    const inspectorate = (await scheme()).groups.find((g) => g.code === "inspectorate");
    const rank = await call(admin, "POST", "/api/register/ranks", {
      code: "INSP",
      name: "Inspector",
      rankGroupId: inspectorate?.id,
    });
    expect(rank.statusCode).toBe(201);
    expect(rank.json<Rank>()).toMatchObject({ code: "INSP", ordinal: 3, isActive: true });
    expect(await stored()).toEqual([
      "CON@constables:1",
      "SGT@inspectorate:2",
      "INSP@inspectorate:3",
      "SUPT@senior_command:4",
    ]);
    expect(audit.entries.at(-1)).toMatchObject({
      action: "rank.create",
      entityId: String(rank.json<Rank>().id),
      outcome: "success",
    });

    const general = await call(admin, "POST", "/api/register/ranks", {
      code: "GEN",
      name: "General",
      rankGroupId: group.id,
    });
    expect(general.json<Rank>().ordinal).toBe(5);
    await expectContiguousAndGrouped();
  });

  it("refuses a code another rank has, whatever its case, and an unknown group", async () => {
    const groups = (await scheme()).groups;
    const taken = await call(admin, "POST", "/api/register/ranks", {
      code: "con",
      name: "Constable again",
      rankGroupId: groups[0]?.id,
    });
    expect(taken.statusCode).toBe(409);
    expect(errorOf(taken)).toEqual({ code: "register.code_taken", details: { code: "con" } });
    const nowhere = await call(admin, "POST", "/api/register/ranks", {
      code: "NEW",
      name: "New",
      rankGroupId: 9999,
    });
    expect(nowhere.statusCode).toBe(404);
    expect(errorOf(nowhere)).toEqual({
      code: "register.not_found",
      details: { entity: "rank_group", id: 9999 },
    });
    const groupTaken = await call(admin, "PATCH", `/api/register/rank-groups/${groups[1]?.id}`, {
      code: "Constables",
    });
    expect(errorOf(groupTaken).code).toBe("register.code_taken");
    expect(await stored()).toHaveLength(5);
  });

  it("renames a rank in use but keeps its code; recodes an unused one", async () => {
    const con = await rankOf("CON");
    const renamed = await call(admin, "PATCH", `/api/register/ranks/${con.id}`, {
      code: "CON",
      name: "Police Constable",
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json<Rank>()).toMatchObject({ code: "CON", name: "Police Constable" });
    expect(audit.entries.at(-1)).toMatchObject({ fields: ["code", "name"], outcome: "success" });

    const recoded = await call(admin, "PATCH", `/api/register/ranks/${con.id}`, { code: "PC" });
    expect(recoded.statusCode).toBe(409);
    expect(errorOf(recoded)).toEqual({ code: "register.code_in_use", details: { code: "CON" } });
    expect(audit.entries.at(-1)).toMatchObject({
      action: "rank.update",
      fields: ["code"],
      outcome: "failure",
    });

    const constables = (await scheme()).groups.find((g) => g.code === "constables");
    const groupRecoded = await call(admin, "PATCH", `/api/register/rank-groups/${constables?.id}`, {
      code: "rank_and_file",
      name: "Rank and file",
    });
    expect(errorOf(groupRecoded).code).toBe("register.code_in_use");
    const groupRenamed = await call(admin, "PATCH", `/api/register/rank-groups/${constables?.id}`, {
      name: "Rank and file",
    });
    expect(groupRenamed.json<RankGroup>()).toMatchObject({
      code: "constables",
      name: "Rank and file",
    });

    const insp = await rankOf("INSP");
    const free = await call(admin, "PATCH", `/api/register/ranks/${insp.id}`, { code: "INS" });
    expect(free.statusCode).toBe(200);
    expect(free.json<Rank>()).toMatchObject({ code: "INS", isInUse: false });
  });

  it("reorders ranks within their groups in one go, and refuses an order that mixes groups", async () => {
    const ids = async () => (await scheme()).groups.flatMap((g) => g.ranks.map((r) => r.id));
    const [con, sgt, ins, supt, gen] = await ids();
    const response = await call(admin, "POST", "/api/register/ranks/reorder", {
      rankIds: [con, ins, sgt, supt, gen],
    });
    expect(response.statusCode).toBe(200);
    const inspectorate = response.json<RankScheme>().groups.find((g) => g.code === "inspectorate");
    expect(inspectorate?.ranks.map((r) => [r.code, r.ordinal])).toEqual([
      ["INS", 2],
      ["SGT", 3],
    ]);
    expect(audit.entries.at(-1)).toMatchObject({
      action: "rank.reorder",
      entityType: "rank",
      entityId: null,
      fields: ["ordinal"],
      outcome: "success",
    });
    await expectContiguousAndGrouped();

    const before = await stored();
    for (const [rankIds, problem] of [
      [[ins, con, sgt, supt, gen], "groups_interleaved"],
      [[con, ins, sgt, supt], "not_every_rank_once"],
      [[con, ins, sgt, supt, supt], "not_every_rank_once"],
    ] as const) {
      const refused = await call(admin, "POST", "/api/register/ranks/reorder", { rankIds });
      expect(refused.statusCode).toBe(400);
      expect(errorOf(refused)).toEqual({
        code: "register.rank_order_invalid",
        details: { problem },
      });
    }
    expect(await stored()).toEqual(before);
  });

  it("keeps ordinals unique and contiguous under any sequence of moves, group changes and new ranks", async () => {
    let added = 0;
    const step = fc.oneof(
      fc.record({ kind: fc.constant("swap" as const), at: fc.nat(20) }),
      fc.record({ kind: fc.constant("regroup" as const), rank: fc.nat(20), group: fc.nat(4) }),
      fc.record({ kind: fc.constant("add" as const), group: fc.nat(4) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        for (const s of steps) {
          const { groups } = await scheme();
          const ranks = groups.flatMap((g) => g.ranks);
          const group = (n: number) => groups[n % groups.length]?.id;
          if (s.kind === "swap") {
            // Swap two neighbours of the same group, as the page's move buttons do.
            const ids = ranks.map((r) => r.id);
            const i = s.at % Math.max(ids.length - 1, 1);
            if (ranks[i]?.rankGroupId === ranks[i + 1]?.rankGroupId) {
              [ids[i], ids[i + 1]] = [ids[i + 1] ?? 0, ids[i] ?? 0];
            }
            const response = await call(admin, "POST", "/api/register/ranks/reorder", {
              rankIds: ids,
            });
            expect(response.statusCode).toBe(200);
          } else if (s.kind === "regroup") {
            const rank = ranks[s.rank % ranks.length];
            const response = await call(admin, "PATCH", `/api/register/ranks/${rank?.id}`, {
              rankGroupId: group(s.group),
            });
            expect(response.statusCode).toBe(200);
          } else {
            added += 1;
            const response = await call(admin, "POST", "/api/register/ranks", {
              code: `R${added}`,
              name: `Rank ${added}`,
              rankGroupId: group(s.group),
            });
            expect(response.statusCode).toBe(201);
          }
          await expectContiguousAndGrouped();
        }
      }),
      { numRuns: 8 },
    );
  });

  it("marks a rank inactive unless someone holds it today, and back active", async () => {
    const con = await rankOf("CON");
    const held = await call(admin, "PATCH", `/api/register/ranks/${con.id}`, { isActive: false });
    expect(held.statusCode).toBe(409);
    expect(errorOf(held)).toEqual({
      code: "register.rank_in_post",
      details: { code: "CON", count: 1 },
    });
    const supt = await rankOf("SUPT");
    const off = await call(admin, "PATCH", `/api/register/ranks/${supt.id}`, { isActive: false });
    expect(off.json<Rank>().isActive).toBe(false);
    expect(audit.entries.at(-1)).toMatchObject({ fields: ["is_active"], outcome: "success" });
    const on = await call(admin, "PATCH", `/api/register/ranks/${supt.id}`, { isActive: true });
    expect(on.json<Rank>().isActive).toBe(true);
  });

  it("creates and edits job roles; a new leadership flag reaches the career spells", async () => {
    const created = await call(admin, "POST", "/api/register/roles", {
      code: "station_commander",
      name: "Station commander",
      specialisation: "community_policing",
    });
    expect(created.statusCode).toBe(201);
    const role = created.json<JobRole>();
    expect(role).toMatchObject({
      specialisation: "community_policing",
      isLeadership: false,
      isActive: true,
      isInUse: false,
    });
    expect(audit.entries.at(-1)).toMatchObject({
      action: "job_role.create",
      entityType: "job_role",
      entityId: String(role.id),
      outcome: "success",
    });
    const bad = await call(admin, "POST", "/api/register/roles", {
      code: "chef",
      name: "Chef",
      specialisation: "catering",
    });
    expect(bad.statusCode).toBe(400);

    // S1 takes the role (as an import would record it).
    await sql`UPDATE career_events SET job_role_id = ${role.id}`.execute(database.db);
    await sql`UPDATE career_spells SET job_role_id = ${role.id}`.execute(database.db);
    const lead = await call(admin, "PATCH", `/api/register/roles/${role.id}`, {
      name: "Officer in charge of station",
      specialisation: null,
      isLeadership: true,
    });
    expect(lead.statusCode).toBe(200);
    expect(lead.json<JobRole>()).toMatchObject({
      code: "station_commander",
      specialisation: null,
      isLeadership: true,
      isInUse: true,
    });
    expect(audit.entries.at(-1)).toMatchObject({
      action: "job_role.update",
      fields: ["name", "specialisation", "is_leadership"],
      outcome: "success",
    });
    const spells = await sql<{ is_leadership: boolean }>`
      SELECT is_leadership FROM career_spells`.execute(database.db);
    expect(spells.rows).toEqual([{ is_leadership: true }]);

    const recoded = await call(admin, "PATCH", `/api/register/roles/${role.id}`, {
      code: "ocs",
    });
    expect(errorOf(recoded)).toEqual({
      code: "register.code_in_use",
      details: { code: "station_commander" },
    });
    const inactive = await call(admin, "PATCH", `/api/register/roles/${role.id}`, {
      isActive: false,
    });
    expect(inactive.json<JobRole>().isActive).toBe(false);
    const missing = await call(admin, "PATCH", "/api/register/roles/9999", { name: "x" });
    expect(errorOf(missing)).toEqual({
      code: "register.not_found",
      details: { entity: "job_role", id: 9999 },
    });

    const { roles } = (await call(analyst, "GET", "/api/register/roles")).json<{
      roles: JobRole[];
    }>();
    expect(roles.map((r) => [r.code, r.isActive])).toEqual([["station_commander", false]]);
  });

  it("names fields, never values, in the audit trail", () => {
    const written = JSON.stringify(audit.entries.map((e) => e.fields));
    for (const value of ["Inspector", "Station commander", "community_policing", "INS"]) {
      expect(written).not.toContain(value);
    }
  });
});
