import { describe, expect, it } from "vitest";
import type { CsvRecord } from "../import/read-csv";
import { planOrgUnitImport, type ExistingUnit } from "./import-rows";

const existing: ExistingUnit[] = [
  {
    id: 1,
    code: "HQ",
    name: "HQ",
    kind: "hq",
    specialisation: null,
    parentId: null,
    openedOn: "1900-01-01",
    isClosed: false,
    isEditable: true,
  },
  {
    id: 2,
    code: "P1",
    name: "Province 1",
    kind: "province",
    specialisation: null,
    parentId: 1,
    openedOn: "2000-01-01",
    isClosed: false,
    isEditable: true,
  },
  {
    id: 3,
    code: "P1-D1",
    name: "District",
    kind: "district",
    specialisation: null,
    parentId: 2,
    openedOn: "2000-01-01",
    isClosed: false,
    isEditable: true,
  },
  {
    id: 4,
    code: "P9",
    name: "Elsewhere",
    kind: "province",
    specialisation: null,
    parentId: 1,
    openedOn: "2000-01-01",
    isClosed: false,
    isEditable: false,
  },
  {
    id: 5,
    code: "OLD",
    name: "Closed",
    kind: "station",
    specialisation: null,
    parentId: 2,
    openedOn: "2000-01-01",
    isClosed: true,
    isEditable: true,
  },
];

const row = (
  code: string,
  name: string,
  kind: string,
  parent: string,
  extra: Record<string, string> = {},
): CsvRecord => ({
  row: 0,
  values: { code, name, kind, parent_code: parent, specialisation: "", opened_on: "", ...extra },
});
/** Rows are numbered as lines of a file with a header: 2, 3, … */
const plan = (...records: CsvRecord[]) =>
  planOrgUnitImport(
    records.map((r, i) => ({ ...r, row: i + 2 })),
    existing,
    "2024-06-15",
  );
const errorsOf = (...records: CsvRecord[]) => {
  const result = plan(...records);
  return result.ok ? [] : result.errors.map((e) => [e.row, e.column, e.value, e.code]);
};

describe("planOrgUnitImport", () => {
  it("orders parents first and tells creates, updates and unchanged rows apart", () => {
    const result = plan(
      row("P1-D1-S1", "Station", "station", "P1-D2"),
      row("P1-D2", "District 2", "district", "P1", { opened_on: "2010-05-01" }),
      row("P1", "Province One", "province", "HQ"),
      row("P1-D1", "District", "district", "P1"),
    );
    expect(result.ok && result.units.map((u) => [u.code, u.change, u.existingId])).toEqual([
      ["P1", "update", 2],
      ["P1-D2", "create", null],
      ["P1-D1-S1", "create", null],
      ["P1-D1", "unchanged", 3],
    ]);
  });

  it.each([
    [
      "an unknown parent",
      [row("X", "X", "station", "NOPE")],
      [[2, "parent_code", "NOPE", "unknown_parent"]],
    ],
    [
      "a parent outside the scope",
      [row("X", "X", "station", "P9")],
      [[2, "parent_code", "P9", "unknown_parent"]],
    ],
    [
      "a closed parent",
      [row("X", "X", "station", "OLD")],
      [[2, "parent_code", "OLD", "parent_closed"]],
    ],
    ["a bad kind", [row("X", "X", "precinct", "P1")], [[2, "kind", "precinct", "invalid_kind"]]],
    [
      "a bad date",
      [row("X", "X", "station", "P1", { opened_on: "2023-02-30" })],
      [[2, "opened_on", "2023-02-30", "invalid_date"]],
    ],
    [
      "a future date",
      [row("X", "X", "station", "P1", { opened_on: "2025-01-01" })],
      [[2, "opened_on", "2025-01-01", "date_in_future"]],
    ],
    [
      "a bad specialisation",
      [row("X", "X", "station", "P1", { specialisation: "cyber" })],
      [[2, "specialisation", "cyber", "invalid_specialisation"]],
    ],
    [
      "a bad code and an empty name",
      [row("a b", "", "station", "P1")],
      [
        [2, "code", "a b", "invalid_code"],
        [2, "name", null, "required"],
      ],
    ],
    [
      "a duplicate code",
      [row("X", "X", "station", "P1"), row("X", "Y", "station", "P1")],
      [[3, "code", "X", "duplicate_code"]],
    ],
    [
      "a code of a unit outside the scope",
      [row("P9", "Mine", "province", "HQ")],
      [[2, "code", "P9", "code_taken"]],
    ],
    ["a second root", [row("X", "X", "hq", "")], [[2, "parent_code", null, "parent_required"]]],
    [
      "a changed opening date",
      [row("P1", "Province 1", "province", "HQ", { opened_on: "1999-01-01" })],
      [[2, "opened_on", "1999-01-01", "opened_on_changed"]],
    ],
    [
      "a cycle in the file",
      [row("A", "A", "district", "B"), row("B", "B", "district", "A")],
      [
        [2, "parent_code", "B", "cycle"],
        [3, "parent_code", "A", "cycle"],
      ],
    ],
    [
      "a cycle through the register",
      [row("P1", "Province 1", "province", "P1-D1")],
      [[2, "parent_code", "P1-D1", "cycle"]],
    ],
  ])("reports %s", (_case, records, expected) => {
    expect(errorsOf(...records)).toEqual(expected);
  });

  it("reports every problem of every row, in file order", () => {
    expect(
      errorsOf(
        row("A", "A", "bad", "NOPE"),
        row("B", "B", "station", "A", { opened_on: "yesterday" }),
      ),
    ).toEqual([
      [2, "kind", "bad", "invalid_kind"],
      [2, "parent_code", "NOPE", "unknown_parent"],
      [3, "opened_on", "yesterday", "invalid_date"],
    ]);
  });
});
