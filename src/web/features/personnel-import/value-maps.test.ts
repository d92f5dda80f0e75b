import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPersonnelRowReader } from "../../../core/import/personnel-row";
import { createReferenceMatcher } from "../../../core/import/reference-values";
import { rowError, type RowError } from "../../../core/import/row-error";
import type { SourceCell } from "../../../core/import/table";
import { personnelMapping, type PersonnelMapping } from "../../../core/schemas/personnel-import";
import {
  unrecognisedValues,
  valueMapEntries,
  withoutValueMapEntry,
  withValueChoices,
  type ValueChoice,
} from "./value-maps";

const ranks = [
  { id: 1, code: "CON", name: "Constable" },
  { id: 2, code: "SGT", name: "Sergeant" },
  { id: 3, code: "INSP", name: "Inspector" },
];
const units = [
  { id: 10, code: "PP-01", name: "Central" },
  { id: 11, code: "SR-01", name: "Central" },
  { id: 12, code: "KD-03", name: "Kandal station 3" },
];
const roles = [{ id: 20, code: "INV", name: "Investigator" }];

const HEADERS = ["Badge", "Gender", "Event", "Date", "Grade", "Station", "Post", "Why"];
const eventsMapping = personnelMapping.parse({
  kind: "events",
  columns: {
    service_number: "Badge",
    sex: "Gender",
    event_type: "Event",
    effective_date: "Date",
    rank: "Grade",
    unit: "Station",
    role: "Post",
    reason: "Why",
  },
});

/** Reads rows with the real row reader of the import engine: the errors a check would report. */
function readRows(mapping: PersonnelMapping, rows: readonly (readonly SourceCell[])[]) {
  const reader = createPersonnelRowReader({
    mapping,
    headers: HEADERS,
    headerRow: 1,
    resolvedDateFormat: "dmy",
    refs: {
      rank: createReferenceMatcher(ranks, mapping.valueMaps.rank),
      unit: createReferenceMatcher(units, mapping.valueMaps.unit),
      role: createReferenceMatcher(roles, mapping.valueMaps.role),
    },
    today: "2024-06-15",
    asOf: null,
  });
  return rows.flatMap((cells, i) => {
    const result = reader.read({ row: i + 2, cells: [...cells] });
    return result.ok === false ? result.errors : [];
  });
}

const mappingWith = (valueMaps: PersonnelMapping["valueMaps"]): PersonnelMapping => ({
  ...eventsMapping,
  valueMaps,
});

describe("unrecognisedValues", () => {
  it("lists each value a translation can cure once, by field, the most frequent first", () => {
    const errors: RowError[] = [
      rowError(2, "Grade", "Const.", "unknown_rank"),
      rowError(3, "Grade", "Lt.", "unknown_rank"),
      rowError(4, "Grade", "CONST.", "unknown_rank"),
      rowError(4, "Station", "Central", "ambiguous_unit"),
      rowError(5, "Gender", "1", "invalid_sex"),
      rowError(5, "Date", "31/02/2020", "invalid_date"),
      rowError(6, "Grade", " const. ", "unknown_rank"),
    ];
    expect(unrecognisedValues(errors)).toEqual([
      { field: "sex", value: "1", column: "Gender", rows: 1, isAmbiguous: false },
      { field: "rank", value: "Const.", column: "Grade", rows: 3, isAmbiguous: false },
      { field: "rank", value: "Lt.", column: "Grade", rows: 1, isAmbiguous: false },
      { field: "unit", value: "Central", column: "Station", rows: 1, isAmbiguous: true },
    ]);
  });

  it("compares sex and event words as the reader does: diacritics and dots do not count", () => {
    const errors = [
      rowError(2, "Gender", "Nư.", "invalid_sex"),
      rowError(3, "Gender", "nu", "invalid_sex"),
      rowError(4, "Event", "Mis-en-disponibilité", "invalid_event_type"),
      rowError(5, "Event", "mis en disponibilite", "invalid_event_type"),
    ];
    expect(unrecognisedValues(errors).map((v) => [v.field, v.value, v.rows])).toEqual([
      ["sex", "Nư.", 2],
      ["event_type", "Mis-en-disponibilité", 2],
    ]);
  });

  it("leaves out blank and shortened values, and reasons that only belong to another event", () => {
    const long = `${"x".repeat(200)}…`;
    const errors = [
      rowError(2, "Grade", null, "unknown_rank"),
      rowError(3, "Grade", long, "unknown_rank"),
      rowError(4, "Why", "maternity", "invalid_reason"),
      rowError(5, "Why", "transferred abroad", "invalid_reason"),
    ];
    expect(unrecognisedValues(errors).map((v) => v.value)).toEqual(["transferred abroad"]);
  });
});

