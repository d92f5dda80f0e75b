import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrgTree, seedWorkforce } from "../../../../test/factories";
import { makeTempDir, removeTempDirs } from "../../../../test/temp";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import { deflatedFill, writeZip } from "../../../../test/zip";
import { AppError } from "../../../core/errors";
import {
  personnelImportOptions,
  type PersonnelImportReport,
} from "../../../core/schemas/personnel-import";
import { createAuditRecorder, SYSTEM_ACTOR } from "../../audit/audit-recorder";
import { createMappingsRepository } from "./mappings.repository";
import { createPersonnelImportService } from "./personnel-import.service";

const HEADER = "Service No.,Sex,Year of birth,Rank,Unit code,Date joined";
const COLUMNS = {
  service_number: "Service No.",
  sex: "Sex",
  birth_year: "Year of birth",
  rank: "Rank",
  unit: "Unit code",
  hire_date: "Date joined",
};
const TABLES = ["persons", "career_events", "career_spells", "import_batches", "import_mappings"];
const FIXTURES = path.resolve("test/fixtures/import");

/**
 * The bad inputs of issue 5, each through the whole import: refused with a reason that names the
 * place (a row error or a file error), and the register exactly as it was (row counts and a digest
 * of every table an import writes); only the audit trail grows, by the refusal's entry.
 */
