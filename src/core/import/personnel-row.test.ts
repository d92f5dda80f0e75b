import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { personnelMapping, type PersonnelMappingInput } from "../schemas/personnel-import";
import { createPersonnelRowReader, type PersonnelRowReaderOptions } from "./personnel-row";
import { createReferenceMatcher } from "./reference-values";
import type { SourceCell } from "./table";

const refs = {
  rank: createReferenceMatcher([
    { id: 1, code: "CONST", name: "Constable" },
    { id: 2, code: "SGT", name: "Sergeant" },
  ]),
  unit: createReferenceMatcher([
    { id: 10, code: "PP-01", name: "Central" },
    { id: 11, code: "SR-01", name: "Central" },
    { id: 12, code: "KD-01", name: "Kandal" },
  ]),
  role: createReferenceMatcher([{ id: 20, code: "INV", name: "Investigator" }]),
};

const SNAPSHOT_HEADERS = [
  "No.",
  "Service No.",
  "Sex",
  "Year of birth",
  "Rank",
  "Unit",
  "Role",
  "Hire date",
];
const snapshotMapping: PersonnelMappingInput = {
  kind: "snapshot",
  columns: {
    service_number: "Service No.",
    sex: "Sex",
    birth_year: "Year of birth",
    rank: "Rank",
    unit: "Unit",
    role: "Role",
    hire_date: "Hire date",
  },
};
const EVENT_HEADERS = ["Badge", "Event", "Date", "Rank", "Unit", "Role", "Reason", "DOB"];
const eventsMapping: PersonnelMappingInput = {
  kind: "events",
  columns: {
    service_number: "Badge",
    event_type: "Event",
    effective_date: "Date",
    rank: "Rank",
    unit: "Unit",
    role: "Role",
    reason: "Reason",
    birth_date: "DOB",
  },
};

function readerFor(
  mapping: PersonnelMappingInput,
  headers: string[],
  extra: Partial<PersonnelRowReaderOptions> = {},
) {
  return createPersonnelRowReader({
    mapping: personnelMapping.parse(mapping),
    headers,
    headerRow: 1,
    resolvedDateFormat: "dmy",
    refs,
    today: "2024-06-15",
    asOf: "2024-06-01",
    ...extra,
  });
}

const snapshot = readerFor(snapshotMapping, SNAPSHOT_HEADERS);
const events = readerFor(eventsMapping, EVENT_HEADERS);
const errorsOf = (result: ReturnType<typeof snapshot.read>) =>
  result.ok === false ? result.errors.map((e) => [e.column, e.value, e.code]) : result;

