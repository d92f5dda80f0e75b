import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EXCEL_SERIAL_MAX,
  detectDateFormat,
  parseDateCell,
  resolveDateFormat,
  type DateOrder,
  type DateReadOptions,
} from "./dates";
import type { SourceCell } from "./table";
import { isIsoDate } from "./values";

const dmy: DateReadOptions = { format: "dmy", era: "gregorian" };
const mdy: DateReadOptions = { format: "mdy", era: "gregorian" };
const iso: DateReadOptions = { format: "iso", era: "gregorian" };
const thai: DateReadOptions = { format: "dmy", era: "buddhist" };

const read = (cell: SourceCell, options = dmy) => {
  const result = parseDateCell(cell, options);
  return result.ok ? result.date : result.code;
};

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";
const toThaiDigits = (text: string) => text.replace(/\d/g, (d) => THAI_DIGITS[Number(d)] ?? d);

/** Any real calendar date between 1000 and 2399 (the Gregorian years the reader accepts). */
const calendarDate = fc
  .date({
    min: new Date(Date.UTC(1000, 0, 1)),
    max: new Date(Date.UTC(2399, 11, 31)),
    noInvalidDate: true,
  })
  .map((d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));
const isoOf = (d: { year: number; month: number; day: number }) =>
  `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;

describe("parseDateCell: text", () => {
  it.each<[string, DateReadOptions, string]>([
    ["2024-03-05", iso, "2024-03-05"],
    ["2024-03-05", dmy, "2024-03-05"],
    ["2024-03-05", mdy, "2024-03-05"],
    ["2024/3/5", iso, "2024-03-05"],
    ["2024.03.05", iso, "2024-03-05"],
    ["2024-03-05T00:00:00", iso, "2024-03-05"],
    ["2024-03-05 13:45", iso, "2024-03-05"],
    ["05/03/2024", dmy, "2024-03-05"],
    ["5.3.2024", dmy, "2024-03-05"],
    ["5-3-2024", dmy, "2024-03-05"],
    ["05/03/2024", mdy, "2024-05-03"],
    ["3/5/2024 12:00:00 AM", mdy, "2024-03-05"],
    ["  31/12/1999 ", dmy, "1999-12-31"],
    ["29/02/2024", dmy, "2024-02-29"],
    ["20240305", iso, "2024-03-05"],
    ["5 Mar 2024", iso, "2024-03-05"],
    ["05-MAR-2024", mdy, "2024-03-05"],
    ["5 March 2024", iso, "2024-03-05"],
    ["March 5, 2024", iso, "2024-03-05"],
    ["Sept 30 2020", iso, "2020-09-30"],
  ])("reads %j (%o) as %s", (text, options, expected) => {
    expect(read(text, options)).toBe(expected);
  });

  it.each<[string, DateReadOptions, string]>([
    ["2023-02-30", iso, "invalid_date"],
    ["2023-13-01", iso, "invalid_date"],
    ["31/04/2024", dmy, "invalid_date"],
    ["29/02/2023", dmy, "invalid_date"],
    ["yesterday", dmy, "invalid_date"],
    ["5/3/20245", dmy, "invalid_date"],
    ["5/3-2024", dmy, "invalid_date"],
    ["0999-01-01", iso, "invalid_date"],
    ["5 Mars 2024", iso, "invalid_date"],
    ["", dmy, "required"],
    ["   ", dmy, "required"],
    ["05/03/24", dmy, "date_two_digit_year"],
    ["05-MAR-24", dmy, "date_two_digit_year"],
    ["05/03/2024", iso, "date_ambiguous"],
    ["25/03/2024", iso, "date_ambiguous"],
    ["03/25/2024", dmy, "date_order_mismatch"],
    ["25/03/2024", mdy, "date_order_mismatch"],
    ["1985", dmy, "date_year_only"],
    ["2567", thai, "date_year_only"],
  ])("refuses %j (%o) with %s", (text, options, code) => {
    expect(read(text, options)).toBe(code);
  });

  it("reads Thai, Khmer and Arabic-Indic digits", () => {
    expect(read("๐๕/๐๓/๒๕๖๗", thai)).toBe("2024-03-05");
    expect(read("០៥/០៣/២០២៤", dmy)).toBe("2024-03-05");
    expect(read("٢٠٢٤-٠٣-٠٥", iso)).toBe("2024-03-05");
  });

  it("reads Thai month names, abbreviated or not, in Buddhist Era", () => {
    expect(read("5 มี.ค. 2567", thai)).toBe("2024-03-05");
    expect(read("๕ มีนาคม ๒๕๖๗", thai)).toBe("2024-03-05");
    expect(read("31 ธ.ค. 2566", thai)).toBe("2023-12-31");
  });
});

describe("parseDateCell: Buddhist Era", () => {
  it("subtracts 543 from text years under era buddhist, whatever the shape", () => {
    expect(read("05/03/2567", thai)).toBe("2024-03-05");
    expect(read("2567-03-05", thai)).toBe("2024-03-05");
    expect(read("25670305", thai)).toBe("2024-03-05");
  });

  it("checks the calendar in the Gregorian year (2567 BE = 2024, a leap year)", () => {
    expect(read("29/02/2567", thai)).toBe("2024-02-29");
    expect(read("29/02/2566", thai)).toBe("invalid_date");
  });

  it("refuses a Gregorian year typed under era buddhist, and a BE year under gregorian", () => {
    expect(read("05/03/2024", thai)).toBe("date_era_mismatch");
    expect(read("2024-03-05", thai)).toBe("date_era_mismatch");
    expect(read("05/03/2567", dmy)).toBe("date_looks_buddhist");
    expect(read("2567-03-05", iso)).toBe("date_looks_buddhist");
  });

  it("takes date cells and serials as the real dates they hold, unless their year is BE", () => {
    expect(read({ date: "2024-03-05" }, thai)).toBe("2024-03-05");
    expect(read(45356, thai)).toBe("2024-03-05");
    expect(read({ date: "2567-03-05" }, thai)).toBe("2024-03-05");
    expect(read({ date: "2567-03-05" }, dmy)).toBe("date_looks_buddhist");
  });
});

describe("parseDateCell: spreadsheet cells", () => {
  it("reads date cells, Excel serials as numbers or text, and their time fractions", () => {
    expect(read({ date: "2024-03-05" })).toBe("2024-03-05");
    expect(read({ date: "2024-03-05T00:00:00.000Z" })).toBe("2024-03-05");
    expect(read(45292)).toBe("2024-01-01");
    expect(read(45356)).toBe("2024-03-05");
    expect(read("45356")).toBe("2024-03-05");
    expect(read(45356.75)).toBe("2024-03-05");
    expect(read(EXCEL_SERIAL_MAX)).toBe("date_looks_buddhist");
    expect(read(EXCEL_SERIAL_MAX, thai)).toBe("9456-12-31");
  });

  it("handles Excel's phantom 29 February 1900 (serial 60)", () => {
    expect(read(1)).toBe("1900-01-01");
    expect(read(59)).toBe("1900-02-28");
    expect(read(60)).toBe("invalid_date");
    expect(read(61)).toBe("1900-03-01");
  });

  it("refuses numbers outside the serial range, bare years, booleans, formulas and bad date cells", () => {
    expect(read(0)).toBe("invalid_date");
    expect(read(-5)).toBe("invalid_date");
    expect(read(EXCEL_SERIAL_MAX + 1)).toBe("invalid_date");
    expect(read(Number.NaN)).toBe("invalid_date");
    expect(read(1985)).toBe("date_year_only");
    expect(read(true)).toBe("invalid_date");
    expect(read({ formula: "TODAY()" })).toBe("formula_cell");
    expect(read({ date: "not a date" })).toBe("invalid_date");
    expect(read(null)).toBe("required");
  });
});

describe("parseDateCell: properties", () => {
  const separators = fc.constantFrom("/", ".", "-");

  it("reads back every calendar date written in any supported order and separator", () => {
    fc.assert(
      fc.property(calendarDate, separators, fc.boolean(), (d, sep, isPadded) => {
        const [day, month] = isPadded
          ? [pad(d.day), pad(d.month)]
          : [String(d.day), String(d.month)];
        const year = pad(d.year, 4);
        expect(read(isoOf(d), iso)).toBe(isoOf(d));
        expect(read(`${year}${sep}${month}${sep}${day}`, iso)).toBe(isoOf(d));
        expect(read(`${day}${sep}${month}${sep}${year}`, dmy)).toBe(isoOf(d));
        expect(read(`${month}${sep}${day}${sep}${year}`, mdy)).toBe(isoOf(d));
        expect(read(toThaiDigits(`${day}${sep}${month}${sep}${year}`), dmy)).toBe(isoOf(d));
      }),
    );
  });

  it("reads a Buddhist Era year as the Gregorian date 543 years earlier, and only under era buddhist", () => {
    const thaiDate = calendarDate.filter((d) => d.year >= 1857 && d.year + 543 <= 9999);
    fc.assert(
      fc.property(thaiDate, (d) => {
        const text = `${pad(d.day)}/${pad(d.month)}/${d.year + 543}`;
        expect(read(text, thai)).toBe(isoOf(d));
        expect(read(text, dmy)).toBe("date_looks_buddhist");
        expect(read(`${pad(d.day)}/${pad(d.month)}/${d.year}`, thai)).toBe(
          d.year >= 2400 ? expect.any(String) : "date_era_mismatch",
        );
      }),
    );
  });

  /** Serial of 2399-12-31: later serials hold years read as Buddhist Era. */
  const LAST_SERIAL_BEFORE_2400 = 182_622;

  it("maps serials to consecutive days, matching Excel's epoch after the phantom leap day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: LAST_SERIAL_BEFORE_2400 }), (serial) => {
        const expected = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const actual = read(serial);
        if (serial >= 1000 && serial < 10_000) expect(actual).toBe("date_year_only");
        else expect(actual).toBe(expected);
      }),
    );
  });

  it("never throws, and every date it returns is a real ISO date", () => {
    const cell: fc.Arbitrary<SourceCell> = fc.oneof(
      fc.string(),
      fc.stringMatching(/^\d{1,4}[-/.]\d{1,4}[-/.]\d{1,5}$/),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.string().map((date) => ({ date })),
    );
    const options = fc.record({
      format: fc.constantFrom<DateOrder>("iso", "dmy", "mdy"),
      era: fc.constantFrom("gregorian" as const, "buddhist" as const),
    });
    fc.assert(
      fc.property(cell, options, (c, o) => {
        const result = parseDateCell(c, o);
        if (result.ok) expect(isIsoDate(result.date)).toBe(true);
        else expect(result.code).toMatch(/^(required|formula_cell|invalid_date|date_[a-z_]+)$/);
      }),
    );
  });
});

describe("detectDateFormat", () => {
  it.each<[string[], string]>([
    [["05/03/2024", "25/03/2024"], "dmy"],
    [["05/03/2024", "03/25/2024"], "mdy"],
    [["05/03/2024", "04/03/2024"], "ambiguous"],
    [["25/03/2024", "03/25/2024"], "ambiguous"],
    [["2024-03-05", "2024-12-31"], "iso"],
    [["5 มี.ค. 2567"], "iso"],
    [["2024-03-05", "31.12.2023"], "dmy"],
    [["", "n/a", "45356"], "none"],
    [[], "none"],
    [["๒๕/๐๓/๒๕๖๗"], "dmy"],
  ])("%j → %s", (samples, expected) => {
    expect(detectDateFormat(samples)).toBe(expected);
  });

  it("says dmy exactly when some day is over 12, for dates written day first", () => {
    fc.assert(
      fc.property(fc.array(calendarDate, { minLength: 1, maxLength: 20 }), (dates) => {
        const samples = dates.map((d) => `${pad(d.day)}/${pad(d.month)}/${d.year}`);
        const expected = dates.some((d) => d.day > 12) ? "dmy" : "ambiguous";
        expect(detectDateFormat(samples)).toBe(expected);
        const swapped = dates.map((d) => `${pad(d.month)}/${pad(d.day)}/${d.year}`);
        expect(detectDateFormat(swapped)).toBe(expected === "dmy" ? "mdy" : "ambiguous");
      }),
    );
  });
});

describe("resolveDateFormat", () => {
  it("keeps a chosen order, takes a detected one under auto, and refuses to guess", () => {
    expect(resolveDateFormat("mdy", "dmy")).toEqual({ ok: true, format: "mdy" });
    expect(resolveDateFormat("dmy", "ambiguous")).toEqual({ ok: true, format: "dmy" });
    expect(resolveDateFormat("auto", "dmy")).toEqual({ ok: true, format: "dmy" });
    expect(resolveDateFormat("auto", "iso")).toEqual({ ok: true, format: "iso" });
    expect(resolveDateFormat("auto", "none")).toEqual({ ok: true, format: "iso" });
    expect(resolveDateFormat("auto", "ambiguous")).toEqual({
      ok: false,
      code: "date_format_required",
    });
  });
});
