import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryAuditRecorder } from "../../../../test/audit";
import {
  seedOrgTree,
  seedUser,
  seedWorkforce,
  type Career,
  type SeededTree,
} from "../../../../test/factories";
import { errorOf } from "../../../../test/http";
import { injectWith, openSession, type TestSession } from "../../../../test/sessions";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import type { PersonDetail, PersonSearchPage } from "../../../core/schemas/persons";
import { buildApp } from "../../app";

const TODAY = "2024-06-15";

const careers: Career[] = [
  {
    serviceNumber: "KH-0001",
    sex: "F",
    steps: [
      { type: "hire", date: "2015-01-01", rank: "CON", unit: "P1-D1" },
      { type: "promotion", date: "2019-01-01", rank: "SGT" },
    ],
  },
  {
    serviceNumber: "KH-0002",
    sex: "M",
    steps: [{ type: "hire", date: "2016-03-01", rank: "CON", unit: "P2-D1" }],
  },
  {
    // Came into province 1 from province 2: the earlier unit is outside a P1 officer's scope.
    serviceNumber: "KH-0003",
    sex: "F",
    steps: [
      { type: "hire", date: "2010-01-01", rank: "CON", unit: "P2" },
      { type: "transfer", date: "2020-06-01", unit: "P1-D2" },
    ],
  },
  {
    serviceNumber: "KX-0004",
    sex: "U",
    steps: [{ type: "hire", date: "2018-05-01", rank: "SGT", unit: "P1-D1-S1" }],
  },
];

