import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedOrgTree, seedWorkforce, type SeededTree } from "../../../../test/factories";
import { makeTempDir, removeTempDirs } from "../../../../test/temp";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import {
  personnelImportOptions,
  type PersonnelImportOptionsInput,
  type PersonnelImportReport,
} from "../../../core/schemas/personnel-import";
import { createAuditRecorder, SYSTEM_ACTOR } from "../../audit/audit-recorder";
import type { Scope } from "../../http/scope";
import { createMappingsRepository } from "./mappings.repository";
import { createPersonnelImportService } from "./personnel-import.service";

const TODAY = "2025-07-15";
const REGISTER_TABLES = ["persons", "career_events", "career_spells", "import_batches"];

const SNAPSHOT_COLUMNS = {
  service_number: "Service No.",
  sex: "Sex",
  rank: "Rank",
  unit: "Unit code",
} as const;

describe.each(testEngines())("personnel import (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let dir: string;
  let rootScope: Scope;

  const service = () =>
    createPersonnelImportService({
      database,
      mappings: createMappingsRepository(database.db),
      audit: createAuditRecorder(database.db),
      today: () => TODAY,
    });

  /** One digest of every register table, to prove a refused import wrote nothing. */
  const checksum = async () => {
    const parts: string[] = [];
    for (const table of REGISTER_TABLES) {
      const row = await sql<{ digest: string | null; n: number }>`
        SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest, count(*) AS n
          FROM ${sql.table(table)} t`.execute(database.db);
      parts.push(`${table}:${row.rows[0]?.n}:${row.rows[0]?.digest}`);
    }
    return parts.join(" ");
  };

  const file = (name: string, text: string) => {
    const target = path.join(dir, name);
    fs.writeFileSync(target, text);
    return target;
  };

  const run = (
    target: string,
    options: PersonnelImportOptionsInput,
    extra: { isDryRun?: boolean; scope?: Scope; signal?: AbortSignal } = {},
  ): Promise<PersonnelImportReport> =>
    service().run({
      path: target,
      options: personnelImportOptions.parse(options),
      isDryRun: extra.isDryRun ?? false,
      scope: extra.scope ?? rootScope,
      actor: SYSTEM_ACTOR,
      ...(extra.signal ? { signal: extra.signal } : {}),
    });

  const snapshot = (rows: string[]) =>
    file("snapshot.csv", ["Service No.;Sex;Rank;Unit code", ...rows].join("\n") + "\n");
  const snapshotOptions = (asOf = "2025-06-30"): PersonnelImportOptionsInput => ({
    mapping: { kind: "snapshot", columns: SNAPSHOT_COLUMNS },
    asOf,
  });
  const byType = (report: PersonnelImportReport) =>
    Object.fromEntries(report.events.map((e) => [e.type, { F: e.F, M: e.M, total: e.total }]));

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    rootScope = { unitPaths: [`/${tree.id("HQ")}/`] };
  });
  afterAll(() => database.close());

  beforeEach(async () => {
    dir = makeTempDir();
    await sql`TRUNCATE career_spells, career_events, import_batches, persons, ranks, rank_groups RESTART IDENTITY CASCADE`.execute(
      database.db,
    );
    await seedWorkforce(database.db, tree, [
      {
        serviceNumber: "A1",
        sex: "F",
        steps: [{ type: "hire", date: "2015-01-01", rank: "CON", unit: "P1-D1" }],
      },
      {
        serviceNumber: "A2",
        sex: "M",
        steps: [{ type: "hire", date: "2016-01-01", rank: "CON", unit: "P1-D1" }],
      },
      {
        serviceNumber: "A3",
        sex: "F",
        steps: [{ type: "hire", date: "2017-01-01", rank: "SGT", unit: "P1-D2" }],
      },
      {
        serviceNumber: "A4",
        sex: "M",
        steps: [{ type: "hire", date: "2017-01-01", rank: "CON", unit: "P1-D2" }],
      },
      {
        serviceNumber: "B1",
        sex: "F",
        steps: [{ type: "hire", date: "2018-01-01", rank: "CON", unit: "P2-D1" }],
      },
    ]);
  });
  afterEach(() => removeTempDirs(dir));

  it("derives hires, exits, promotions and transfers from a staff list, and writes nothing on a dry run", async () => {
    const target = snapshot([
      "A1;F;SGT;P1-D1", // promoted
      "A2;M;CON;P1-D2", // transferred
      "A3;F;SGT;P1-D2", // unchanged
      "N1;F;CON;P1-D1", // hired
      // A4 is missing: left
    ]);
    const before = await checksum();
    const dry = await run(target, snapshotOptions(), { isDryRun: true });
    expect(dry.outcome).toBe("validated");
    expect(dry.coverage).toEqual({ code: "P1", name: "Unit P1", serving: 4 });
    expect(byType(dry)).toEqual({
      hire: { F: 1, M: 0, total: 1 },
      promotion: { F: 1, M: 0, total: 1 },
      transfer: { F: 0, M: 1, total: 1 },
      exit: { F: 0, M: 1, total: 1 },
    });
    expect(await checksum()).toBe(before);

    const done = await run(target, snapshotOptions());
    expect(done).toMatchObject({ outcome: "imported", personsCreated: 1, eventsCreated: 4 });
    expect(done.batchId).not.toBeNull();
    const serving = await sql<{ service_number: string; rank: string; unit: string }>`
      SELECT p.service_number, r.code AS rank, u.code AS unit
        FROM career_spells s JOIN persons p ON p.id = s.person_id
        JOIN ranks r ON r.id = s.rank_id JOIN org_units u ON u.id = s.org_unit_id
       WHERE s.valid_to IS NULL ORDER BY 1`.execute(database.db);
    expect(serving.rows).toEqual([
      { service_number: "A1", rank: "SGT", unit: "P1-D1" },
      { service_number: "A2", rank: "CON", unit: "P1-D2" },
      { service_number: "A3", rank: "SGT", unit: "P1-D2" },
      { service_number: "B1", rank: "CON", unit: "P2-D1" },
      { service_number: "N1", rank: "CON", unit: "P1-D1" },
    ]);
    const audit = await database.db
      .selectFrom("audit_log")
      .select(["action", "entity_id"])
      .where("action", "like", "personnel.%")
      .execute();
    expect(audit).toEqual([{ action: "personnel.import", entity_id: String(done.batchId) }]);

    const again = await run(target, snapshotOptions());
    expect(again.outcome).toBe("unchanged");
  });

  it("refuses a file with bad rows, naming row, column and value, and leaves the database as it was", async () => {
    const target = snapshot([
      "A1;F;SGT;P1-D1",
      "A1;F;SGT;P1-D1",
      "N2;F;GENERAL;P1-D1",
      "N3;F;CON;NOWHERE",
      ";F;CON;P1-D1",
    ]);
    const before = await checksum();
    const report = await run(target, snapshotOptions());
    expect(report.outcome).toBe("invalid");
    expect(report.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
      [3, "Service No.", "A1", "duplicate_service_number"],
      [4, "Rank", "GENERAL", "unknown_rank"],
      [5, "Unit code", "NOWHERE", "unknown_unit"],
      [6, "Service No.", null, "required"],
    ]);
    expect(await checksum()).toBe(before);
  });

  it("keeps an import within the importer's subtree", async () => {
    const p1: Scope = { unitPaths: [(await unitPath("P1")) ?? ""] };
    const target = snapshot(["A1;F;CON;P1-D1", "B1;F;CON;P1-D1"]);
    const report = await run(target, snapshotOptions(), { scope: p1 });
    expect(report.outcome).toBe("invalid");
    expect(report.errors.map((e) => [e.row, e.code])).toEqual([[3, "person_outside_scope"]]);

    const other = snapshot(["A1;F;CON;P2-D1"]);
    const refused = await run(other, snapshotOptions(), { scope: p1 });
    expect(refused.errors.map((e) => [e.row, e.value])).toEqual([[2, "P2-D1"]]);
  });

  it("imports an events file, skips events already recorded, and refuses an event before the hire", async () => {
    const events = file(
      "events.csv",
      [
        "service_number,event_type,effective_date,rank,unit",
        "N5,hire,2024-03-01,CON,P2-D1",
        "N5,promotion,2025-02-01,SGT,",
        "A1,transfer,2025-01-10,,P1-D2",
      ].join("\n"),
    );
    const options: PersonnelImportOptionsInput = {
      mapping: {
        kind: "events",
        columns: {
          service_number: "service_number",
          event_type: "event_type",
          effective_date: "effective_date",
          rank: "rank",
          unit: "unit",
        },
      },
    };
    const first = await run(events, options);
    expect(first).toMatchObject({ outcome: "imported", personsCreated: 1, eventsCreated: 3 });
    expect((await run(events, options)).outcome).toBe("unchanged");

    const before = await checksum();
    const early = file(
      "early.csv",
      ["service_number,event_type,effective_date,rank,unit", "N6,promotion,2024-03-01,SGT,"].join(
        "\n",
      ),
    );
    const refused = await run(early, options);
    expect(refused.outcome).toBe("invalid");
    expect(refused.errors[0]).toMatchObject({ row: 2, column: "effective_date" });
    expect(await checksum()).toBe(before);
  });

  it("judges scope by where a person serves today too, and never exits an officer on leave", async () => {
    const p1: Scope = { unitPaths: [(await unitPath("P1")) ?? ""] };
    const events = file(
      "back-dated.csv",
      ["service_number,event_type,effective_date,reason", "B1,exit,2025-07-01,retirement"].join(
        "\n",
      ),
    );
    const refused = await run(
      events,
      {
        mapping: {
          kind: "events",
          columns: {
            service_number: "service_number",
            event_type: "event_type",
            effective_date: "effective_date",
            reason: "reason",
          },
        },
        asOf: "2016-01-01",
      },
      { scope: p1 },
    );
    expect(refused.errors.map((e) => [e.row, e.code])).toEqual([[2, "person_outside_scope"]]);

    await sql`UPDATE career_spells SET on_leave = true
               WHERE person_id = (SELECT id FROM persons WHERE service_number = 'A4')`.execute(
      database.db,
    );
    const list = snapshot(["A1;F;CON;P1-D1", "A2;M;CON;P1-D1", "A3;F;SGT;P1-D2"]);
    const report = await run(list, snapshotOptions(), { isDryRun: true });
    expect(report.outcome).toBe("unchanged");
  });

  it("writes nothing when cancelled", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `X${i};M;CON;P1-D1`);
    const target = snapshot(rows);
    const before = await checksum();
    const controller = new AbortController();
    controller.abort();
    const report = await run(target, snapshotOptions(), { signal: controller.signal });
    expect(report.outcome).toBe("cancelled");
    expect(await checksum()).toBe(before);
  });

  const unitPath = async (code: string) =>
    (
      await database.db
        .selectFrom("org_units")
        .select("path")
        .where("code", "=", code)
        .executeTakeFirst()
    )?.path;
});
