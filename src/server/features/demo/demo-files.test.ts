import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, removeTempDirs } from "../../../../test/temp";
import { generateDemoPersons } from "../../../core/demo/careers";
import { buildDemoUnits } from "../../../core/demo/country";
import {
  buildDemoHrFiles,
  EVENT_HEADERS,
  KHMER_HEADERS,
  THAI_HEADERS,
  type DemoHrFiles,
} from "../../../core/demo/hr-files";
import { loadConfig } from "../../config";
import { defaultDemoFilesDir, writeDemoFiles, type WrittenDemoFiles } from "./demo-files";

const OPTIONS = { scale: "small", seed: 5, endYear: 2025 } as const;
const SNAPSHOT = "personnel-snapshot-2025-01-31";
const HEADERS = [
  "Service No.",
  "Sex",
  "Year of birth",
  "Rank",
  "Unit code",
  "Position",
  "Date joined",
];

async function readSheets(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets;
}

/** A sheet's rows as plain values (1-based row numbers kept by position: index 0 is row 1). */
function valuesOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row, number) => {
    rows[number - 1] = (row.values as unknown[]).slice(1);
  });
  return rows;
}

describe("writeDemoFiles", () => {
  let root: string;
  let written: WrittenDemoFiles;
  let expected: DemoHrFiles;
  const file = (name: string) => path.join(written.dir, name);

  beforeAll(async () => {
    root = makeTempDir();
    written = await writeDemoFiles(path.join(root, "files"), OPTIONS);
    const units = buildDemoUnits(OPTIONS.scale, OPTIONS.seed);
    expected = buildDemoHrFiles(generateDemoPersons(units, OPTIONS), units, OPTIONS);
  });
  afterAll(() => removeTempDirs(root));

  const dataCount = (province: number) => expected.months[province]?.after.length ?? -1;

  it("writes the six files into a new directory", () => {
    expect(written.asOf).toBe("2025-01-31");
    expect(fs.readdirSync(written.dir).sort()).toEqual(
      [
        `${SNAPSHOT}.csv`,
        `${SNAPSHOT}.xlsx`,
        "personnel-km.csv",
        "personnel-th-buddhist-era.xlsx",
        "career-events.csv",
        "personnel-with-errors.csv",
      ].sort(),
    );
    expect(written.files).toEqual(expected.files.map((f) => f.name));
  });

  it("writes the snapshot CSV in UTF-8 with a BOM, semicolons, CRLF and two title lines", () => {
    const bytes = fs.readFileSync(file(`${SNAPSHOT}.csv`));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.split("\r\n")[2]).toBe(HEADERS.join(";"));
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    const rows = parse(bytes, {
      bom: true,
      delimiter: ";",
      relax_column_count: true,
    });
    expect(rows[0]).toEqual(["Provincial Police Commissariat P01 — staff list"]);
    expect(rows[1]).toEqual(["Exported 2025-02-01 07:42"]);
    expect(rows[2]).toEqual(HEADERS);
    const data = rows.slice(3);
    expect(data).toHaveLength(dataCount(0));
    expect(data.every((r) => r.length === HEADERS.length)).toBe(true);
    expect(data.some((r) => Number(r[6]?.slice(0, 2)) > 12)).toBe(true);
    expect(new Set(data.map((r) => r[1]))).toEqual(new Set(["Female", "Male", "X", ""]));
  });

  it("writes the Khmer CSV with commas, no BOM and ISO dates; the events CSV with one row per change", () => {
    const km = fs.readFileSync(file("personnel-km.csv"));
    expect(km.subarray(0, 3).toString("utf8")).not.toBe("\uFEFF");
    const kmRows = parse(km);
    expect(kmRows[0]).toEqual(KHMER_HEADERS);
    expect(kmRows.slice(1)).toHaveLength(dataCount(1));
    expect(kmRows.slice(1).every((r) => /^\d{4}-\d\d-\d\d$/.test(r[6] ?? ""))).toBe(true);

    const events = parse(fs.readFileSync(file("career-events.csv")));
    expect(events[0]).toEqual(EVENT_HEADERS);
    expect(events.slice(1)).toHaveLength(expected.months[0]?.changes.length ?? -1);
    expect(new Set(events.slice(1).map((r) => r[1]))).toEqual(
      new Set(["hire", "exit", "promotion", "transfer"]),
    );
  });

  it("writes the snapshot XLSX with a title row, real dates, numbers and a Notes sheet", async () => {
    const [staff, notes, ...others] = await readSheets(file(`${SNAPSHOT}.xlsx`));
    expect(others).toEqual([]);
    expect(staff?.name).toBe("Staff list");
    expect(notes?.name).toBe("Notes");
    const rows = valuesOf(staff);
    expect(rows[0]).toEqual(["Provincial Police Commissariat P01 — staff list as of 31/01/2025"]);
    expect(rows[1]).toEqual(HEADERS);
    const csv = parse(fs.readFileSync(file(`${SNAPSHOT}.csv`)), {
      bom: true,
      delimiter: ";",
      from_line: 4,
    });
    const data = rows.slice(2);
    expect(data).toHaveLength(csv.length);
    const dateCell = staff?.getCell(3, 7);
    expect(dateCell?.value).toBeInstanceOf(Date);
    expect(dateCell?.numFmt).toBe("dd/mm/yyyy");
    expect(
      data.map((r) => {
        const joined = r[6] as Date;
        const day = joined.toISOString().slice(0, 10).split("-").reverse().join("/");
        return [r[0], r[1] ?? "", r[2], r[3], r[4], r[5], day];
      }),
    ).toEqual(csv.map((r) => [r[0], r[1], Number(r[2]), ...r.slice(3)]));
    expect(valuesOf(notes)[2]).toEqual(["Situation as of", new Date("2025-01-31T00:00:00Z")]);
  });

  it("writes the Thai XLSX with Buddhist Era years in dates and years of birth", async () => {
    const [sheet] = await readSheets(file("personnel-th-buddhist-era.xlsx"));
    expect(sheet?.name).toBe("กำลังพล");
    const rows = valuesOf(sheet);
    expect(rows[0]).toEqual(THAI_HEADERS);
    const data = rows.slice(1);
    expect(data).toHaveLength(dataCount(2));
    expect(new Set(data.map((r) => r[1] ?? ""))).toEqual(new Set(["หญิง", "ชาย", "X", ""]));
    for (const row of data) {
      const [, year] = /^\d\d\/\d\d\/(\d{4})$/.exec(String(row[6])) ?? [];
      expect(Number(year)).toBeGreaterThan(2500);
      expect(row[2]).toBeGreaterThan(2450);
    }
  });

  it("writes the same files again for the same seed", async () => {
    const again = await writeDemoFiles(path.join(root, "again"), OPTIONS);
    for (const name of again.files.filter((f) => f.endsWith(".csv"))) {
      expect(fs.readFileSync(path.join(again.dir, name))).toEqual(fs.readFileSync(file(name)));
    }
    for (const name of again.files.filter((f) => f.endsWith(".xlsx"))) {
      const [a, b] = await Promise.all([
        readSheets(path.join(again.dir, name)),
        readSheets(file(name)),
      ]);
      expect(a.map(valuesOf)).toEqual(b.map(valuesOf));
    }
  });

  it("puts the broken copy's errors on the rows the README lists", () => {
    const rows = parse(fs.readFileSync(file("personnel-with-errors.csv")), {
      bom: true,
      delimiter: ";",
      relax_column_count: true,
    });
    for (const error of expected.errors) {
      expect(rows[error.row - 1]?.[HEADERS.indexOf(error.column)]).toBe(error.value);
    }
  });
});

describe("defaultDemoFilesDir", () => {
  it("is demo-files in the embedded data directory, and none on a PostgreSQL server", () => {
    const embedded = loadConfig({ TANDEM_DATA_DIR: "/srv/tandem/data" });
    const server = loadConfig({
      DATABASE_URL: "postgres://db/tandem",
      TANDEM_SECRET_KEY: "ab".repeat(32),
    });
    if (!embedded.ok || !server.ok) throw new Error("config expected to load");
    expect(defaultDemoFilesDir(embedded.config)).toBe("/srv/tandem/data/demo-files");
    expect(defaultDemoFilesDir(server.config)).toBeNull();
  });
});