describe("createPersonnelRowReader: snapshot rows", () => {
  it("reads a good row into register values", () => {
    const result = snapshot.read({
      row: 7,
      cells: ["1", " 000123 ", "ស្រី", 1985, "Sergeant", "kd-01", "INV", "05/03/2010"],
    });
    expect(result).toEqual({
      ok: true,
      value: {
        row: 7,
        serviceNumber: "000123",
        sex: "F",
        birthYear: 1985,
        rankId: 2,
        unitId: 12,
        roleId: 20,
        hireDate: "2010-03-05",
        eventType: null,
        effectiveDate: null,
        reason: null,
      },
    });
  });

  it("fills what is optional with U and nulls, and reads a short row", () => {
    const result = snapshot.read({ row: 3, cells: ["", "A1", "", "", "CONST", "PP-01"] });
    expect(result.ok === true && result.value).toMatchObject({
      serviceNumber: "A1",
      sex: "U",
      birthYear: null,
      roleId: null,
      hireDate: null,
    });
  });

  it("reports every problem of the row, each with the file's column name and the cell's text", () => {
    const result = snapshot.read({
      row: 9,
      cells: ["1", "1.23E+11", "Fem ale", "85", "General", "Central", "Cook", "2099-01-01"],
    });
    expect(result.ok === false && result.errors.every((e) => e.row === 9)).toBe(true);
    expect(errorsOf(result)).toEqual([
      ["Service No.", "1.23E+11", "service_number_mangled"],
      ["Sex", "Fem ale", "invalid_sex"],
      ["Year of birth", "85", "date_two_digit_year"],
      ["Rank", "General", "unknown_rank"],
      ["Unit", "Central", "ambiguous_unit"],
      ["Role", "Cook", "unknown_role"],
      ["Hire date", "2099-01-01", "date_in_future"],
    ]);
  });

  it("requires service number, rank and unit, and names a column missing from the mapping", () => {
    expect(errorsOf(snapshot.read({ row: 2, cells: ["1", "", "F", "", "", "", "", ""] }))).toEqual([
      ["Service No.", null, "required"],
      ["Rank", null, "required"],
      ["Unit", null, "required"],
    ]);
    const noUnit = readerFor(
      { kind: "snapshot", columns: { service_number: "ID", rank: "Rank" } },
      ["ID", "Rank"],
    );
    expect(errorsOf(noUnit.read({ row: 2, cells: ["A1", "SGT"] }))).toEqual([
      ["unit", null, "missing_column"],
    ]);
  });

  it("refuses a hire after the snapshot date, and a hire before the person was 15", () => {
    expect(
      errorsOf(
        snapshot.read({ row: 2, cells: ["", "A1", "M", "", "SGT", "KD-01", "", "10/06/2024"] }),
      ),
    ).toEqual([["Hire date", "10/06/2024", "hire_after_as_of"]]);
    expect(
      errorsOf(
        snapshot.read({ row: 2, cells: ["", "A1", "M", "2000", "SGT", "KD-01", "", "31/12/2014"] }),
      ),
    ).toEqual([["Hire date", "31/12/2014", "event_before_birth"]]);
    expect(
      snapshot.read({ row: 2, cells: ["", "A1", "M", "2000", "SGT", "KD-01", "", "01/01/2015"] })
        .ok,
    ).toBe(true);
  });

  it("refuses formula cells in any mapped column", () => {
    const result = snapshot.read({
      row: 4,
      cells: [
        "",
        { formula: "B3+1" },
        { formula: "C3" },
        1985,
        { formula: "E3" },
        "KD-01",
        "",
        { formula: "TODAY()" },
      ],
    });
    expect(errorsOf(result)).toEqual([
      ["Service No.", "=B3+1", "formula_cell"],
      ["Sex", "=C3", "formula_cell"],
      ["Rank", "=E3", "formula_cell"],
      ["Hire date", "=TODAY()", "formula_cell"],
    ]);
  });

  it("skips a row whose mapped cells are all blank, whatever unmapped columns hold", () => {
    expect(snapshot.read({ row: 5, cells: [] })).toEqual({ ok: "blank" });
    expect(snapshot.read({ row: 5, cells: ["17", " ", null, "", "", "", "", ""] })).toEqual({
      ok: "blank",
    });
  });

  it("shortens very long values in the report", () => {
    const result = snapshot.read({
      row: 2,
      cells: ["", "A1", "x".repeat(10_000_000), "", "SGT", "KD-01"],
    });
    const [error] = result.ok === false ? result.errors : [];
    expect(error?.code).toBe("invalid_sex");
    expect(error?.value?.length).toBe(201);
  });

  it("uses the mapping's value maps and era (a Thai file in Buddhist Era)", () => {
    const thai = readerFor(
      {
        kind: "snapshot",
        era: "buddhist",
        columns: {
          service_number: "เลขประจำตัว",
          sex: "เพศ",
          birth_year: "ปีเกิด",
          rank: "ยศ",
          unit: "สังกัด",
          hire_date: "วันบรรจุ",
        },
        valueMaps: { sex: { "1": "M", "2": "F" } },
      },
      ["เลขประจำตัว", "เพศ", "ปีเกิด", "ยศ", "สังกัด", "วันบรรจุ"],
    );
    const result = thai.read({ row: 2, cells: ["๐๑๒๓", 2, "๒๕๒๘", "SGT", "KD-01", "๐๕/๐๓/๒๕๕๓"] });
    expect(result.ok === true && result.value).toMatchObject({
      serviceNumber: "0123",
      sex: "F",
      birthYear: 1985,
      hireDate: "2010-03-05",
    });
    expect(
      errorsOf(thai.read({ row: 3, cells: ["9", "ญ", "1985", "SGT", "KD-01", "05/03/2010"] })),
    ).toEqual([
      ["ปีเกิด", "1985", "date_era_mismatch"],
      ["วันบรรจุ", "05/03/2010", "date_era_mismatch"],
    ]);
  });
});

