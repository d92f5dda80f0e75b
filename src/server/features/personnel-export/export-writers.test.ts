import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { ExportCell, ExportColumn } from "../../../core/workforce/register-export";
import { csvChunks, UTF8_BOM, writeXlsx } from "./export-writers";

const columns: ExportColumn[] = [
  { name: "service_number", kind: "text" },
  { name: "birth_year", kind: "number" },
  { name: "on_leave", kind: "boolean" },
  { name: "hire_date", kind: "date" },
  { name: "unit_name", kind: "text" },
];

async function* from(rows: ExportCell[][]) {
  await Promise.resolve();
  for (const row of rows) yield row;
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

async function xlsxBuffer(rows: ExportCell[][]): Promise<Buffer> {
  const output = new PassThrough();
  const parts: Buffer[] = [];
  output.on("data", (chunk: Buffer) => parts.push(chunk));
  const ended = new Promise((resolve) => output.on("end", resolve));
  await writeXlsx(output, "personnel", columns, from(rows));
  await ended;
  return Buffer.concat(parts);
}

describe("csvChunks", () => {
  it("starts with a BOM and the header, and neutralises formula-like text", async () => {
    const text = await collect(
      csvChunks(columns, from([["=cmd|' /C calc'!A0", 1980, true, "2015-01-01", "-2+3"]])),
    );
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.slice(1).split("\n")).toEqual([
      "service_number,birth_year,on_leave,hire_date,unit_name",
      "'=cmd|' /C calc'!A0,1980,true,2015-01-01,'-2+3",
      "",
    ]);
  });

  it("round-trips any text (Khmer, quotes, commas, line breaks) through a CSV reader", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.string({ unit: "grapheme" }), fc.string()), { maxLength: 20 }),
        async (pairs) => {
          const rows = pairs.map(([a, b]): ExportCell[] => [a, 1, false, null, `ខេត្ត ${b}`]);
          const text = await collect(csvChunks(columns, from(rows)));
          const parsed = parse(text.slice(1), { relax_column_count: false });
          const unformula = (v: string) => v.replace(/^'(?=[=+\-@\t\r])/, "");
          expect(
            parsed.slice(1).map((r) => [unformula(r[0] ?? ""), unformula(r[4] ?? "")]),
          ).toEqual(rows.map((r) => [r[0], r[4]]));
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("writeXlsx", () => {
  it("writes typed cells: neutralised text, numbers, booleans and real dates", async () => {
    const buffer = await xlsxBuffer([
      ['=HYPERLINK("http://x")', 1980, true, "2015-01-01", "ស្នងការដ្ឋាននគរបាលខេត្ត"],
      ["KH-2", null, false, null, "@SUM(A1)"],
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("personnel");
    if (!sheet) throw new Error("no sheet");
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "service_number",
      "birth_year",
      "on_leave",
      "hire_date",
      "unit_name",
    ]);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('\'=HYPERLINK("http://x")');
    expect(first.getCell(2).value).toBe(1980);
    expect(first.getCell(3).value).toBe(true);
    expect(first.getCell(4).value).toEqual(new Date("2015-01-01T00:00:00Z"));
    expect(first.getCell(4).numFmt).toBe("yyyy-mm-dd");
    expect(first.getCell(5).value).toBe("ស្នងការដ្ឋាននគរបាលខេត្ត");
    const second = sheet.getRow(3);
    expect(second.getCell(2).value).toBeNull();
    expect(second.getCell(5).value).toBe("'@SUM(A1)");
    // No cell anywhere holds a formula.
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
  });

  it("writes a 10,000-row sheet that reads back whole", async () => {
    const rows = Array.from({ length: 10_000 }, (_, i): ExportCell[] => [
      `KH-${i}`,
      1970 + (i % 30),
      i % 2 === 0,
      "2020-01-01",
      "ភ្នំពេញ",
    ]);
    const buffer = await xlsxBuffer(rows);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("personnel");
    expect(sheet?.rowCount).toBe(10_001);
    expect(sheet?.getRow(10_001).getCell(1).value).toBe("KH-9999");
  });
});
