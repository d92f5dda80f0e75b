import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import type { CsvDelimiter, FileEncoding } from "../schemas/personnel-import";
import { detectDelimiter, readCsvRows, type CsvReadOptions } from "./csv-rows";
import type { SourceRow } from "./table";

const fixture = (name: string) =>
  new Uint8Array(
    fs.readFileSync(new URL(`../../../test/fixtures/import/${name}`, import.meta.url)),
  );
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Chunks arriving one by one, as a file stream delivers them. */
async function* stream(chunks: Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield await Promise.resolve(chunk);
}

/** `bytes` as a stream of chunks of `size` bytes. */
function chunked(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  return stream(
    Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
      bytes.subarray(i * size, (i + 1) * size),
    ),
  );
}

const auto: CsvReadOptions = { encoding: "auto", delimiter: "auto" };

async function collect(rows: AsyncIterable<SourceRow>): Promise<SourceRow[]> {
  const list: SourceRow[] = [];
  for await (const row of rows) list.push(row);
  return list;
}

async function failure(
  rows: AsyncIterable<SourceRow>,
): Promise<{ error: unknown; read: SourceRow[] }> {
  const read: SourceRow[] = [];
  try {
    for await (const row of rows) read.push(row);
  } catch (error) {
    return { error, read };
  }
  throw new Error("no error");
}

describe("detectDelimiter", () => {
  it.each<[string, string]>([
    ["a,b,c\n1,2,3\n4,5,6\n", ","],
    ["Name;Height;Sex\nA;1,75;F\nB;1,8;M\nC;1,62;F\n", ";"],
    ["a\tb\tc\n1\t2,5\t3\n", "\t"],
    ["a|b|c\n1|2|3\n", "|"],
    ['name;address\n"Dupont, Jean";"1, rue de la Paix"\n"Roy, Ana";"2, quai"\n', ";"],
    ['a,b\n"x\ny;z;w",1\n', ","],
    ["Personnel list; Province 3\n\ncode,sex,rank\nP1,F,Capt\nP2,M,Lt\nP3,F,Maj\n", ","],
    ["just one column\nvalue\nanother\n", ","],
    ["", ","],
  ])("reads %j as %j", (sample, delimiter) => {
    expect(detectDelimiter(sample)).toBe(delimiter);
  });
});

