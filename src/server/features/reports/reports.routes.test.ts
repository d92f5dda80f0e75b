import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryAuditRecorder } from "../../../../test/audit";
import { errorOf } from "../../../../test/http";
import { injectWith, openSession, type TestSession } from "../../../../test/sessions";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import { ensureRootUnit } from "../../bootstrap";
import { createDemoService } from "../demo/demo.service";
import { createUsersRepository } from "../users/users.repository";
import { createUsersService } from "../users/users.service";
import { createAuditRecorder } from "../../audit/audit-recorder";
import { buildApp } from "../../app";

const TODAY = "2024-06-15";
const YEAR = 2023;
const chromiumPath = process.env.CHROMIUM_PATH;
const isCi = process.env.CI === "true";

type Row = Record<string, string>;
const csv = (body: string): Row[] => parse<Row>(body.replace(/^\uFEFF/, ""), { columns: true });

/** Numbers that count persons or events: values of count indicators, numerators and denominators of shares, rates and durations. */
function countsIn(
  rows: readonly Row[],
  fields: { unit: string; value: string; parts: string[] },
): number[] {
  return rows.flatMap((row) => {
    const unit = row[fields.unit] ?? "";
    const names = [
      ...(["count", "NUMBER"].includes(unit) ? [fields.value] : []),
      ...(["share", "rate", "years", "SHARE", "RATE", "YEARS"].includes(unit) ? fields.parts : []),
    ];
    return names
      .map((name) => row[name] ?? "")
      .filter((v) => v !== "")
      .map(Number);
  });
}
const isSmall = (n: number) => n >= 1 && n < 5;

