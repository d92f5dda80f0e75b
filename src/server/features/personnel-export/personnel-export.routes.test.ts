import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
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
import { buildApp } from "../../app";

const TODAY = "2024-06-15";
const KHMER_UNIT = "ស្នងការដ្ឋាននគរបាលស្រុក ១";
const EVIL = "=cmd|' /C calc'!A0";

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
    serviceNumber: "KH-0003",
    sex: "X",
    steps: [
      { type: "hire", date: "2010-01-01", rank: "CON", unit: "P2" },
      { type: "transfer", date: "2020-06-01", unit: "P1-D2" },
    ],
  },
  {
    serviceNumber: EVIL,
    sex: "U",
    steps: [{ type: "hire", date: "2023-01-01", rank: "SUPT", unit: "P1-D1-S1" }],
  },
];

/** The CSV body without its BOM, as rows of cells. */
function csvRows(body: string): string[][] {
  expect(body.startsWith("\uFEFF")).toBe(true);
  return parse(body.slice(1));
}

describe.each(testEngines())("register export (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let app: FastifyInstance;
  const audit = createMemoryAuditRecorder();
  const sessions = new Map<string, TestSession>();

  const get = (username: string, url: string) => {
    const session = sessions.get(username);
    if (!session) throw new Error(`no session for ${username}`);
    return injectWith(app, session, { method: "GET", url });
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    await seedWorkforce(database.db, tree, careers);
    await database.db
      .updateTable("org_units")
      .set({ name: KHMER_UNIT })
      .where("code", "=", "P1-D1")
      .execute();
    for (const [username, role, unitCode] of [
      ["hr.p1", "hr-officer", "P1"],
      ["analyst", "hq-analyst", "HQ"],
      ["partner", "partner-viewer", "HQ"],
      ["auditor", "auditor", "HQ"],
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

  it("exports the register as of a date as CSV: BOM, Khmer intact, formulas neutralised", async () => {
    const response = await get("analyst", "/api/exports/personnel?at=2020-12-31");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe(
      'attachment; filename="tandem-personnel-2020-12-31.csv"',
    );
    const rows = csvRows(response.body);
    expect(rows[0]).toEqual([
      "service_number",
      "sex",
      "birth_year",
      "rank_code",
      "rank_name",
      "rank_group",
      "unit_code",
      "unit_name",
      "role_code",
      "role_name",
      "leadership",
      "on_leave",
      "hire_date",
    ]);
    // EVIL was hired in 2023: not in the register of 2020.
    expect(rows.slice(1)).toEqual([
      [
        "KH-0001",
        "F",
        "1980",
        "SGT",
        "SGT",
        "inspectorate",
        "P1-D1",
        KHMER_UNIT,
        "",
        "",
        "false",
        "false",
        "2015-01-01",
      ],
      [
        "KH-0002",
        "M",
        "1980",
        "CON",
        "CON",
        "constables",
        "P2-D1",
        "Unit P2-D1",
        "",
        "",
        "false",
        "false",
        "2016-03-01",
      ],
      [
        "KH-0003",
        "X",
        "1980",
        "CON",
        "CON",
        "constables",
        "P1-D2",
        "Unit P1-D2",
        "",
        "",
        "false",
        "false",
        "2010-01-01",
      ],
    ]);
    const today = csvRows((await get("analyst", "/api/exports/personnel")).body);
    expect(today.map((r) => r[0])).toContain(`'${EVIL}`);
    expect(today.flat()).not.toContain(EVIL);
  });

  it("limits the export to the caller's scope and the unit filter", async () => {
    const p1 = csvRows((await get("hr.p1", "/api/exports/personnel")).body);
    expect(p1.slice(1).map((r) => r[0])).toEqual(["KH-0001", "KH-0003", `'${EVIL}`]);
    const district = csvRows(
      (await get("hr.p1", `/api/exports/personnel?unit=${tree.id("P1-D1")}`)).body,
    );
    expect(district.slice(1).map((r) => r[0])).toEqual(["KH-0001", `'${EVIL}`]);
    for (const kind of ["personnel", "events"]) {
      const outside = await get("hr.p1", `/api/exports/${kind}?unit=${tree.id("P2")}`);
      expect(outside.statusCode).toBe(404);
      expect(errorOf(outside).code).toBe("org_unit.not_found");
    }
    const events = (await get("hr.p1", "/api/exports/events")).body;
    expect(events).not.toContain("KH-0002");
    expect(events).not.toContain("Unit P2");
  });

  it("exports the event history, hiding units outside the scope and marking retractions", async () => {
    const promotion = await database.db
      .selectFrom("career_events")
      .select("id")
      .where("event_type", "=", "promotion")
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto("career_event_retractions")
      .values({ event_id: promotion.id, reason: "=1+1 wrong date", replacement_event_id: null })
      .execute();
    const response = await get("hr.p1", "/api/exports/events?at=2022-01-01");
    expect(response.headers["content-disposition"]).toBe(
      'attachment; filename="tandem-events-2022-01-01.csv"',
    );
    const rows = csvRows(response.body);
    const header = rows[0] ?? [];
    const pick = (row: string[], ...names: string[]) => names.map((n) => row[header.indexOf(n)]);
    expect(
      rows
        .slice(1)
        .map((r) =>
          pick(
            r,
            "service_number",
            "event_type",
            "effective_date",
            "unit_code",
            "unit_outside_scope",
            "retracted",
            "retraction_reason",
          ),
        ),
    ).toEqual([
      ["KH-0001", "hire", "2015-01-01", "P1-D1", "false", "false", ""],
      ["KH-0001", "promotion", "2019-01-01", "", "false", "true", "'=1+1 wrong date"],
      ["KH-0003", "hire", "2010-01-01", "", "true", "false", ""],
      ["KH-0003", "transfer", "2020-06-01", "P1-D2", "false", "false", ""],
    ]);
    await database.db
      .deleteFrom("career_event_retractions")
      .where("event_id", "=", promotion.id)
      .execute();
  });

  it("exports XLSX that opens with the same rows", async () => {
    const response = await get("analyst", "/api/exports/personnel?format=xlsx&at=2020-12-31");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers["content-disposition"]).toBe(
      'attachment; filename="tandem-personnel-2020-12-31.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("personnel");
    if (!sheet) throw new Error("no sheet");
    expect(sheet.rowCount).toBe(4);
    const row = sheet.getRow(2);
    expect([row.getCell(1).value, row.getCell(3).value, row.getCell(8).value]).toEqual([
      "KH-0001",
      1980,
      KHMER_UNIT,
    ]);
    expect(row.getCell(11).value).toBe(false);
    expect(row.getCell(13).value).toEqual(new Date("2015-01-01T00:00:00Z"));

    const events = await get("hr.p1", "/api/exports/events?format=xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(events.rawPayload as unknown as ArrayBuffer);
    const values = book.getWorksheet("events")?.getColumn(1).values.slice(2);
    expect(values).toEqual(["KH-0001", "KH-0001", "KH-0003", "KH-0003", `'${EVIL}`]);
  });

  it("records each export with its unit and format, never its contents", async () => {
    audit.entries.length = 0;
    await get("hr.p1", `/api/exports/events?unit=${tree.id("P1-D1")}&format=xlsx&at=2024-01-01`);
    await get("analyst", "/api/exports/personnel");
    expect(
      audit.entries.map((e) => [e.action, e.actor.username, e.entityType, e.entityId, e.orgUnitId]),
    ).toEqual([
      ["personnel.export", "hr.p1", "career_events", "xlsx:2024-01-01", tree.id("P1-D1")],
      ["personnel.export", "analyst", "persons", `csv:${TODAY}`, null],
    ]);
    expect(audit.entries[1]?.fields).toContain("service_number");
    expect(JSON.stringify(audit.entries)).not.toContain("KH-0001");
  });

  it("is refused to partner-viewers and roles without personnel.export", async () => {
    for (const username of ["partner", "auditor"]) {
      for (const kind of ["personnel", "events"]) {
        const response = await get(username, `/api/exports/${kind}`);
        expect(response.statusCode, `${username} ${kind}`).toBe(403);
      }
    }
    const invalid = await get("analyst", "/api/exports/personnel?at=2024-02-30");
    expect(invalid.statusCode).toBe(400);
    const format = await get("analyst", "/api/exports/personnel?format=pdf");
    expect(format.statusCode).toBe(400);
  });
});
