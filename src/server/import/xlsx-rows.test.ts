import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { SourceRow } from "../../core/import/table";
import { makeTempDir, removeTempDirs } from "../../../test/temp";
import { deflatedFill, writeZip, type ZipEntry } from "../../../test/zip";
import { inspectXlsx, readXlsxRows, type XlsxReadOptions } from "./xlsx-rows";

const fixtures = fileURLToPath(new URL("../../../test/fixtures/import/", import.meta.url));
const twoSheets = path.join(fixtures, "two-sheets.xlsx");
const otherProducer = path.join(fixtures, "other-producer.xlsx");
const dir = makeTempDir("tandem-xlsx-");
afterAll(() => removeTempDirs(dir));

async function collect(rows: AsyncIterable<SourceRow>): Promise<SourceRow[]> {
  const list: SourceRow[] = [];
  for await (const row of rows) list.push(row);
  return list;
}

async function refusal(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("accepted");
}

const read = (file: string, options: Partial<XlsxReadOptions> = {}) =>
  collect(readXlsxRows(file, { sheet: null, ...options }));

/** A minimal workbook whose one sheet is `sheet` (an entry, so that it can be a bomb). */
function workbook(name: string, sheet: Omit<ZipEntry, "name">, extra: ZipEntry[] = []): string {
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    writeZip([
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
      { name: "xl/worksheets/sheet1.xml", ...sheet },
      ...extra,
    ]),
  );
  return file;
}

const sheetXml = (rows: string) =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

describe("inspectXlsx", () => {
  it("lists the worksheets in workbook order", async () => {
    expect(await inspectXlsx(twoSheets)).toEqual(["Personnel", "Ranks"]);
    expect(await inspectXlsx(otherProducer)).toEqual(["Effectifs 2024"]);
  });
});

