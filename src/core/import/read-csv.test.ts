import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { readCsv } from "./read-csv";

const layout = { required: ["code", "name"], optional: ["note"] } as const;
const bytes = (text: string) => new TextEncoder().encode(text);

describe("readCsv", () => {
  it("reads UTF-8 with and without a byte-order mark, any column order and case, trimmed", () => {
    const plain = readCsv(bytes('Name,CODE\n"Phnom Penh, central", PP \n'), layout);
    const withBom = readCsv(
      new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("name,code\nភ្នំពេញ,PP\n")]),
      layout,
    );
    expect(plain).toEqual({
      records: [{ row: 2, values: { code: "PP", name: "Phnom Penh, central", note: "" } }],
      errors: [],
    });
    expect(withBom.records).toEqual([{ row: 2, values: { code: "PP", name: "ភ្នំពេញ", note: "" } }]);
  });

  it("numbers rows as lines of the file, skipping blank lines", () => {
    const { records } = readCsv(bytes("code,name\r\nA,a\r\n\r\nB,b\r\n"), layout);
    expect(records.map((r) => [r.row, r.values.code])).toEqual([
      [2, "A"],
      [4, "B"],
    ]);
  });

  it("reports header problems as row-1 errors", () => {
    expect(readCsv(bytes("code,colour,code\nA,red,A\n"), layout).errors).toEqual([
      {
        row: 1,
        column: "name",
        value: null,
        code: "missing_column",
        messageKey: "import.errors.missing_column",
      },
      {
        row: 1,
        column: "colour",
        value: "colour",
        code: "unknown_column",
        messageKey: "import.errors.unknown_column",
      },
      {
        row: 1,
        column: "code",
        value: "code",
        code: "duplicate_column",
        messageKey: "import.errors.duplicate_column",
      },
    ]);
  });

  it("reports malformed quoting, extra fields and an empty file", () => {
    expect(readCsv(bytes('code,name\nA,"open\n'), layout).errors.map((e) => e.code)).toEqual([
      "malformed",
    ]);
    expect(readCsv(bytes("code,name\nA,a,extra\n"), layout).errors).toEqual([
      {
        row: 2,
        column: null,
        value: null,
        code: "too_many_fields",
        messageKey: "import.errors.too_many_fields",
      },
    ]);
    expect(readCsv(bytes(""), layout).errors.map((e) => e.code)).toEqual(["empty_file"]);
  });

  it("refuses a file that is not UTF-8", () => {
    const latin1 = new Uint8Array([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xe9, 0x0a]);
    expect(() => readCsv(latin1, layout)).toThrow(AppError);
    expect(() => readCsv(latin1, layout)).toThrow("import.encoding_unsupported");
  });
});