describe("createPersonnelRowReader: event rows", () => {
  const row = (
    event: SourceCell,
    extra: Partial<Record<"rank" | "unit" | "role" | "reason", string>> = {},
  ) =>
    events.read({
      row: 2,
      cells: [
        "A1",
        event,
        "01/02/2020",
        extra.rank ?? "",
        extra.unit ?? "",
        extra.role ?? "",
        extra.reason ?? "",
        "1980-05-01",
      ],
    });

  it("reads an event with what it carries", () => {
    expect(row("Promoted", { rank: "SGT" })).toEqual({
      ok: true,
      value: {
        row: 2,
        serviceNumber: "A1",
        sex: "U",
        birthYear: 1980,
        rankId: 2,
        unitId: null,
        roleId: null,
        hireDate: null,
        eventType: "promotion",
        effectiveDate: "2020-02-01",
        reason: null,
      },
    });
  });

  it.each<
    [string, Partial<Record<"rank" | "unit" | "role" | "reason", string>>, [string, null, string][]]
  >([
    [
      "hire",
      {},
      [
        ["Rank", null, "required"],
        ["Unit", null, "required"],
      ],
    ],
    ["hire", { rank: "SGT", unit: "KD-01" }, []],
    ["promotion", { unit: "KD-01" }, [["Rank", null, "required"]]],
    ["demotion", { rank: "CONST" }, []],
    ["transfer", {}, [["Unit", null, "required"]]],
    ["role_change", { rank: "SGT" }, [["Role", null, "required"]]],
    ["leave_start", {}, [["Reason", null, "required"]]],
    ["leave_start", { reason: "UN mission" }, []],
    ["leave_end", {}, []],
    ["exit", {}, [["Reason", null, "required"]]],
    ["Retired", {}, []],
    ["exit", { reason: "Died" }, []],
  ])("%s with %o → %j", (event, extra, expected) => {
    const result = row(event, extra);
    expect(result.ok === false ? errorsOf(result) : []).toEqual(expected);
  });

  it("takes the reason an event word implies, refuses a contradicting one, ignores reasons of other events", () => {
    const retired = row("Retired");
    expect(retired.ok === true && [retired.value.eventType, retired.value.reason]).toEqual([
      "exit",
      "retirement",
    ]);
    expect(errorsOf(row("Retired", { reason: "death" }))).toEqual([
      ["Reason", "death", "reason_conflict"],
    ]);
    expect(errorsOf(row("exit", { reason: "maternity" }))).toEqual([
      ["Reason", "maternity", "invalid_reason"],
    ]);
    const promoted = row("promotion", { rank: "SGT", reason: "merit" });
    expect(promoted.ok === true && promoted.value.reason).toBeNull();
  });

  it("requires the type and the date, and refuses unknown types and events before age 15", () => {
    const result = events.read({ row: 5, cells: ["A1", "", "", "SGT", "", "", "", ""] });
    expect(errorsOf(result)).toEqual([
      ["Event", null, "required"],
      ["Date", null, "required"],
    ]);
    expect(errorsOf(row("reshuffle"))).toEqual([["Event", "reshuffle", "invalid_event_type"]]);
    const young = events.read({
      row: 6,
      cells: ["A1", "hire", "30/04/1995", "SGT", "KD-01", "", "", "1980-05-01"],
    });
    expect(errorsOf(young)).toEqual([["Date", "30/04/1995", "event_before_birth"]]);
    const fifteen = events.read({
      row: 6,
      cells: ["A1", "hire", "01/05/1995", "SGT", "KD-01", "", "", "1980-05-01"],
    });
    expect(fifteen.ok).toBe(true);
  });

  it("checks the date of birth: not in the future, not before 1900, consistent with the year", () => {
    const withYear = readerFor(
      { kind: "events", columns: { ...eventsMapping.columns, birth_year: "YOB" } },
      [...EVENT_HEADERS, "YOB"],
    );
    const cells = (dob: string, yob: string) => [
      "A1",
      "leave_end",
      "01/02/2020",
      "",
      "",
      "",
      "",
      dob,
      yob,
    ];
    expect(errorsOf(withYear.read({ row: 2, cells: cells("01/01/2030", "") }))).toEqual([
      ["DOB", "01/01/2030", "date_in_future"],
    ]);
    expect(errorsOf(withYear.read({ row: 2, cells: cells("01/01/1890", "") }))).toEqual([
      ["DOB", "01/01/1890", "invalid_birth_year"],
    ]);
    expect(errorsOf(withYear.read({ row: 2, cells: cells("01/01/1980", "1981") }))).toEqual([
      ["YOB", "1981", "birth_year_mismatch"],
    ]);
    const both = withYear.read({ row: 2, cells: cells("01/01/1980", "1980") });
    expect(both.ok === true && both.value.birthYear).toBe(1980);
  });

  it("uses the event value map before the built-in words", () => {
    const mapped = readerFor(
      { ...eventsMapping, valueMaps: { event_type: { P: "promotion" } } },
      EVENT_HEADERS,
    );
    const result = mapped.read({ row: 2, cells: ["A1", "p", "01/02/2020", "SGT", "", "", "", ""] });
    expect(result.ok === true && result.value.eventType).toBe("promotion");
  });
});

