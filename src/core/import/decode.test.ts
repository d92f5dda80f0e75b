import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { createDecoder, detectEncoding, resolveEncoding, supportedEncodings } from "./decode";

const fixture = (name: string) =>
  new Uint8Array(
    fs.readFileSync(new URL(`../../../test/fixtures/import/${name}`, import.meta.url)),
  );
/** Any Unicode scalar value (fast-check's "binary" unit is slow to generate). */
const codePoint = fc
  .integer({ min: 1, max: 0x10ffff })
  .filter((code) => code < 0xd800 || code > 0xdfff)
  .map((code) => String.fromCodePoint(code));
const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16 = (text: string, order: "le" | "be") => {
  const bytes = Buffer.from(text, "utf16le");
  return new Uint8Array(order === "le" ? bytes : bytes.swap16());
};

describe("detectEncoding", () => {
  it("trusts a byte-order mark", () => {
    expect(detectEncoding(fixture("utf8-bom-km.csv"))).toEqual({
      encoding: "utf-8",
      confidence: "bom",
    });
    expect(detectEncoding(fixture("utf16le-tab.txt"))).toEqual({
      encoding: "utf-16le",
      confidence: "bom",
    });
    expect(detectEncoding(Uint8Array.of(0xfe, 0xff, 0, 0x41))).toEqual({
      encoding: "utf-16be",
      confidence: "bom",
    });
  });

  it("recognises UTF-16 without a byte-order mark by its NUL bytes, in Latin and Thai text", () => {
    const thai = "รหัส,เพศ,ยศ\r\nTH-1,หญิง,ร้อยตำรวจโท\r\n";
    expect(detectEncoding(utf16("service_number\tsex\r\nP-1\tF\r\n", "le")).encoding).toBe(
      "utf-16le",
    );
    expect(detectEncoding(utf16(thai, "le"))).toEqual({
      encoding: "utf-16le",
      confidence: "detected",
    });
    expect(detectEncoding(utf16(thai, "be"))).toEqual({
      encoding: "utf-16be",
      confidence: "detected",
    });
  });

  it("calls pure ASCII ascii and valid UTF-8 valid-utf8, even when the sample ends mid-character", () => {
    expect(detectEncoding(utf8("code,name\nA,b\n"))).toEqual({
      encoding: "utf-8",
      confidence: "ascii",
    });
    const russian = utf8("Пол;Звание\nЖ;Лейтенант");
    expect(detectEncoding(russian)).toEqual({ encoding: "utf-8", confidence: "valid-utf8" });
    expect(detectEncoding(russian.subarray(0, russian.length - 1)).encoding).toBe("utf-8");
    const thai = utf8("เพศ,หญิง");
    expect(detectEncoding(thai.subarray(0, thai.length - 2)).confidence).toBe("valid-utf8");
  });

  it.each([
    ["windows-1251-ru.csv", "windows-1251"],
    ["windows-874-th.csv", "windows-874"],
    ["windows-1252-fr.csv", "windows-1252"],
    ["windows-1258-vi.csv", "windows-1258"],
  ])("detects the code page of %s", (file, encoding) => {
    expect(detectEncoding(fixture(file))).toEqual({ encoding, confidence: "detected" });
  });

  it("tells the code pages apart on single lines of names, not only on whole files", () => {
    const encode = (encoding: string, text: string) => {
      const decoder = new TextDecoder(encoding);
      const table = new Map(
        Array.from({ length: 256 }, (_, byte) => [decoder.decode(Uint8Array.of(byte)), byte]),
      );
      return Uint8Array.from([...text], (char) => table.get(char) ?? 0x3f);
    };
    expect(detectEncoding(encode("windows-1251", "Иванова Мария Петровна")).encoding).toBe(
      "windows-1251",
    );
    expect(detectEncoding(encode("windows-874", "สมศรี ใจดี")).encoding).toBe("windows-874");
    expect(
      detectEncoding(encode("windows-1252", "Hélène Dubois, Brigade de Sûreté")).encoding,
    ).toBe("windows-1252");
  });

  it("reads any UTF-8 text, cut at any byte, as UTF-8 (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: codePoint, minLength: 1 }).filter((text) => !text.includes("\0")),
        fc.nat(),
        (text, cut) => {
          const bytes = utf8(text);
          const sample = bytes.subarray(0, 1 + (cut % bytes.length));
          expect(detectEncoding(sample).encoding).toBe("utf-8");
        },
      ),
    );
  });
});

describe("resolveEncoding", () => {
  it("accepts the usual labels of the supported encodings", () => {
    expect(resolveEncoding("UTF8")).toBe("utf-8");
    expect(resolveEncoding("cp1251")).toBe("windows-1251");
    expect(resolveEncoding("latin1")).toBe("windows-1252");
    expect(resolveEncoding("TIS-620")).toBe("windows-874");
  });

  it("refuses unknown and unsupported encodings with import.encoding_unsupported", () => {
    for (const label of ["ebcdic", "shift_jis"]) {
      const error = (() => {
        try {
          resolveEncoding(label);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        code: "import.encoding_unsupported",
        details: { encoding: label, supported: [...supportedEncodings] },
      });
    }
  });
});

describe("createDecoder", () => {
  const decodeInChunks = (encoding: string, bytes: Uint8Array, cuts: readonly number[]) => {
    const decoder = createDecoder(encoding);
    const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
    let [text, from] = ["", 0];
    for (const point of [...points, bytes.length]) {
      text += decoder.decode(bytes.subarray(from, point));
      from = point;
    }
    return text + decoder.end();
  };

  it("gives the same text whatever the chunks, for UTF-8 and UTF-16 (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: codePoint }), fc.array(fc.nat()), (text, cuts) => {
        expect(decodeInChunks("utf-8", utf8(text), cuts)).toBe(text);
        expect(decodeInChunks("utf-16le", utf16(text, "le"), cuts)).toBe(text);
        expect(decodeInChunks("utf-16be", utf16(text, "be"), cuts)).toBe(text);
      }),
    );
  });

  it("drops the byte-order mark", () => {
    expect(decodeInChunks("utf-8", fixture("utf8-bom-km.csv"), [1, 2])).toMatch(/^service_number,/);
    expect(decodeInChunks("utf-16le", fixture("utf16le-tab.txt"), [1])).toMatch(/^Mã số\t/);
  });

  it("decodes the legacy code pages, marking bytes they leave undefined with U+FFFD", () => {
    expect(decodeInChunks("windows-1251", fixture("windows-1251-ru.csv"), [7, 100])).toMatch(
      /^Табельный номер;Пол;Звание/,
    );
    expect(
      decodeInChunks("windows-1258", fixture("windows-1258-vi.csv"), []).normalize("NFC"),
    ).toMatch(/^Mã số,Giới tính,Cấp bậc,Đơn vị\r\nVN-001,Nữ,Đại úy/);
    expect(createDecoder("windows-874").decode(Uint8Array.of(0x41, 0xdb, 0xa1))).toBe("A\uFFFDก");
    expect(createDecoder("windows-1252").decode(Uint8Array.of(0x81, 0xe9))).toBe("\uFFFDé");
  });

  it("marks invalid UTF-8 with U+FFFD rather than failing", () => {
    expect(createDecoder("utf-8").decode(Uint8Array.of(0x41, 0xff, 0x42))).toBe("A\uFFFDB");
  });
});