describe.each(testEngines())(
  "personnel import refuses bad input and writes nothing (%s)",
  (engine) => {
    let database: TestDatabase;
    let dir: string;
    let scope: { unitPaths: string[] };

    const checksum = async () => {
      const parts: string[] = [];
      for (const table of TABLES) {
        const row = await sql<{ digest: string | null; n: number }>`
        SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest, count(*) AS n
          FROM ${sql.table(table)} t`.execute(database.db);
        parts.push(`${table}:${row.rows[0]?.n}:${row.rows[0]?.digest}`);
      }
      return parts.join(" ");
    };

    /** Runs an import of `file`; a file-level refusal comes back as the AppError. */
    const attempt = async (
      file: string,
      mapping: Record<string, unknown> = {},
    ): Promise<PersonnelImportReport | AppError> => {
      const service = createPersonnelImportService({
        database,
        mappings: createMappingsRepository(database.db),
        audit: createAuditRecorder(database.db),
        today: () => "2025-07-15",
      });
      try {
        return await service.run({
          path: file,
          options: personnelImportOptions.parse({
            mapping: { kind: "snapshot", columns: COLUMNS, dateFormat: "iso", ...mapping },
            asOf: "2025-06-30",
            fileName: path.basename(file),
          }),
          isDryRun: false,
          scope,
          actor: SYSTEM_ACTOR,
        });
      } catch (error) {
        if (error instanceof AppError) return error;
        throw error;
      }
    };

    const write = (name: string, content: string | Buffer) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    };

    const expectRowErrors = async (file: string, expected: unknown[], mapping = {}) => {
      const before = await checksum();
      const result = await attempt(file, mapping);
      expect(result).not.toBeInstanceOf(AppError);
      const report = result as PersonnelImportReport;
      expect(report.outcome).toBe("invalid");
      expect(report.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual(expected);
      expect(await checksum()).toBe(before);
    };

    const expectFileError = async (file: string, code: string, mapping = {}) => {
      const before = await checksum();
      const result = await attempt(file, mapping);
      expect(result).toBeInstanceOf(AppError);
      expect((result as AppError).code).toBe(code);
      expect(await checksum()).toBe(before);
    };

    beforeAll(async () => {
      dir = makeTempDir();
      database = await createTestDatabase(engine);
      const tree = await seedOrgTree(database.db);
      scope = { unitPaths: [`/${tree.id("HQ")}/`] };
      await seedWorkforce(database.db, tree, [
        {
          serviceNumber: "A1",
          sex: "F",
          steps: [{ type: "hire", date: "2015-01-01", rank: "CON", unit: "P1-D1" }],
        },
      ]);
    });
    afterAll(async () => {
      await database.close();
      removeTempDirs(dir);
    });

    it("a truncated file", async () => {
      const file = write(
        "truncated.csv",
        `${HEADER}\nA1,F,1980,CON,P1-D1,2015-01-01\n"A2,M,1985,CON,P1-D1,2016-0`,
      );
      await expectFileError(file, "import.truncated");
    });

    it("the wrong encoding", async () => {
      const latin = Buffer.from(
        `${HEADER}\nA1,F,1980,CON,P1-D1,2015-01-01\nÉ1,F,1980,CON,P1-D1,2015-01-01\n`,
        "latin1",
      );
      await expectFileError(write("latin.csv", latin), "import.encoding_invalid", {
        encoding: "utf-8",
      });
    });

    it("mixed delimiters", async () => {
      const file = write(
        "mixed.csv",
        `${HEADER}\nA1,F,1980,CON,P1-D1,2015-01-01\nN1;F;1990;CON;P1-D1;2015-01-01\n`,
      );
      const before = await checksum();
      const report = (await attempt(file)) as PersonnelImportReport;
      expect(report.outcome).toBe("invalid");
      expect(report.errors.every((e) => e.row === 3)).toBe(true);
      expect(await checksum()).toBe(before);
    });

    it("duplicate service numbers, unknown rank and unit, future dates and events before birth", async () => {
      const file = write(
        "rows.csv",
        [
          HEADER,
          "N1,F,1990,CON,P1-D1,2015-01-01",
          "N1,F,1990,CON,P1-D1,2015-01-01",
          "N2,M,1990,MARSHAL,P1-D1,2015-01-01",
          "N3,M,1990,CON,ATLANTIS,2015-01-01",
          "N4,F,1990,CON,P1-D1,2031-01-01",
          "N5,F,2005,CON,P1-D1,2010-01-01",
        ].join("\n"),
      );
      await expectRowErrors(file, [
        [3, "Service No.", "N1", "duplicate_service_number"],
        [4, "Rank", "MARSHAL", "unknown_rank"],
        [5, "Unit code", "ATLANTIS", "unknown_unit"],
        [6, "Date joined", "2031-01-01", "date_in_future"],
        [7, "Date joined", "2010-01-01", "event_before_birth"],
      ]);
    });

    it("a 10 MB cell", async () => {
      const file = write(
        "huge-cell.csv",
        `${HEADER}\nA1,F,1980,CON,P1-D1,2015-01-01\nN1,F,1980,"${"x".repeat(10 * 1024 * 1024)}",P1-D1,2015-01-01\n`,
      );
      await expectFileError(file, "import.cell_too_large");
    });

    it("a million empty rows", async () => {
      const file = path.join(dir, "empty-rows.csv");
      fs.writeFileSync(file, `${HEADER}\n${",,,,,\n".repeat(1_000_000)}`);
      await expectRowErrors(file, [[2, null, null, "no_data_rows"]]);
    });

    it("an XLSX zip bomb", async () => {
      const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
      const bomb = writeZip([
        {
          name: "_rels/.rels",
          data: `<Relationships><Relationship Id="r1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        },
        {
          name: "xl/workbook.xml",
          data: `<workbook xmlns:r="${rel}"><sheets><sheet name="Data" sheetId="1" r:id="s1"/></sheets></workbook>`,
        },
        {
          name: "xl/_rels/workbook.xml.rels",
          data: `<Relationships><Relationship Id="s1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        },
        { name: "xl/worksheets/sheet1.xml", deflated: deflatedFill(300 * 1024 * 1024) },
      ]);
      await expectFileError(write("bomb.xlsx", bomb), "import.archive_too_large");
    });

    it("formula cells", async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("Staff");
      sheet.addRow(HEADER.split(","));
      sheet.addRow(["A1", "F", 1980, "CON", "P1-D1", "2015-01-01"]);
      sheet.addRow([
        { formula: 'CONCAT("N","9")', result: "N9" },
        "F",
        1980,
        "CON",
        "P1-D1",
        "2015-01-01",
      ]);
      const file = path.join(dir, "formula.xlsx");
      await workbook.xlsx.writeFile(file);
      await expectRowErrors(file, [
        [3, "Service No.", expect.stringContaining("CONCAT"), "formula_cell"],
      ]);
    });

    it("a file that is not what its extension says", async () => {
      await expectFileError(
        write("staff.csv", fs.readFileSync(path.join(FIXTURES, "report.pdf.csv"))),
        "import.file_type_mismatch",
      );
      await expectFileError(
        write("staff.xlsx", fs.readFileSync(path.join(FIXTURES, "legacy.xls"))),
        "import.file_type_mismatch",
      );
    });
  },
);