describe.each(testEngines())("person view (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let app: FastifyInstance;
  const audit = createMemoryAuditRecorder();
  const sessions = new Map<string, TestSession>();
  const personIds = new Map<string, number>();

  const as = (username: string) => {
    const session = sessions.get(username);
    if (!session) throw new Error(`no session for ${username}`);
    return session;
  };
  const get = (username: string, url: string) =>
    injectWith(app, as(username), { method: "GET", url });
  const search = async (username: string, query = "") => {
    const response = await get(username, `/api/persons${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<PersonSearchPage>();
  };
  const read = async (username: string, serviceNumber: string) => {
    const response = await get(username, `/api/persons/${personIds.get(serviceNumber)}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<PersonDetail>();
  };
  const retract = (username: string, serviceNumber: string, eventId: number, body: object) =>
    injectWith(app, as(username), {
      method: "POST",
      url: `/api/persons/${personIds.get(serviceNumber)}/events/${eventId}/retract`,
      payload: body,
    });
  const eventRows = () =>
    database.db.selectFrom("career_events").selectAll().orderBy("id").execute();
  const spellsOf = (serviceNumber: string) =>
    database.db
      .selectFrom("career_spells")
      .select(["valid_from", "valid_to", "rank_id", "org_unit_id", "on_leave"])
      .where("person_id", "=", personIds.get(serviceNumber) ?? 0)
      .orderBy("valid_from")
      .execute();
  const rankId = async (code: string) =>
    (
      await database.db
        .selectFrom("ranks")
        .select("id")
        .where("code", "=", code)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    await seedWorkforce(database.db, tree, careers);
    for (const row of await database.db
      .selectFrom("persons")
      .select(["id", "service_number"])
      .execute()) {
      personIds.set(row.service_number, row.id);
    }
    for (const [username, role, unitCode] of [
      ["hr.p1", "hr-officer", "P1"],
      ["hr.p2", "hr-officer", "P2"],
      ["analyst", "hq-analyst", "HQ"],
      ["partner", "partner-viewer", "HQ"],
      ["manager", "unit-manager", "HQ"],
    ] as const) {
      const id = await seedUser(database.db, tree, { username, role, unitCode });
      sessions.set(username, await openSession(database.db, id));
    }
    app = await buildApp({ database, audit, now: () => new Date(`${TODAY}T09:00:00Z`) });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("finds people by service-number prefix within the caller's scope only", async () => {
    const p1 = await search("hr.p1");
    expect(p1.persons.map((p) => p.serviceNumber)).toEqual(["KH-0001", "KH-0003", "KX-0004"]);
    expect(p1.persons[0]).toEqual({
      id: personIds.get("KH-0001"),
      serviceNumber: "KH-0001",
      sex: "F",
      birthYear: 1980,
      rank: { id: await rankId("SGT"), code: "SGT", name: "SGT" },
      unit: { id: tree.id("P1-D1"), code: "P1-D1", name: "Unit P1-D1" },
      role: null,
      status: "active",
    });
    expect((await search("hr.p1", "?q=kh")).persons.map((p) => p.serviceNumber)).toEqual([
      "KH-0001",
      "KH-0003",
    ]);
    expect((await search("hr.p1", "?q=KH-0002")).persons).toEqual([]);
    expect((await search("hr.p2")).persons.map((p) => p.serviceNumber)).toEqual(["KH-0002"]);
    const all = await search("analyst", "?q=K");
    expect(all.persons).toHaveLength(4);
    expect(all).toMatchObject({ page: 1, hasNextPage: false });
    const district = await search("analyst", `?unit=${tree.id("P1-D1")}`);
    expect(district.persons.map((p) => p.serviceNumber)).toEqual(["KH-0001", "KX-0004"]);
    // Wildcards in the prefix are literal characters.
    expect((await search("analyst", "?q=%25")).persons).toEqual([]);
    expect((await search("analyst", "?q=K_")).persons).toEqual([]);
  });

  it("refuses a unit filter outside the scope as absent", async () => {
    const response = await get("hr.p1", `/api/persons?unit=${tree.id("P2")}`);
    expect(response.statusCode).toBe(404);
    expect(errorOf(response)).toEqual({
      code: "org_unit.not_found",
      details: { id: tree.id("P2") },
    });
  });

  it("answers 404 for a person outside the scope, exactly as for no person at all", async () => {
    const outside = await get("hr.p1", `/api/persons/${personIds.get("KH-0002")}`);
    const missing = await get("hr.p1", "/api/persons/987654");
    expect(outside.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(errorOf(outside).code).toBe("person.not_found");
    expect(outside.body.replace(/\d+/g, "N")).toBe(missing.body.replace(/\d+/g, "N"));
    expect(outside.body).not.toContain("KH-0002");
  });

  it("shows the career timeline, naming no unit outside the caller's scope", async () => {
    const person = await read("hr.p1", "KH-0003");
    expect(person).toMatchObject({
      serviceNumber: "KH-0003",
      status: "active",
      current: {
        validFrom: "2020-06-01",
        validTo: null,
        rank: { code: "CON" },
        rankGroup: { code: "constables" },
        unit: { id: tree.id("P1-D2"), code: "P1-D2" },
        onLeave: false,
      },
    });
    expect(
      person.timeline.map((e) => [e.type, e.date, e.unit?.code ?? null, e.isUnitOutsideScope]),
    ).toEqual([
      ["hire", "2010-01-01", null, true],
      ["transfer", "2020-06-01", "P1-D2", false],
    ]);
    expect(person.timeline[0]).toMatchObject({
      rank: { code: "CON" },
      retraction: null,
      replacesEventId: null,
      importBatchId: null,
    });
    expect(JSON.stringify(person)).not.toContain("Unit P2");
    const national = await read("analyst", "KH-0003");
    expect(national.timeline[0]?.unit?.code).toBe("P2");
  });

  it("is refused to a partner-viewer and to roles without personnel.read", async () => {
    for (const username of ["partner", "manager"]) {
      for (const url of ["/api/persons", `/api/persons/${personIds.get("KH-0001")}`]) {
        const response = await get(username, url);
        expect(response.statusCode, `${username} ${url}`).toBe(403);
        expect(errorOf(response).code).toBe("auth.forbidden");
      }
    }
  });

  it("records every search and read with field names, never values", async () => {
    audit.entries.length = 0;
    await search("hr.p1", "?q=KH-00");
    await read("hr.p1", "KH-0001");
    expect(audit.entries.map((e) => [e.action, e.actor.username, e.entityId, e.orgUnitId])).toEqual(
      [
        ["person.search", "hr.p1", null, null],
        ["person.read", "hr.p1", String(personIds.get("KH-0001")), tree.id("P1-D1")],
      ],
    );
    expect(audit.entries[0]?.fields).toEqual([
      "service_number",
      "sex",
      "birth_year",
      "rank",
      "unit",
      "role",
      "status",
    ]);
    expect(audit.entries[1]?.fields).toContain("career_events");
    expect(JSON.stringify(audit.entries)).not.toMatch(/KH-00|1980|SGT/);
  });

  it("corrects an event with a retraction and a replacement, re-deriving spells and never rewriting events", async () => {
    const before = await eventRows();
    const person = await read("hr.p1", "KH-0001");
    const promotion = person.timeline.find((e) => e.type === "promotion");
    if (!promotion) throw new Error("no promotion");
    audit.entries.length = 0;
    const response = await retract("hr.p1", "KH-0001", promotion.id, {
      reason: "Promotion date typed wrong",
      replacement: { type: "promotion", date: "2019-07-01", rankId: await rankId("SGT") },
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<{ replacementEventId: number }>();
    expect(result).toEqual({
      retractedEventId: promotion.id,
      replacementEventId: expect.any(Number) as number,
      isPersonInScope: true,
    });

    const after = await eventRows();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((e) => [e.event_type, e.effective_date])).toEqual([
      ["promotion", "2019-07-01"],
    ]);
    expect(await spellsOf("KH-0001")).toEqual([
      {
        valid_from: "2015-01-01",
        valid_to: "2019-07-01",
        rank_id: await rankId("CON"),
        org_unit_id: tree.id("P1-D1"),
        on_leave: false,
      },
      {
        valid_from: "2019-07-01",
        valid_to: null,
        rank_id: await rankId("SGT"),
        org_unit_id: tree.id("P1-D1"),
        on_leave: false,
      },
    ]);

    const timeline = (await read("hr.p1", "KH-0001")).timeline;
    expect(timeline.map((e) => [e.type, e.date, e.retraction?.reason ?? null])).toEqual([
      ["hire", "2015-01-01", null],
      ["promotion", "2019-01-01", "Promotion date typed wrong"],
      ["promotion", "2019-07-01", null],
    ]);
    expect(timeline[1]?.retraction).toMatchObject({
      retractedBy: "hr.p1",
      replacementEventId: result.replacementEventId,
    });
    expect(timeline[2]?.replacesEventId).toBe(promotion.id);

    expect(audit.entries[0]).toMatchObject({
      action: "career_event.retract",
      entityType: "career_event",
      entityId: String(promotion.id),
      orgUnitId: tree.id("P1-D1"),
      outcome: "success",
      fields: [
        "retraction.reason",
        "replacement.type",
        "replacement.date",
        "replacement.rankId",
        "career_spells",
      ],
    });
    expect(JSON.stringify(audit.entries)).not.toContain("typed wrong");

    const again = await retract("hr.p1", "KH-0001", promotion.id, { reason: "again" });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe("career_event.already_retracted");
  });

  it("replaces a wrong hire, moving the start of the career", async () => {
    const hire = (await read("hr.p1", "KX-0004")).timeline[0];
    if (!hire) throw new Error("no hire");
    const response = await retract("hr.p1", "KX-0004", hire.id, {
      reason: "Hired a month earlier",
      replacement: {
        type: "hire",
        date: "2018-04-01",
        rankId: await rankId("SGT"),
        unitId: tree.id("P1-D1-S1"),
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const person = await read("hr.p1", "KX-0004");
    expect(person.current).toMatchObject({ validFrom: "2018-04-01", validTo: null });
    expect(await spellsOf("KX-0004")).toHaveLength(1);
  });

  it("refuses corrections that would break the career, leaving nothing written", async () => {
    const before = {
      events: await eventRows(),
      retractions: await database.db.selectFrom("career_event_retractions").selectAll().execute(),
      spells: await spellsOf("KH-0003"),
    };
    const hire = (await read("hr.p1", "KH-0003")).timeline[0];
    if (!hire) throw new Error("no hire");
    const orphan = await retract("hr.p1", "KH-0003", hire.id, { reason: "Not hired then" });
    expect(orphan.statusCode).toBe(409);
    expect(errorOf(orphan)).toEqual({
      code: "career_event.correction_inconsistent",
      details: { problem: "event_before_hire" },
    });

    const lone = (await read("hr.p2", "KH-0002")).timeline[0];
    const nobody = await retract("hr.p2", "KH-0002", lone?.id ?? 0, { reason: "Never hired" });
    expect(nobody.statusCode).toBe(409);
    expect(errorOf(nobody).details).toEqual({ problem: "no_spell" });
    expect(await spellsOf("KH-0002")).toHaveLength(1);

    const unitOutside = await retract("hr.p1", "KH-0003", hire.id, {
      reason: "Wrong unit",
      replacement: {
        type: "hire",
        date: "2010-01-01",
        rankId: await rankId("CON"),
        unitId: tree.id("P2"),
      },
    });
    expect(unitOutside.statusCode).toBe(404);
    expect(errorOf(unitOutside).code).toBe("org_unit.not_found");

    for (const replacement of [
      { type: "leave_start", date: "2021-01-01" },
      { type: "promotion", date: "2021-01-01", reason: "maternity" },
      { type: "promotion", date: "2021-02-30" },
    ]) {
      const invalid = await retract("hr.p1", "KH-0003", hire.id, { reason: "x", replacement });
      expect(invalid.statusCode, JSON.stringify(replacement)).toBe(400);
      expect(errorOf(invalid).code).toBe("request.invalid");
    }
    const future = await retract("hr.p1", "KH-0003", hire.id, {
      reason: "x",
      replacement: { type: "hire", date: "2030-01-01" },
    });
    expect(future.statusCode).toBe(400);

    expect(await eventRows()).toEqual(before.events);
    expect(await database.db.selectFrom("career_event_retractions").selectAll().execute()).toEqual(
      before.retractions,
    );
    expect(await spellsOf("KH-0003")).toEqual(before.spells);
  });

  it("leaves no trace of people outside the scope, and needs personnel.write", async () => {
    const outside = await retract("hr.p1", "KH-0002", 1, { reason: "x" });
    expect(outside.statusCode).toBe(404);
    expect(errorOf(outside).code).toBe("person.not_found");
    const analyst = await retract("analyst", "KH-0001", 1, { reason: "x" });
    expect(analyst.statusCode).toBe(403);
    const unknownEvent = await retract("hr.p1", "KH-0001", 999_999, { reason: "x" });
    expect(unknownEvent.statusCode).toBe(404);
    expect(errorOf(unknownEvent).code).toBe("career_event.not_found");
    // Another person's event through this person's URL is not found either.
    const otherPersons = (await read("hr.p1", "KH-0003")).timeline[0]?.id ?? 0;
    const crossed = await retract("hr.p1", "KH-0001", otherPersons, { reason: "x" });
    expect(crossed.statusCode).toBe(404);
  });
});
