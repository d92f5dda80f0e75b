import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryAuditRecorder } from "../../../../test/audit";
import { seedOrgTree, seedUser, type SeededTree } from "../../../../test/factories";
import { errorOf } from "../../../../test/http";
import { orgUnitsFingerprint } from "../../../../test/org-units";
import { injectWith, openSession, type TestSession } from "../../../../test/sessions";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import type { ImportReport } from "../../../core/schemas/import";
import type { OrgUnit, OrgUnitHistory } from "../../../core/schemas/org-units";
import { buildApp } from "../../app";

const TODAY = "2024-06-15";
const HEADER = "code,name,kind,parent_code,specialisation,opened_on";
const goodFile = [
  HEADER,
  "P1,Unit P1,province,HQ,,",
  "P3-D1,Kampot District,district,P3N,,2021-01-01",
  "P3N,Southern Province,province,HQ,,2020-06-01",
  "P3-D1-S1,Kep Station,station,P3-D1,,2021-02-01",
  'NU-FGP,"Family and GBV Protection, national",national_unit,HQ,family_gbv,2019-01-01',
].join("\n");

describe.each(testEngines())("POST /api/org-units/import (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let app: FastifyInstance;
  const audit = createMemoryAuditRecorder();
  let admin: TestSession;
  let p2Admin: TestSession;

  const upload = (session: TestSession, body: string | Buffer, query = "", type = "text/csv") =>
    injectWith(app, session, {
      method: "POST",
      url: `/api/org-units/import${query}`,
      headers: { "content-type": type },
      payload: body,
    });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    admin = await openSession(
      database.db,
      await seedUser(database.db, tree, { username: "admin.hq", role: "admin", unitCode: "HQ" }),
    );
    p2Admin = await openSession(
      database.db,
      await seedUser(database.db, tree, { username: "admin.p2", role: "admin", unitCode: "P2" }),
    );
    app = await buildApp({ database, audit, now: () => new Date(`${TODAY}T09:00:00Z`) });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("writes nothing when any row is wrong, and reports every row error", async () => {
    const before = await orgUnitsFingerprint(database.db);
    const bad =
      goodFile.replace(
        "P3-D1-S1,Kep Station,station,P3-D1",
        "P3-D1-S1,Kep Station,precinct,P3-D9",
      ) + "\nP1,Again,province,HQ,,\n";
    const response = await upload(admin, bad);
    expect(response.statusCode).toBe(422);
    const body = response.json<{
      error: { code: string; details: object };
      report: ImportReport;
    }>();
    expect(body.error).toEqual({ code: "import.rows_invalid", details: { errorCount: 3 } });
    expect(body.report).toMatchObject({ outcome: "invalid", rows: 6, created: 0, updated: 0 });
    expect(body.report.errors.map((e) => [e.row, e.column, e.value, e.code, e.messageKey])).toEqual(
      [
        [5, "kind", "precinct", "invalid_kind", "import.errors.invalid_kind"],
        [5, "parent_code", "P3-D9", "unknown_parent", "import.errors.unknown_parent"],
        [7, "code", "P1", "duplicate_code", "import.errors.duplicate_code"],
      ],
    );
    expect(await orgUnitsFingerprint(database.db)).toEqual(before);
    expect(audit.entries.map((e) => [e.action, e.outcome])).toEqual([
      ["org_unit.import", "failure"],
    ]);
    audit.entries.length = 0;
  });

  it("validates without writing on a dry run", async () => {
    const before = await orgUnitsFingerprint(database.db);
    const response = await upload(admin, goodFile, "?dryRun=true");
    expect(response.statusCode).toBe(200);
    expect(response.json<ImportReport>()).toEqual({
      outcome: "validated",
      isDryRun: true,
      rows: 5,
      created: 4,
      updated: 0,
      unchanged: 1,
      errors: [],
    });
    expect(await orgUnitsFingerprint(database.db)).toEqual(before);
  });

  it("imports a UTF-8 file with a byte-order mark, parents first, and audits each unit", async () => {
    const before = await orgUnitsFingerprint(database.db);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(goodFile, "utf8")]);
    const response = await upload(admin, withBom);
    expect(response.statusCode).toBe(200);
    expect(response.json<ImportReport>()).toMatchObject({
      outcome: "imported",
      created: 4,
      unchanged: 1,
    });
    const after = await orgUnitsFingerprint(database.db);
    expect(after.units).toBe(before.units + 4);
    expect(after.versions).toBe(before.versions + 4);
    const units = (await injectWith(app, admin, { method: "GET", url: "/api/org-units" })).json<{
      units: OrgUnit[];
    }>().units;
    const byCode = new Map(units.map((u) => [u.code, u]));
    expect(byCode.get("P3-D1-S1")).toMatchObject({
      kind: "station",
      parentId: byCode.get("P3-D1")?.id,
      openedOn: "2021-02-01",
    });
    expect(byCode.get("NU-FGP")).toMatchObject({
      name: "Family and GBV Protection, national",
      specialisation: "family_gbv",
    });
    expect(audit.entries.map((e) => [e.action, e.entityId, e.outcome])).toEqual([
      ...["P3N", "P3-D1", "P3-D1-S1", "NU-FGP"].map((code) => [
        "org_unit.create",
        String(byCode.get(code)?.id),
        "success",
      ]),
      ["org_unit.import", null, "success"],
    ]);
  });

  it("changes nothing when the same file is imported twice, and says so", async () => {
    const before = await orgUnitsFingerprint(database.db);
    const response = await upload(admin, goodFile);
    expect(response.json<ImportReport>()).toMatchObject({
      outcome: "unchanged",
      created: 0,
      updated: 0,
      unchanged: 5,
    });
    expect(await orgUnitsFingerprint(database.db)).toEqual(before);
  });

  it("updates known units from today, moving them with history", async () => {
    const moved = goodFile.replace(
      "P3-D1-S1,Kep Station,station,P3-D1,,2021-02-01",
      "P3-D1-S1,Kep Town Station,station,P1,,",
    );
    const response = await upload(admin, moved);
    expect(response.json<ImportReport>()).toMatchObject({
      outcome: "imported",
      created: 0,
      updated: 1,
      unchanged: 4,
    });
    const units = (await injectWith(app, admin, { method: "GET", url: "/api/org-units" })).json<{
      units: OrgUnit[];
    }>().units;
    const station = units.find((u) => u.code === "P3-D1-S1");
    expect(station).toMatchObject({ name: "Kep Town Station", parentId: tree.id("P1") });
    const history = (
      await injectWith(app, admin, { method: "GET", url: `/api/org-units/${station?.id}/history` })
    ).json<OrgUnitHistory>();
    expect(history.versions.map((v) => [v.validFrom, v.validTo, v.name])).toEqual([
      ["2021-02-01", TODAY, "Kep Station"],
      [TODAY, null, "Kep Town Station"],
    ]);
  });

  it("keeps a provincial admin inside their subtree", async () => {
    const response = await upload(
      p2Admin,
      [HEADER, "P2-D9,New,district,P2,,", "P1-D9,Not mine,district,P1,,"].join("\n"),
    );
    expect(response.statusCode).toBe(422);
    expect(
      response.json<{ report: ImportReport }>().report.errors.map((e) => [e.row, e.code]),
    ).toEqual([[3, "unknown_parent"]]);
  });

  it("refuses a file that is not UTF-8 and a body that is not a file", async () => {
    const latin1 = Buffer.from(`${HEADER}\nX,Caf\xe9,station,P1,,\n`, "latin1");
    const response = await upload(admin, latin1);
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toEqual({
      code: "import.encoding_unsupported",
      details: { expected: "UTF-8" },
    });
    const json = await upload(admin, JSON.stringify({ csv: goodFile }), "", "application/json");
    expect(json.statusCode).toBe(400);
    expect(errorOf(json).code).toBe("request.invalid");
  });
});