describe("readXlsxRows", () => {
  it("reads typed cells of exceljs's workbook: dates, formulas, rich text, errors, booleans", async () => {
    expect(await read(twoSheets)).toEqual([
      { row: 1, cells: ["Personnel list — Province 3 — 2024"] },
      {
        row: 3,
        cells: ["Service number", "Sex", "Rank", "Hired", "Birth year", "Serving", "Check"],
      },
      {
        row: 4,
        cells: ["P-0001", "F", "Captain", { date: "2012-03-14" }, 1985, true, { formula: "E4+1" }],
      },
      { row: 5, cells: ["P-0002", "M", "Sergeant", { date: "2019-11-01" }, 1990, false, "#N/A"] },
      { row: 7, cells: ["P-0003", "F", "Major", 43831, null, true] },
    ]);
  });

  it("reads the sheet chosen by name, and names the sheets when it does not exist", async () => {
    expect((await read(twoSheets, { sheet: "Ranks" })).map((row) => row.cells)).toEqual([
      ["Code", "Rank"],
      ["CPT", "Captain"],
      ["SGT", "Sergeant"],
    ]);
    expect(await refusal(() => read(twoSheets, { sheet: "Staff" }))).toMatchObject({
      code: "import.sheet_not_found",
      details: { sheet: "Staff", available: ["Personnel", "Ranks"] },
    });
  });

  it("reads another producer's shape: inline strings, odd part names, 1904 dates, built-in formats", async () => {
    expect(await read(otherProducer)).toEqual([
      { row: 2, cells: ["Liste du personnel & unités"] },
      { row: 4, cells: ["Matricule", "Sexe", "Entrée", "Code"] },
      {
        row: 5,
        cells: [
          "FR-001",
          "F",
          { date: "2020-01-01" },
          { formula: 'A5&"-"&B5' },
          { formula: "1+1" },
        ],
      },
      { row: 6, cells: ["FR-002", "M", { date: "2013-07-07" }, null, { formula: "" }] },
    ]);
  });

  it("reads the OpenXML SDK's shape, where every element carries a namespace prefix", async () => {
    expect(await read(path.join(fixtures, "openxml-sdk.xlsx"))).toEqual([
      { row: 1, cells: ["Service number", "Sex", "Hired"] },
      { row: 2, cells: ["P-1", "F", { date: "2023-03-15" }] },
    ]);
  });

  it("refuses a zip bomb from its directory, before inflating anything", async () => {
    const bomb = workbook("bomb.xlsx", { deflated: deflatedFill(300 * 1024 * 1024) });
    const started = Date.now();
    const error = await refusal(() => read(bomb));
    expect(error).toMatchObject({
      code: "import.archive_too_large",
      details: { reason: "size", limitMegabytes: 256 },
    });
    expect(await refusal(() => inspectXlsx(bomb))).toMatchObject({
      code: "import.archive_too_large",
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("refuses an entry packed more tightly than real sheets are, even under the size limit", async () => {
    const dense = workbook("dense.xlsx", { deflated: deflatedFill(64 * 1024 * 1024) });
    expect(await refusal(() => read(dense))).toMatchObject({
      code: "import.archive_too_large",
      details: { reason: "ratio" },
    });
  });

  it("stops an entry that inflates past the size it declares", async () => {
    const liar = workbook("liar.xlsx", {
      deflated: deflatedFill(300 * 1024 * 1024, 0x20),
      declaredSize: 100_000,
    });
    const started = Date.now();
    expect(await inspectXlsx(liar)).toEqual(["Data"]);
    expect(await refusal(() => read(liar))).toMatchObject({ code: "import.archive_too_large" });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("refuses an archive whose entries declare more than the limits allow", async () => {
    const rows = Array.from(
      { length: 2000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>P-${i}</t></is></c></row>`,
    ).join("");
    const file = workbook("plain.xlsx", { data: sheetXml(rows) });
    expect(await read(file)).toHaveLength(2000);
    expect(await refusal(() => read(file, { maxUncompressedBytes: 20_000 }))).toMatchObject({
      code: "import.archive_too_large",
      details: { reason: "size" },
    });
    expect(await refusal(() => read(file, { maxEntries: 3 }))).toMatchObject({
      details: { reason: "entries" },
    });
  });

  it("refuses too many rows and oversized text cells", async () => {
    const big = "x".repeat(3000);
    const file = workbook("cells.xlsx", {
      data: sheetXml(
        `<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>` +
          `<row r="2"><c r="A2" t="inlineStr"><is><t>b</t></is></c><c r="B2" t="inlineStr"><is><t>${big}</t></is></c></row>` +
          `<row r="3"><c r="A3"><v>1</v></c></row>`,
      ),
    });
    expect(await refusal(() => read(file, { maxCellBytes: 1000 }))).toMatchObject({
      code: "import.cell_too_large",
      details: { row: 2, column: 2 },
    });
    expect(await refusal(() => read(file, { maxRows: 2 }))).toMatchObject({
      code: "import.too_many_rows",
      details: { limit: 2 },
    });
  });

  it("refuses zips that are not workbooks, and files that are not zips", async () => {
    const word = path.join(dir, "letter.docx");
    fs.writeFileSync(word, writeZip([{ name: "word/document.xml", data: "<w:document/>" }]));
    expect(await refusal(() => inspectXlsx(word))).toMatchObject({
      code: "import.file_type_unsupported",
      details: { fileName: "letter.docx", actual: "word" },
    });
    const broken = path.join(dir, "broken.xlsx");
    fs.writeFileSync(broken, fs.readFileSync(twoSheets).subarray(0, 3000));
    expect(await refusal(() => read(broken, { fileName: "staff.xlsx" }))).toMatchObject({
      code: "import.file_corrupt",
      details: { fileName: "staff.xlsx", format: "xlsx" },
    });
  });

  it("reports progress adding up to the file size, and can stop early and read again", async () => {
    const size = fs.statSync(twoSheets).size;
    let total = 0;
    await read(twoSheets, { onBytes: (n) => (total += n) });
    expect(total).toBe(size);
    for await (const row of readXlsxRows(twoSheets, { sheet: null })) {
      expect(row.row).toBe(1);
      break;
    }
    expect(await read(twoSheets, { sheet: "Ranks" })).toHaveLength(3);
  });
});
