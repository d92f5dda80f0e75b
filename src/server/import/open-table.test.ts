import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { SourceRow } from "../../core/import/table";
import { makeTempDir, removeTempDirs } from "../../../test/temp";
import { openTable, type OpenTableOptions } from "./open-table";

const fixtures = fileURLToPath(new URL("../../../test/fixtures/import/", import.meta.url));
const fixture = (name: string) => path.join(fixtures, name);
const dir = makeTempDir("tandem-open-table-");
afterAll(() => removeTempDirs(dir));

const auto: OpenTableOptions = { encoding: "auto", delimiter: "auto", sheet: null };

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

describe("openTable", () => {
  it("opens a CSV file, settling its encoding and delimiter, and reads it as often as asked", async () => {
    const table = await openTable(fixture("windows-1251-ru.csv"), "staff.csv", auto);
    expect(table).toMatchObject({
      format: "csv",
      encoding: "windows-1251",
      delimiter: ";",
      sheets: [],
      sheet: null,
      sizeBytes: fs.statSync(fixture("windows-1251-ru.csv")).size,
    });
    const first = await collect(table.rows());
    expect(first[0]?.cells).toEqual([
      "Табельный номер",
      "Пол",
      "Звание",
      "Подразделение",
      "Дата приёма",
    ]);
    expect(await collect(table.rows())).toEqual(first);
  });

  it("uses the encoding and delimiter chosen, except where a byte-order mark decides", async () => {
    const chosen = await openTable(fixture("windows-1252-fr.csv"), "fr.csv", {
      ...auto,
      encoding: "windows-1258",
      delimiter: ",",
    });
    expect([chosen.encoding, chosen.delimiter]).toEqual(["windows-1258", ","]);
    const unicode = await openTable(fixture("utf16le-tab.txt"), "staff.txt", {
      ...auto,
      encoding: "windows-1252",
    });
    expect([unicode.encoding, unicode.delimiter]).toEqual(["utf-16le", "\t"]);
    expect((await collect(unicode.rows()))[1]?.cells).toEqual([
      "VN-001",
      "Nữ",
      "Đại úy",
      "Công an Quận Hoàn Kiếm",
    ]);
  });

  it("detects a legacy encoding whose first non-ASCII byte comes after a long ASCII head", async () => {
    const file = path.join(dir, "long-head.csv");
    const head = Array.from({ length: 3000 }, (_, i) => `P-${i};F;Sergeant;ST-12\r\n`).join("");
    expect(head.length).toBeGreaterThan(64 * 1024);
    const tail = fs.readFileSync(fixture("windows-1251-ru.csv"));
    fs.writeFileSync(file, Buffer.concat([Buffer.from(head, "latin1"), tail]));
    const table = await openTable(file, "long-head.csv", auto);
    expect(table.encoding).toBe("windows-1251");
    const rows = await collect(table.rows());
    expect(rows.at(-1)?.cells[2]).toBe("Капитан полиции");
  });

  it("opens a workbook by its content even when named .csv, and a CSV named .xlsx as CSV", async () => {
    const workbook = await openTable(fixture("two-sheets.xlsx"), "staff.csv", auto);
    expect(workbook).toMatchObject({
      format: "xlsx",
      encoding: null,
      delimiter: null,
      sheets: ["Personnel", "Ranks"],
      sheet: "Personnel",
    });
    const ranks = await openTable(fixture("two-sheets.xlsx"), "staff.xlsx", {
      ...auto,
      sheet: "Ranks",
    });
    expect((await collect(ranks.rows()))[1]?.cells).toEqual(["CPT", "Captain"]);
    const text = await openTable(fixture("quoted-newlines.csv"), "staff.xlsx", auto);
    expect([text.format, text.delimiter]).toEqual(["csv", ","]);
  });

  it("refuses files that are not tables, a missing sheet, and a zip bomb, before any row", async () => {
    expect(
      await refusal(() => openTable(fixture("report.pdf.csv"), "staff.csv", auto)),
    ).toMatchObject({
      code: "import.file_type_mismatch",
      details: { actual: "pdf" },
    });
    expect(await refusal(() => openTable(fixture("legacy.xls"), "staff.xls", auto))).toMatchObject({
      code: "import.file_type_unsupported",
      details: { actual: "xls" },
    });
    expect(
      await refusal(() =>
        openTable(fixture("two-sheets.xlsx"), "a.xlsx", { ...auto, sheet: "2023" }),
      ),
    ).toMatchObject({
      code: "import.sheet_not_found",
      details: { sheet: "2023", available: ["Personnel", "Ranks"] },
    });
    expect(
      await refusal(() =>
        openTable(fixture("two-sheets.xlsx"), "a.xlsx", { ...auto, maxUncompressedBytes: 1000 }),
      ),
    ).toMatchObject({ code: "import.archive_too_large" });
  });

  it("closes the file when a pass stops early, as the preview does", async () => {
    // Descriptors of this process open on `file` (other tests' files may open and close meanwhile).
    const openOn = (file: string) =>
      fs.readdirSync("/proc/self/fd").filter((fd) => {
        try {
          return fs.readlinkSync(`/proc/self/fd/${fd}`) === fs.realpathSync(file);
        } catch {
          return false;
        }
      }).length;
    const large = path.join(dir, "large.csv");
    fs.writeFileSync(large, "code,sex\n" + "P-1,F\n".repeat(200_000));
    for (const file of [large, fixture("two-sheets.xlsx")]) {
      const table = await openTable(file, path.basename(file), auto);
      for await (const row of table.rows()) {
        expect(row.row).toBe(1);
        expect(openOn(file)).toBeGreaterThan(0);
        break;
      }
      await expect.poll(() => openOn(file)).toBe(0);
    }
  });

  it("reports the bytes of each full pass, adding up to the file's size, unless a pass says otherwise", async () => {
    for (const name of ["windows-874-th.csv", "two-sheets.xlsx"]) {
      let total = 0;
      const table = await openTable(fixture(name), name, { ...auto, onBytes: (n) => (total += n) });
      await collect(table.rows({ onBytes: undefined }));
      expect(total).toBe(0);
      await collect(table.rows());
      expect(total).toBe(table.sizeBytes);
    }
  });
});