describe("createPersonnelRowReader: checkMapping", () => {
  it("accepts a complete mapping, matching column names exactly or once trimmed", () => {
    expect(snapshot.checkMapping()).toEqual([]);
    const padded = readerFor(
      snapshotMapping,
      SNAPSHOT_HEADERS.map((h) => ` ${h} `),
    );
    expect(padded.checkMapping()).toEqual([]);
    expect(padded.read({ row: 2, cells: ["", "A1", "", "", "SGT", "KD-01"] }).ok).toBe(true);
  });

  it("names required fields left unmapped, columns the file lacks, and columns named twice", () => {
    const reader = readerFor(
      { kind: "events", columns: { service_number: "Badge", event_type: "Kind", rank: "Rank" } },
      ["Badge", "Rank", "Rank"],
      { headerRow: 3 },
    );
    expect(reader.checkMapping().map((e) => [e.row, e.column, e.code])).toEqual([
      [3, "effective_date", "missing_column"],
      [3, "Kind", "column_not_in_file"],
      [3, "Rank", "duplicate_column"],
    ]);
  });
});

describe("createPersonnelRowReader: properties", () => {
  it("never throws, and reports errors only on this row, in mapped columns", () => {
    const cell: fc.Arbitrary<SourceCell> = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        "SGT",
        "KD-01",
        "hire",
        "exit",
        "retired",
        "F",
        "ស្រី",
        "05/03/2020",
        "1985",
        "Central",
      ),
      fc.integer({ min: -10, max: 50_000 }),
      fc.boolean(),
      fc.constant(null),
      fc.constant({ formula: "A1" }),
      fc.constant({ date: "2020-01-01" }),
    );
    const columns = new Set([
      ...EVENT_HEADERS,
      "service_number",
      "event_type",
      "effective_date",
      "rank",
      "unit",
      "role",
      "reason",
    ]);
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 9 }),
        fc.integer({ min: 2, max: 1_000_000 }),
        (cells, rowNumber) => {
          const result = events.read({ row: rowNumber, cells });
          if (result.ok === false) {
            expect(result.errors.length).toBeGreaterThan(0);
            for (const error of result.errors) {
              expect(error.row).toBe(rowNumber);
              expect(columns.has(error.column ?? "")).toBe(true);
            }
          }
        },
      ),
    );
  });

  it("reads back every well-formed snapshot row", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z0-9]{1,12}$/),
        fc.constantFrom(["F", "F"], ["Male", "M"], ["", "U"], ["Nữ", "F"], ["Ж", "F"]),
        fc.integer({ min: 1940, max: 2000 }),
        fc.integer({ min: 16, max: 20 }),
        (serviceNumber, [sexText, sex], birthYear, ageAtHire) => {
          const result = snapshot.read({
            row: 2,
            cells: [
              "",
              serviceNumber,
              sexText,
              String(birthYear),
              "Constable",
              "KD-01",
              "",
              `01/01/${birthYear + ageAtHire}`,
            ],
          });
          expect(result).toEqual({
            ok: true,
            value: {
              row: 2,
              serviceNumber,
              sex,
              birthYear,
              rankId: 1,
              unitId: 12,
              roleId: null,
              hireDate: `${birthYear + ageAtHire}-01-01`,
              eventType: null,
              effectiveDate: null,
              reason: null,
            },
          });
        },
      ),
    );
  });
});
