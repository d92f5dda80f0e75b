import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldLatinDiacritics, normaliseKey, toAsciiDigits } from "./text-keys";
import { ERROR_VALUE_MAX, errorValue, isBlankCell } from "./values";

describe("normaliseKey", () => {
  it("composes, drops invisible characters, collapses whitespace and folds case", () => {
    expect(normaliseKey("  Nu\u031B\u0303  ")).toBe("nữ");
    expect(normaliseKey("ថ្ងៃ\u200Bកំណើត")).toBe("ថ្ងៃកំណើត");
    expect(normaliseKey("Central\u00A0\t Station")).toBe("central station");
    expect(normaliseKey("ЖЕН")).toBe("жен");
  });
});

describe("foldLatinDiacritics", () => {
  it("folds Latin letters only, keeping Cyrillic, Thai and Khmer marks", () => {
    expect(foldLatinDiacritics("Đơn vị Nữ")).toBe("Don vi Nu");
    expect(foldLatinDiacritics("мужской")).toBe("мужской");
    expect(foldLatinDiacritics("หญิง")).toBe("หญิง");
    expect(foldLatinDiacritics("ស្រី")).toBe("ស្រី");
  });
});

describe("toAsciiDigits", () => {
  it("reads Thai, Khmer, Lao, Myanmar, Arabic-Indic and full-width digits", () => {
    expect(toAsciiDigits("๐๑๒๓๔๕๖๗๘๙")).toBe("0123456789");
    expect(toAsciiDigits("០១២៣៤៥៦៧៨៩")).toBe("0123456789");
    expect(toAsciiDigits("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹")).toBe("0123456789 0123456789");
    expect(toAsciiDigits("໐໙ ၀၉ ０９")).toBe("09 09 09");
    expect(toAsciiDigits("AB-12")).toBe("AB-12");
  });
});

describe("isBlankCell and errorValue", () => {
  it("calls a string blank exactly when trimming empties it", () => {
    const whitespace = fc.constantFrom(
      " ",
      "\t",
      "\n",
      "\u00A0",
      "\u1680",
      "\u2003",
      "\u3000",
      "\uFEFF",
      "x",
      "ก",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(whitespace).map((parts) => parts.join("")),
        ),
        (text) => {
          expect(isBlankCell(text)).toBe(text.trim() === "");
        },
      ),
    );
    expect([isBlankCell(null), isBlankCell(undefined), isBlankCell(0), isBlankCell(false)]).toEqual(
      [true, true, false, false],
    );
  });

  it("shows a cell trimmed, null when blank, and at most ERROR_VALUE_MAX characters plus an ellipsis", () => {
    expect(errorValue("  x ")).toBe("x");
    expect(errorValue(" ")).toBeNull();
    expect(errorValue(undefined)).toBeNull();
    expect(errorValue({ formula: "SUM(A1:A3)" })).toBe("=SUM(A1:A3)");
    expect(errorValue("y".repeat(ERROR_VALUE_MAX + 1))).toBe(`${"y".repeat(ERROR_VALUE_MAX)}…`);
  });
});