describe("withValueChoices", () => {
  it("adds translations, replacing one the reader would take as the same word", () => {
    const before = mappingWith({ rank: { const: "SGT", Lt: "INSP" } });
    const after = withValueChoices(before, [
      { field: "rank", value: "CONST", target: "CON" },
      { field: "sex", value: "1", target: "M" },
      { field: "event_type", value: "Mutation", target: "transfer" },
      { field: "reason", value: "Pension", target: "retirement" },
    ]);
    expect(after.valueMaps).toEqual({
      rank: { Lt: "INSP", CONST: "CON" },
      sex: { "1": "M" },
      event_type: { Mutation: "transfer" },
      reason: { Pension: "retirement" },
    });
    expect(before.valueMaps).toEqual({ rank: { const: "SGT", Lt: "INSP" } });
    expect(personnelMapping.parse(after)).toEqual(after);
  });

  it("ignores a target the field cannot take", () => {
    const after = withValueChoices(eventsMapping, [
      { field: "sex", value: "1", target: "Male" },
      { field: "event_type", value: "Mutation", target: "move" },
      { field: "reason", value: "Pension", target: "holiday" },
      { field: "rank", value: "Lt.", target: "" },
    ]);
    expect(after.valueMaps).toEqual({});
  });

  it("cures the errors it was offered: a file refused by the reader reads once translated", () => {
    const rows: SourceCell[][] = [
      ["A1", "1", "Taken on", "01/02/2020", "Const.", "Station 3", "", ""],
      ["A2", "2", "Taken on", "01/02/2020", "const.", "Central", "", ""],
      ["A3", "1", "Posted", "01/03/2021", "", "", "Detective", ""],
      ["A4", "2", "Gone", "01/03/2022", "", "", "", "Superannuated"],
    ];
    const offered = unrecognisedValues(readRows(eventsMapping, rows));
    expect(offered.map((v) => [v.field, v.value, v.rows])).toEqual([
      ["sex", "1", 2],
      ["sex", "2", 2],
      ["rank", "Const.", 2],
      ["unit", "Central", 1],
      ["unit", "Station 3", 1],
      ["role", "Detective", 1],
      ["event_type", "Taken on", 2],
      ["event_type", "Gone", 1],
      ["event_type", "Posted", 1],
    ]);
    const targets: Record<string, string> = {
      "1": "M",
      "2": "F",
      "Const.": "CON",
      Central: "PP-01",
      "Station 3": "KD-03",
      Detective: "INV",
      Gone: "exit",
      "Taken on": "hire",
      Posted: "role_change",
    };
    const choices = offered.map((v) => ({ ...v, target: targets[v.value] ?? "" }));
    const translated = withValueChoices(eventsMapping, choices);
    // The exit's reason is checked once the event is read: the next check offers it.
    const next = unrecognisedValues(readRows(translated, rows));
    expect(next.map((v) => [v.field, v.value])).toEqual([["reason", "Superannuated"]]);
    const done = withValueChoices(translated, [
      { field: "reason", value: "Superannuated", target: "retirement" },
    ]);
    expect(readRows(done, rows)).toEqual([]);
  });

  it("leaves the reader naming, for each word, the last translation chosen for it", () => {
    const word = fc.constantFrom("Lt.", "LT.", " lt. ", "Const", "CONST", "Sgt", "1", "Insp");
    const choice = fc.record({
      field: fc.constant("rank" as const),
      value: word,
      target: fc.constantFrom("CON", "SGT", "INSP"),
    });
    fc.assert(
      fc.property(fc.array(choice, { maxLength: 12 }), (choices: ValueChoice[]) => {
        const mapping = withValueChoices(eventsMapping, choices);
        const match = createReferenceMatcher(ranks, mapping.valueMaps.rank);
        const keys = Object.keys(mapping.valueMaps.rank ?? {}).map((k) => k.trim().toLowerCase());
        expect(new Set(keys).size).toBe(keys.length);
        for (const { value } of choices) {
          const last = choices.findLast(
            (c) => c.value.trim().toLowerCase() === value.trim().toLowerCase(),
          );
          expect(match(value)).toBe(ranks.find((r) => r.code === last?.target)?.id);
        }
      }),
    );
  });
});

describe("withoutValueMapEntry and valueMapEntries", () => {
  const mapping = mappingWith({
    rank: { "Const.": "CON", "Lt.": "INSP" },
    sex: { "1": "M" },
    unit: { "Station 3": "KD-03" },
  });

  it("lists every translation by field, in the order they were added", () => {
    expect(valueMapEntries(mapping)).toEqual([
      { field: "sex", source: "1", target: "M" },
      { field: "rank", source: "Const.", target: "CON" },
      { field: "rank", source: "Lt.", target: "INSP" },
      { field: "unit", source: "Station 3", target: "KD-03" },
    ]);
  });

  it("removes one translation, and a field's map with its last one", () => {
    const fewer = withoutValueMapEntry(mapping, "rank", "Lt.");
    expect(fewer.valueMaps.rank).toEqual({ "Const.": "CON" });
    const noSex = withoutValueMapEntry(fewer, "sex", "1");
    expect(noSex.valueMaps).toEqual({ rank: { "Const.": "CON" }, unit: { "Station 3": "KD-03" } });
    expect(mapping.valueMaps.rank).toEqual({ "Const.": "CON", "Lt.": "INSP" });
  });

  it("changes nothing for a translation the mapping does not hold", () => {
    expect(withoutValueMapEntry(mapping, "rank", "toString")).toBe(mapping);
    expect(withoutValueMapEntry(mapping, "role", "Detective")).toBe(mapping);
  });
});
