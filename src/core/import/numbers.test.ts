import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { YearEra } from "../schemas/personnel-import";
import { SERVICE_NUMBER_MAX, parseBirthYear, parseServiceNumber } from "./numbers";
import type { SourceCell } from "./table";

const TODAY = "2024-06-15";
const year = (cell: SourceCell, era: YearEra = "gregorian") => {
  const result = parseBirthYear(cell, era, TODAY);
  return result.ok ? result.value : result.code;
};
const serviceNumber = (cell: SourceCell) => {
  const result = parseServiceNumber(cell);
  return result.ok ? result.value : result.code;
};

describe("parseBirthYear", () => {
  it.each<[SourceCell, YearEra, number]>([
    [1985, "gregorian", 1985],
    ["1985", "gregorian", 1985],
    [" 1985.0 ", "gregorian", 1985],
    ["๑๙๘๕", "gregorian", 1985],
    [2528, "buddhist", 1985],
    ["๒๕๒๘", "buddhist", 1985],
    ["1985-03-05", "gregorian", 1985],
    ["05/03/1985", "gregorian", 1985],
    ["03/25/1985", "gregorian", 1985],
    ["25/03/2528", "buddhist", 1985],
    [{ date: "1985-03-05" }, "gregorian", 1985],
    [{ date: "1985-03-05" }, "buddhist", 1985],
    [31_111, "gregorian", 1985],
    [1900, "gregorian", 1900],
    [2024, "gregorian", 2024],
  ])("reads %j (%s) as %d", (cell, era, expected) => {
    expect(year(cell, era)).toBe(expected);
  });

  it.each<[SourceCell, YearEra, string]>([
    [1899, "gregorian", "invalid_birth_year"],
    [2025, "gregorian", "invalid_birth_year"],
    ["1985.5", "gregorian", "invalid_birth_year"],
    ["nineteen", "gregorian", "invalid_birth_year"],
    [true, "gregorian", "invalid_birth_year"],
    ["2023-02-30", "gregorian", "invalid_birth_year"],
    ["85", "gregorian", "date_two_digit_year"],
    ["05/03/85", "gregorian", "date_two_digit_year"],
    [1985, "buddhist", "date_era_mismatch"],
    ["1985", "buddhist", "date_era_mismatch"],
    ["2528", "gregorian", "date_looks_buddhist"],
    ["05/03/2528", "gregorian", "date_looks_buddhist"],
    [null, "gregorian", "required"],
    ["  ", "gregorian", "required"],
    [{ formula: "YEAR(B2)" }, "gregorian", "formula_cell"],
  ])("refuses %j (%s) with %s", (cell, era, code) => {
    expect(year(cell, era)).toBe(code);
  });

  it("reads every year from 1900 to this year as number, text and text with .0, in both eras", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2024 }), (y) => {
        expect([year(y), year(String(y)), year(`${y}.0`)]).toEqual([y, y, y]);
        expect([year(y + 543, "buddhist"), year(String(y + 543), "buddhist")]).toEqual([y, y]);
      }),
    );
  });

  it("never returns a year outside 1900..today's year", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.double(), fc.string(), fc.stringMatching(/^\d{1,5}(\.\d)?$/)),
        fc.constantFrom<YearEra>("gregorian", "buddhist"),
        (cell, era) => {
          const result = parseBirthYear(cell, era, TODAY);
          if (result.ok) expect(result.value).toSatisfy((y: number) => y >= 1900 && y <= 2024);
        },
      ),
    );
  });
});

describe("parseServiceNumber", () => {
  it.each<[SourceCell, string]>([
    [" PN-00123 ", "PN-00123"],
    ["000123", "000123"],
    [123456, "123456"],
    [123456.0, "123456"],
    ["123456.0", "123456"],
    ["AB  12\t34", "AB 12 34"],
    ["๐๐๑๒๓", "00123"],
    ["0.0", "0.0"],
    ["x".repeat(SERVICE_NUMBER_MAX), "x".repeat(SERVICE_NUMBER_MAX)],
    ["12E4", "12E4"],
  ])("reads %j as %j", (cell, expected) => {
    expect(serviceNumber(cell)).toBe(expected);
  });

  it.each<[SourceCell, string]>([
    ["1.23E+11", "service_number_mangled"],
    ["1,23457E+11", "service_number_mangled"],
    ["4E-05", "service_number_mangled"],
    [1.5, "service_number_mangled"],
    [-12, "service_number_mangled"],
    [1234567890123456, "service_number_mangled"],
    [{ date: "2024-03-12" }, "service_number_mangled"],
    [null, "required"],
    ["   ", "required"],
    [{ formula: "A1" }, "formula_cell"],
    [true, "invalid_service_number"],
    ["AB\u000012", "invalid_service_number"],
    ["x".repeat(SERVICE_NUMBER_MAX + 1), "too_long"],
  ])("refuses %j with %s", (cell, code) => {
    expect(serviceNumber(cell)).toBe(code);
  });

  it("keeps digit strings exactly, leading zeros included, and writes integers without .0", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{1,20}$/),
        fc.nat({ max: 999_999_999_999_999 }),
        (text, n) => {
          expect(serviceNumber(text)).toBe(text);
          expect(serviceNumber(n)).toBe(String(n));
        },
      ),
    );
  });
});
