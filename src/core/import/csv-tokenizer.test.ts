import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvTokenizer, exceedsUtf8Bytes, type CsvLimits, type CsvRecord } from "./csv-tokenizer";

const roomy: CsvLimits = { maxCellBytes: 1 << 20, maxRowBytes: 1 << 22, maxFields: 16_384 };

function tokenize(text: string, cuts: readonly number[] = [], limits = roomy): CsvRecord[] {
  const tokenizer = new CsvTokenizer(",", limits);
  const out: CsvRecord[] = [];
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const point of [...points, text.length]) {
    tokenizer.push(text.slice(from, point), out);
    from = point;
  }
  tokenizer.end(out);
  return out;
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("no error");
}

describe("CsvTokenizer", () => {
  it("reads quoted fields, doubled quotes, any line ends and blank lines, with start lines", () => {
    const text = 'a,"b,c","say ""hi"""\r\n\r\n"x\r\ny",z\rlast,\n';
    expect(tokenize(text)).toEqual([
      { line: 1, fields: ["a", "b,c", 'say "hi"'] },
      { line: 2, fields: [""] },
      { line: 3, fields: ["x\r\ny", "z"] },
      { line: 5, fields: ["last", ""] },
    ]);
  });

  it("keeps stray quotes as text, as people type them", () => {
    expect(tokenize('5\'10",a"b\n"q"x,"r" s\n').map((record) => record.fields)).toEqual([
      ["5'10\"", 'a"b'],
      ['"q"x', '"r" s'],
    ]);
  });

  it("drops a byte-order mark and reads a last line without a line end", () => {
    expect(tokenize("\uFEFFa,b\nc,d")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["c", "d"] },
    ]);
    expect(tokenize("")).toEqual([]);
    expect(tokenize('"closed at the end"')).toEqual([{ line: 1, fields: ["closed at the end"] }]);
  });

  it("agrees with csv-parse on well-formed CSV, in any chunks (property)", () => {
    const plain = fc.stringMatching(/^[a-zA-Zé0-9 ]{0,5}$/);
    const quoted = fc
      .stringMatching(/^[a-z,"\r\n ]{0,6}$/)
      .map((text) => `"${text.replace(/"/g, '""')}"`);
    const record = fc.array(fc.oneof(plain, quoted), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 10 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.array(fc.nat(), { maxLength: 6 }),
        (records, newline, cuts) => {
          const text = records.map((fields) => fields.join(",")).join(newline) + newline;
          const expected: string[][] = parse(text, {
            relax_column_count: true,
            relax_quotes: true,
            record_delimiter: ["\r\n", "\n", "\r"],
          });
          const read = tokenize(text, cuts);
          expect(read.map((r) => r.fields)).toEqual(expected);
          const lineEnds = (fields: readonly string[]) =>
            fields.reduce((sum, field) => sum + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
          read.forEach((r, i) => {
            const previous = read[i - 1];
            if (previous) expect(r.line).toBe(previous.line + 1 + lineEnds(previous.fields));
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuses a quoted value still open at the end, at the line where it starts", () => {
    expect(thrown(() => tokenize('a,b\n"c\nd,e\n', [5]))).toMatchObject({
      code: "import.truncated",
      details: { row: 2 },
    });
  });

  it("refuses an oversized cell or row as soon as it grows past the limit", () => {
    const limits: CsvLimits = { maxCellBytes: 8, maxRowBytes: 20, maxFields: 4 };
    expect(thrown(() => tokenize("a\nok,123456789\n", [], limits))).toMatchObject({
      code: "import.cell_too_large",
      details: { row: 2, column: 2 },
    });
    expect(thrown(() => tokenize("a\n\nééééé\n", [], limits))).toMatchObject({
      code: "import.cell_too_large",
      details: { row: 3, column: 1 },
    });
    expect(thrown(() => tokenize("12345678,12345678,12345678\n", [], limits))).toMatchObject({
      code: "import.row_too_large",
      details: { row: 1 },
    });
    expect(thrown(() => tokenize("a,b,c,d,e\n", [], limits))).toMatchObject({
      code: "import.row_too_large",
      details: { row: 1, limitColumns: 4 },
    });
  });
});

describe("exceedsUtf8Bytes", () => {
  it("counts UTF-8 bytes, not characters", () => {
    expect(exceedsUtf8Bytes("abcd", 4)).toBe(false);
    expect(exceedsUtf8Bytes("éé", 4)).toBe(false);
    expect(exceedsUtf8Bytes("ééa", 4)).toBe(true);
    expect(exceedsUtf8Bytes("ก", 2)).toBe(true);
    expect(exceedsUtf8Bytes("😀", 3)).toBe(true);
    expect(exceedsUtf8Bytes("😀", 4)).toBe(false);
  });
});