describe.each(testEngines())("annual report route (%s)", (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const audit = createMemoryAuditRecorder();
  const sessions = new Map<string, TestSession>();
  const codes = new Map<string, number>();

  const get = (username: string, url: string) => {
    const session = sessions.get(username);
    if (!session) throw new Error(`no session for ${username}`);
    return injectWith(app, session, { method: "GET", url });
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await ensureRootUnit(database.db);
    await createDemoService(database).load({ seed: 3, scale: "small", endYear: 2024 });
    const units = await database.db.selectFrom("org_units").select(["id", "code"]).execute();
    for (const unit of units) codes.set(unit.code, unit.id);
    const users = createUsersService(
      createUsersRepository(database.db),
      createAuditRecorder(database.db),
    );
    for (const [username, role, unit] of [
      ["analyst", "hq-analyst", "HQ"],
      ["partner", "partner-viewer", "HQ"],
      ["province", "unit-manager", "P01"],
      ["auditor", "auditor", "HQ"],
    ] as const) {
      const { id } = await users.addUser({
        username,
        role,
        orgUnitId: codes.get(unit) ?? 0,
        password: "correct-horse-battery",
      });
      sessions.set(username, await openSession(database.db, id));
    }
    app = await buildApp({
      database,
      audit,
      now: () => new Date(`${TODAY}T09:00:00Z`),
      chromiumPath: chromiumPath ?? null,
    });
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("gives the tidy CSV with a BOM, named for the year and unit, with the register's headcount", async () => {
    const response = await get("analyst", `/api/reports/annual?year=${YEAR}&format=csv`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe(
      `attachment; filename="tandem-annual-report-${YEAR}-HQ-en.csv"`,
    );
    expect(response.body.startsWith("\uFEFF")).toBe(true);
    const rows = csv(response.body);
    const total = rows.find(
      (r) => r.table === "headcount_by_rank_group" && r.rank_group === "" && r.sex === "T",
    );
    const inPost = await sql<{ n: string }>`
      SELECT count(DISTINCT person_id) AS n FROM career_spells
       WHERE valid_from <= ${`${YEAR}-12-31`} AND (valid_to IS NULL OR valid_to > ${`${YEAR}-12-31`})`.execute(
      database.db,
    );
    expect(Number(total?.value)).toBe(Number(inPost.rows[0]?.n));
    expect(new Set(rows.map((r) => r.scope))).toEqual(new Set(["HQ"]));
    expect(audit.entries.at(-1)).toMatchObject({
      action: "reports.export",
      entityType: "annual_report",
      entityId: `${YEAR}:csv:internal:en`,
      orgUnitId: codes.get("HQ"),
      outcome: "success",
    });
  });

  it("never gives an external reader a count from 1 to 4, in CSV or SDMX, and marks what it hides", async () => {
    const internal = csv((await get("analyst", `/api/reports/annual?year=${YEAR}`)).body);
    const fields = { unit: "unit_of_measure", value: "value", parts: ["numerator", "denominator"] };
    expect(countsIn(internal, fields).some(isSmall)).toBe(true);
    const partner = await get(
      "partner",
      `/api/reports/annual?year=${YEAR}&format=csv&audience=internal`,
    );
    expect(partner.headers["content-disposition"]).toContain("-external.csv");
    const external = csv(partner.body);
    expect(countsIn(external, fields).filter(isSmall)).toEqual([]);
    expect(external.filter((r) => r.suppression !== "").length).toBeGreaterThan(0);
    const sdmx = await get(
      "analyst",
      `/api/reports/annual?year=${YEAR}&format=sdmx&audience=external`,
    );
    expect(sdmx.statusCode, sdmx.body).toBe(200);
    expect(sdmx.headers["content-type"]).toBe(
      "application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8",
    );
    const observations = csv(sdmx.body);
    expect(Object.keys(observations[0] ?? {}).slice(0, 2)).toEqual(["DATAFLOW", "INDICATOR"]);
    const sdmxFields = {
      unit: "UNIT_MEASURE",
      value: "OBS_VALUE",
      parts: ["NUMERATOR", "DENOMINATOR"],
    };
    expect(countsIn(observations, sdmxFields).filter(isSmall)).toEqual([]);
    const hidden = observations.filter((o) => o.OBS_STATUS === "Q");
    expect(hidden.length).toBeGreaterThan(0);
    expect(
      hidden.every((o) => o.OBS_VALUE === "" && ["C", "D"].includes(o.CONF_STATUS ?? "")),
    ).toBe(true);
  });

  it("gives an XLSX that opens, with a sheet per table, the definitions and the disclosure note", async () => {
    const response = await get("partner", `/api/reports/annual?year=${YEAR}&format=xlsx&lang=en`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names[0]).toBe("Disclosure");
    expect(names.at(-1)).toBe("Definitions");
    expect(names).toContain("Staff in post by rank group and");
    const definitions = workbook.getWorksheet("Definitions");
    const ids = definitions?.getColumn(1).values.slice(2);
    expect(ids).toEqual(expect.arrayContaining(["headcount", "share_women", "time_to_promotion"]));
    const headcount = workbook.getWorksheet("Staff in post by rank group and");
    const cells: ExcelJS.Cell[] = [];
    headcount?.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const hidden = cells.filter((c) => c.value === "x");
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((c) => typeof c.note === "string" || typeof c.note === "object")).toBe(
      true,
    );
    const numbers = cells.filter((c) => typeof c.value === "number").map((c) => Number(c.value));
    expect(numbers.filter((n) => Number.isInteger(n) && isSmall(n))).toEqual([]);
  });

  it("gives a province user only their province", async () => {
    const response = await get("province", `/api/reports/annual?year=${YEAR}&format=sdmx`);
    expect(response.statusCode, response.body).toBe(200);
    const observations = csv(response.body);
    expect(new Set(observations.map((o) => o.REF_AREA))).toEqual(new Set(["P01"]));
    for (const code of ["P02", "P03", "HQ"]) expect(response.body).not.toContain(`,${code},`);
    const outside = await get(
      "province",
      `/api/reports/annual?year=${YEAR}&unit=${codes.get("P02")}`,
    );
    expect(outside.statusCode).toBe(404);
    expect(errorOf(outside).code).toBe("org_unit.not_found");
  });

  it("refuses readers without the headline permission and years that have not begun", async () => {
    expect((await get("auditor", `/api/reports/annual?year=${YEAR}`)).statusCode).toBe(403);
    const future = await get("analyst", "/api/reports/annual?year=2025");
    expect(future.statusCode).toBe(400);
    expect(errorOf(future).code).toBe("request.invalid");
  });

  it.skipIf(!chromiumPath && !isCi)(
    "prints a disclosure-safe PDF in Khmer with headless Chromium",
    async () => {
      if (!chromiumPath)
        throw new Error("CI must print the PDF: set CHROMIUM_PATH=/usr/bin/chromium");
      const response = await get("partner", `/api/reports/annual?year=${YEAR}&format=pdf&lang=km`);
      expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
      expect(response.headers["content-type"]).toBe("application/pdf");
      expect(response.headers["content-disposition"]).toContain("-km-external.pdf");
      expect(response.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    },
    120_000,
  );
});

describe("annual report without Chromium", () => {
  it("refuses a PDF at once with reports.chromium_missing, naming where it looked", async () => {
    const database = await createTestDatabase("pglite");
    const app = await buildApp({ database, chromiumPath: "/nonexistent/chromium" });
    try {
      const users = createUsersService(
        createUsersRepository(database.db),
        createAuditRecorder(database.db),
      );
      const root = await ensureRootUnit(database.db);
      const { id } = await users.addUser({
        username: "analyst",
        role: "hq-analyst",
        orgUnitId: root,
        password: "correct-horse-battery",
      });
      const response = await injectWith(app, await openSession(database.db, id), {
        method: "GET",
        url: "/api/reports/annual?year=2023&format=pdf",
      });
      expect(response.statusCode).toBe(503);
      expect(errorOf(response)).toEqual({
        code: "reports.chromium_missing",
        details: { path: "/nonexistent/chromium" },
      });
    } finally {
      await app.close();
      await database.close();
    }
  }, 60_000);
});
