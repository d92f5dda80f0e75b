import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrgTree, seedUser, seedWorkforce } from "../../../../test/factories";
import { errorOf } from "../../../../test/http";
import { injectWith, openSession, type TestSession } from "../../../../test/sessions";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import type {
  MappingTemplate,
  PersonnelImportReport,
  PersonnelInspection,
  PersonnelReferenceValues,
} from "../../../core/schemas/personnel-import";
import { buildApp } from "../../app";

const BOUNDARY = "----tandem-test-boundary";
const FILE = [
  "Personnel list — P1",
  "Service No.;Sex;Rank;Unit code",
  "N1;Female;CON;P1-D1",
  "N2;M;CON;P1-D2",
].join("\r\n");

/** A multipart body as a browser sends it: the `options` field, then the file. */
function multipart(options: unknown, file: string, name = "staff.csv"): string {
  return [
    `--${BOUNDARY}`,
    'Content-Disposition: form-data; name="options"',
    "",
    JSON.stringify(options),
    `--${BOUNDARY}`,
    `Content-Disposition: form-data; name="file"; filename="${name}"`,
    "Content-Type: text/csv",
    "",
    file,
    `--${BOUNDARY}--`,
    "",
  ].join("\r\n");
}

describe.each(testEngines())("personnel import routes (%s)", (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let hr: TestSession;
  let partner: TestSession;

  const post = (
    session: TestSession,
    url: string,
    options: unknown,
    file = FILE,
    accept?: string,
  ) =>
    injectWith(app, session, {
      method: "POST",
      url,
      headers: {
        "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
        ...(accept ? { accept } : {}),
      },
      payload: multipart(options, file),
    });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const tree = await seedOrgTree(database.db);
    await seedWorkforce(database.db, tree, []);
    hr = await openSession(
      database.db,
      await seedUser(database.db, tree, { username: "hr.p1", role: "hr-officer", unitCode: "P1" }),
    );
    partner = await openSession(
      database.db,
      await seedUser(database.db, tree, {
        username: "partner",
        role: "partner-viewer",
        unitCode: "HQ",
      }),
    );
    app = await buildApp({ database });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("inspects a file: header row under a title, delimiter, preview and a suggested mapping", async () => {
    const response = await post(hr, "/api/imports/personnel/inspect", {});
    expect(response.statusCode, response.body).toBe(200);
    const inspection = response.json<PersonnelInspection>();
    expect(inspection).toMatchObject({
      format: "csv",
      delimiter: ";",
      headerRow: 2,
      headers: ["Service No.", "Sex", "Rank", "Unit code"],
      suggested: {
        kind: "snapshot",
        columns: { service_number: "Service No.", sex: "Sex", rank: "Rank", unit: "Unit code" },
      },
    });
    expect(inspection.preview.map((r) => r.cells[0])).toEqual(["N1", "N2"]);
  });

  it("validates, then imports, and streams progress as server-sent events", async () => {
    const inspection = (
      await post(hr, "/api/imports/personnel/inspect", {})
    ).json<PersonnelInspection>();
    const options = { mapping: inspection.suggested, asOf: "2025-06-30" };
    const dry = await post(hr, "/api/imports/personnel/run?dryRun=true", options);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json<PersonnelImportReport>()).toMatchObject({
      outcome: "validated",
      personsCreated: 2,
      events: [{ type: "hire", F: 1, M: 1, total: 2 }],
    });

    const streamed = await post(
      hr,
      "/api/imports/personnel/run",
      options,
      FILE,
      "text/event-stream",
    );
    expect(streamed.headers["content-type"]).toContain("text/event-stream");
    expect(streamed.headers["content-security-policy"]).toBeDefined();
    const report = /event: report\ndata: (.*)\n\n/.exec(streamed.body)?.[1];
    expect(JSON.parse(report ?? "{}")).toMatchObject({ outcome: "imported", personsCreated: 2 });

    const again = await post(hr, "/api/imports/personnel/run", options);
    expect(again.json<PersonnelImportReport>().outcome).toBe("unchanged");
  });

  it("answers 422 with the row errors when nothing could be imported", async () => {
    const inspection = (
      await post(hr, "/api/imports/personnel/inspect", {})
    ).json<PersonnelInspection>();
    const broken = FILE.replace("N2;M;CON;P1-D2", "N3;M;CON;P2-D1");
    const response = await post(
      hr,
      "/api/imports/personnel/run",
      { mapping: inspection.suggested, asOf: "2025-06-30" },
      broken,
    );
    expect(response.statusCode).toBe(422);
    expect(response.json<{ report: PersonnelImportReport }>().report.errors).toMatchObject([
      { row: 4, column: "Unit code", value: "P2-D1", code: "unknown_unit" },
    ]);
  });

  it("offers ranks, roles and only the open units in scope as targets of value maps", async () => {
    await database.db
      .insertInto("job_roles")
      .values({ code: "GBV", name: "Family and GBV desk", is_leadership: false })
      .onConflict((oc) => oc.column("code").doNothing())
      .execute();
    const response = await injectWith(app, hr, {
      method: "GET",
      url: "/api/imports/personnel/reference",
    });
    expect(response.statusCode, response.body).toBe(200);
    const values = response.json<PersonnelReferenceValues>();
    expect(values.ranks.map((r) => r.code)).toEqual(["CON", "SGT", "SUPT"]);
    expect(values.roles).toContainEqual({ code: "GBV", name: "Family and GBV desk" });
    expect(values.units.map((u) => u.code).sort()).toEqual(["P1", "P1-D1", "P1-D1-S1", "P1-D2"]);
    const forbidden = await injectWith(app, partner, {
      method: "GET",
      url: "/api/imports/personnel/reference",
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it("reads a value the register does not know once the mapping's value map names it", async () => {
    const inspection = (
      await post(hr, "/api/imports/personnel/inspect", {})
    ).json<PersonnelInspection>();
    const file = FILE.replace("N1;Female;CON;P1-D1", "N5;Female;Const.;Station one");
    const options = { mapping: inspection.suggested, asOf: "2025-06-30" };
    const refused = await post(hr, "/api/imports/personnel/run?dryRun=true", options, file);
    expect(
      refused.json<{ report: PersonnelImportReport }>().report.errors.map((e) => e.code),
    ).toEqual(["unknown_rank", "unknown_unit"]);
    const valueMaps = { rank: { "Const.": "CON" }, unit: { "station ONE": "P1-D1" } };
    const mapped = await post(
      hr,
      "/api/imports/personnel/run?dryRun=true",
      { ...options, mapping: { ...inspection.suggested, valueMaps } },
      file,
    );
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect(mapped.json<PersonnelImportReport>().outcome).toBe("validated");
  });

  it("refuses a partner-viewer and a write without the CSRF token", async () => {
    expect((await post(partner, "/api/imports/personnel/inspect", {})).statusCode).toBe(403);
    const response = await app.inject({
      method: "POST",
      url: "/api/imports/personnel/inspect",
      headers: { cookie: hr.cookie, "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipart({}, FILE),
    });
    expect(errorOf(response).code).toBe("auth.csrf");
  });

  it("saves, lists and deletes mapping templates", async () => {
    const inspection = (
      await post(hr, "/api/imports/personnel/inspect", {})
    ).json<PersonnelInspection>();
    const saved = await injectWith(app, hr, {
      method: "PUT",
      url: "/api/imports/personnel/mappings/Provincial%20HR",
      payload: { mapping: inspection.suggested },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const list = await injectWith(app, hr, {
      method: "GET",
      url: "/api/imports/personnel/mappings",
    });
    expect(list.json<MappingTemplate[]>().map((t) => t.name)).toEqual(["Provincial HR"]);
    const fromTemplate = await post(hr, "/api/imports/personnel/inspect", {
      template: "Provincial HR",
    });
    expect(fromTemplate.json<PersonnelInspection>().suggested.columns).toEqual(
      inspection.suggested.columns,
    );
    const removed = await injectWith(app, hr, {
      method: "DELETE",
      url: "/api/imports/personnel/mappings/Provincial%20HR",
    });
    expect(removed.statusCode).toBe(204);
  });
});