describe("readCsvRows", () => {
  it.each<[string, string, string, string[][]]>([
    [
      "utf8-bom-km.csv",
      "utf-8",
      ",",
      [
        ["service_number", "sex", "unit", "note"],
        ["KH-0001", "ស្រី", "ស្នងការដ្ឋាននគរបាលខេត្តកណ្ដាល", ""],
      ],
    ],
    [
      "utf16le-tab.txt",
      "utf-16le",
      "\t",
      [
        ["Mã số", "Giới tính", "Cấp bậc", "Đơn vị"],
        ["VN-001", "Nữ", "Đại úy", "Công an Quận Hoàn Kiếm"],
      ],
    ],
    [
      "windows-1251-ru.csv",
      "windows-1251",
      ";",
      [
        ["Табельный номер", "Пол", "Звание", "Подразделение", "Дата приёма"],
        ["Р-0001", "Ж", "Лейтенант полиции", "Отдел полиции № 3", "01.02.2015"],
      ],
    ],
    [
      "windows-874-th.csv",
      "windows-874",
      ",",
      [
        ["รหัสประจำตัว", "เพศ", "ยศ", "หน่วยงาน", "วันที่บรรจุ"],
        ["TH-0001", "หญิง", "ร้อยตำรวจโท", "สถานีตำรวจภูธรเมืองเชียงใหม่", "15/03/2562"],
      ],
    ],
    [
      "windows-1252-fr.csv",
      "windows-1252",
      ";",
      [
        ["Matricule", "Sexe", "Grade", "Unité", "Taille (m)"],
        ["FR-001", "Féminin", "Capitaine", "Brigade de sécurité routière", "1,68"],
      ],
    ],
  ])("reads %s as %s with %j", async (file, encoding, delimiter, firstRows) => {
    const csv = readCsvRows(chunked(fixture(file)), auto);
    expect(await csv.info).toEqual({ encoding, delimiter });
    const rows = await collect(csv.rows);
    expect(rows.slice(0, 2)).toEqual(firstRows.map((cells, i) => ({ row: i + 1, cells })));
  });

  it("numbers rows by the physical line a record starts on, skipping blank records", async () => {
    const rows = await collect(readCsvRows(chunked(fixture("quoted-newlines.csv"), 5), auto).rows);
    expect(rows).toEqual([
      { row: 1, cells: ["service_number", "sex", "address", "remark"] },
      { row: 2, cells: ["P-1", "F", "12 Rue Pasteur\r\nPhnom Penh", 'She said "yes"'] },
      { row: 5, cells: ["P-2", "M", "Line one\nLine two\nLine three", "5'10\" tall"] },
      { row: 9, cells: ["P-3", "F", "Kandal", ""] },
    ]);
  });

  it("gives the same rows whatever the chunks and line ends (property)", async () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-zé ]{0,6}$/),
      fc.stringMatching(/^[a-z,;"\r\n]{0,6}$/).map((text) => `"${text.replace(/"/g, '""')}"`),
    );
    const record = fc.array(field, { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 8 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.integer({ min: 1, max: 9 }),
        async (records, newline, size) => {
          const bytes = utf8(records.map((cells) => cells.join(",")).join(newline) + newline);
          const options = { encoding: "utf-8", delimiter: "," } as const;
          const whole = await collect(readCsvRows(chunked(bytes, bytes.length), options).rows);
          const pieces = await collect(readCsvRows(chunked(bytes, size), options).rows);
          expect(pieces).toEqual(whole);
          expect(whole.every(({ row }, i) => i === 0 || row > (whole[i - 1]?.row ?? 0))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("shows mixed delimiters as rows with another field count", async () => {
    const rows = await collect(readCsvRows(chunked(fixture("mixed-delimiters.csv")), auto).rows);
    expect(rows.map(({ row, cells }) => [row, cells.length])).toEqual([
      [1, 3],
      [2, 3],
      [3, 1],
      [4, 3],
    ]);
  });

  it("refuses a file that ends inside a quoted value, after the rows before it", async () => {
    const { error, read } = await failure(
      readCsvRows(chunked(fixture("truncated.csv")), auto).rows,
    );
    expect(read.map(({ row }) => row)).toEqual([1, 2]);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "import.truncated", details: { row: 3 } });
  });

  it("delivers the rows before an oversized cell, then refuses it", async () => {
    const text = "a,b\n1,2\n3," + "x".repeat(2000) + "\n";
    const { error, read } = await failure(
      readCsvRows(chunked(utf8(text), text.length), { ...auto, maxCellBytes: 1000 }).rows,
    );
    expect(read.map(({ row }) => row)).toEqual([1, 2]);
    expect(error).toMatchObject({ code: "import.cell_too_large", details: { row: 3, column: 2 } });
  });

  it("refuses a 10 MB cell without reading it all", async () => {
    let produced = 0;
    function* file(): Generator<Uint8Array> {
      yield utf8('service_number,remark\nP-1,"');
      const block = utf8("x".repeat(64 * 1024));
      for (; produced < 10 * 1024 * 1024; produced += block.length) yield block;
      yield utf8('"\n');
    }
    const { error } = await failure(readCsvRows(stream(file()), auto).rows);
    expect(error).toMatchObject({
      code: "import.cell_too_large",
      details: { row: 2, column: 2, limitMegabytes: 1 },
    });
    expect(produced).toBeLessThan(2 * 1024 * 1024);
  });

  it("streams a million empty rows quickly and counts none of them", async () => {
    function* file(): Generator<Uint8Array> {
      yield utf8("service_number,sex,rank,unit,date\n");
      const block = utf8(",,,,\n".repeat(10_000));
      for (let i = 0; i < 100; i++) yield block;
      yield utf8("P-1,F,Capt,U1,2024-01-01\n");
    }
    const started = Date.now();
    const rows = await collect(readCsvRows(stream(file()), { ...auto, maxRows: 10 }).rows);
    expect(rows.map(({ row }) => row)).toEqual([1, 1_000_002]);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("streams: memory does not grow with the file (200,000 rows, generated)", async () => {
    let chunksMade = 0;
    function* file(): Generator<Uint8Array> {
      yield utf8("service_number;sex;rank\n");
      for (let block = 0; block < 200; block++) {
        chunksMade++;
        let text = "";
        for (let i = 0; i < 1000; i++)
          text += `P-${block * 1000 + i};${i % 2 ? "F" : "M"};Sergeant\n`;
        yield utf8(text);
      }
    }
    let [count, last, chunksAtFirstRow] = [0, 0, -1];
    for await (const { row } of readCsvRows(stream(file()), auto).rows) {
      if (count === 0) chunksAtFirstRow = chunksMade;
      [count, last] = [count + 1, row];
    }
    expect([count, last]).toEqual([200_001, 200_001]);
    expect(chunksAtFirstRow).toBeLessThanOrEqual(4);
  });

  it("refuses more than maxRows non-blank rows", async () => {
    const bytes = utf8("a,b\n1,2\n\n,\n3,4\n5,6\n");
    const options = { ...auto, maxRows: 3 };
    expect(
      await collect(readCsvRows(chunked(utf8("a,b\n1,2\n\n,\n3,4\n")), options).rows),
    ).toHaveLength(3);
    const { error } = await failure(readCsvRows(chunked(bytes), options).rows);
    expect(error).toMatchObject({ code: "import.too_many_rows", details: { limit: 3 } });
  });

  it("refuses bytes that are not valid in the chosen encoding, naming the row", async () => {
    const options = { encoding: "utf-8" as FileEncoding, delimiter: "auto" as CsvDelimiter };
    const { error, read } = await failure(
      readCsvRows(chunked(fixture("windows-1251-ru.csv")), options).rows,
    );
    expect(read).toEqual([]);
    expect(error).toMatchObject({
      code: "import.encoding_invalid",
      details: { row: 1, column: 1, encoding: "utf-8" },
    });
  });

  it("lets a byte-order mark override the chosen encoding", async () => {
    const csv = readCsvRows(chunked(fixture("utf16le-tab.txt")), {
      encoding: "windows-1252",
      delimiter: "auto",
    });
    expect(await csv.info).toEqual({ encoding: "utf-16le", delimiter: "\t" });
  });

  it("reports every byte read, and reads an empty file as no rows", async () => {
    const bytes = fixture("windows-874-th.csv");
    let total = 0;
    await collect(readCsvRows(chunked(bytes, 10), { ...auto, onBytes: (n) => (total += n) }).rows);
    expect(total).toBe(bytes.length);
    expect(await collect(readCsvRows(chunked(new Uint8Array()), auto).rows)).toEqual([]);
  });
});
