import { describe, expect, it } from "vitest";
import {
  personnelMapping,
  type PersonnelInspection,
  type PersonnelMappingInput,
} from "../../../core/schemas/personnel-import";
import {
  fieldsByHeader,
  fieldsOfKind,
  fileSettingsOf,
  formFromInspection,
  headerChoices,
  mappingProblems,
  mergeInspection,
  runOptionsOf,
  withColumn,
  withFileSettings,
} from "./mapping-form";

function inspection(
  headers: string[],
  suggested: PersonnelMappingInput,
  overrides: Partial<PersonnelInspection> = {},
): PersonnelInspection {
  return {
    format: "csv",
    encoding: "windows-1252",
    delimiter: ";",
    sheets: [],
    sheet: null,
    headerRow: 3,
    headers,
    preview: [],
    suggested: personnelMapping.parse(suggested),
    dateFormat: "dmy",
    ...overrides,
  };
}

const snapshotFile = inspection(["Service no", "Sex", "Rank", "Unit", "Hired"], {
  kind: "snapshot",
  columns: { service_number: "Service no", sex: "Sex", rank: "Rank", unit: "Unit" },
});

describe("fieldsOfKind", () => {
  it("leaves the event fields out of a snapshot", () => {
    expect(fieldsOfKind("snapshot")).not.toContain("event_type");
    expect(fieldsOfKind("snapshot")).toContain("hire_date");
    expect(fieldsOfKind("events")).toEqual(expect.arrayContaining(["event_type", "reason"]));
  });
});

describe("headerChoices", () => {
  it("drops blank and repeated header names", () => {
    expect(headerChoices(["A", "", " ", "B", "A"])).toEqual(["A", "B"]);
  });
});

describe("mappingProblems", () => {
  it("asks for the snapshot date first, then for each required field not mapped", () => {
    const form = withColumn(formFromInspection(snapshotFile), "unit", null);
    expect(mappingProblems(form, snapshotFile)).toEqual([
      { kind: "as_of_required" },
      { kind: "field_required", field: "unit" },
    ]);
    expect(
      mappingProblems({ ...formFromInspection(snapshotFile), asOf: "2024-06-30" }, snapshotFile),
    ).toEqual([]);
  });

  it("refuses a column the file no longer has", () => {
    const form = withColumn(
      { ...formFromInspection(snapshotFile), asOf: "2024-06-30" },
      "rank",
      "Grade",
    );
    expect(mappingProblems(form, snapshotFile)).toEqual([
      { kind: "field_required", field: "rank" },
    ]);
  });

  it("requires a date order when the dates could be read both ways, and not otherwise", () => {
    const ambiguous = { ...snapshotFile, dateFormat: "ambiguous" as const };
    const form = { ...formFromInspection(ambiguous), asOf: "2024-06-30" };
    expect(mappingProblems(form, ambiguous)).toEqual([{ kind: "date_format_required" }]);
    const chosen = { ...form, mapping: { ...form.mapping, dateFormat: "dmy" as const } };
    expect(mappingProblems(chosen, ambiguous)).toEqual([]);
  });

  it("needs no date for an events file but its own required fields", () => {
    const events = inspection(["id", "what", "when"], {
      kind: "events",
      columns: { service_number: "id", event_type: "what" },
    });
    expect(mappingProblems(formFromInspection(events), events)).toEqual([
      { kind: "field_required", field: "effective_date" },
    ]);
  });
});

describe("mergeInspection", () => {
  it("keeps the user's choices and the columns still in the file, and takes the new guesses", () => {
    const chosen = withColumn(
      withColumn({ ...formFromInspection(snapshotFile), asOf: "2024-06-30" }, "hire_date", "Hired"),
      "sex",
      null,
    );
    const form = {
      ...chosen,
      mapping: { ...chosen.mapping, era: "buddhist" as const, headerRow: 4 },
    };
    const reread = inspection(["Service no", "Gender", "Grade", "Unit"], {
      kind: "snapshot",
      columns: { service_number: "Service no", sex: "Gender", rank: "Grade", unit: "Unit" },
    });
    const merged = mergeInspection(form, reread);
    expect(merged.asOf).toBe("2024-06-30");
    expect(merged.mapping.era).toBe("buddhist");
    expect(merged.mapping.headerRow).toBe(4);
    expect(merged.mapping.columns).toEqual({
      service_number: "Service no",
      sex: "Gender",
      rank: "Grade",
      unit: "Unit",
    });
  });
});

describe("runOptionsOf", () => {
  it("pins what the inspection read and leaves out fields the kind does not use", () => {
    const form = withColumn(
      { ...formFromInspection(snapshotFile), asOf: "2024-06-30" },
      "reason",
      "Hired",
    );
    const options = runOptionsOf(form, snapshotFile, "hr.csv");
    expect(options.asOf).toBe("2024-06-30");
    expect(options.fileName).toBe("hr.csv");
    expect(options.mapping).toMatchObject({
      encoding: "windows-1252",
      delimiter: ";",
      headerRow: 3,
      sheet: null,
    });
    expect(options.mapping.columns).not.toHaveProperty("reason");
    expect(personnelMapping.safeParse(options.mapping).success).toBe(true);
  });

  it("keeps an encoding the user chose and sends no date for events", () => {
    const form = formFromInspection(snapshotFile, "2024-06-30");
    const chosen = {
      ...form,
      mapping: { ...form.mapping, kind: "events" as const, encoding: "windows-1251" as const },
    };
    const options = runOptionsOf(chosen, { ...snapshotFile, delimiter: "\t" }, "x.csv");
    expect(options.mapping.encoding).toBe("windows-1251");
    expect(options.mapping.delimiter).toBe("\t");
    expect(options.asOf).toBeNull();
  });
});

describe("fileSettingsOf and fieldsByHeader", () => {
  it("asks an inspection for the file settings only", () => {
    const form = formFromInspection(snapshotFile);
    expect(fileSettingsOf(form.mapping)).toEqual({
      kind: "snapshot",
      sheet: null,
      encoding: "auto",
      delimiter: "auto",
      headerRow: null,
    });
  });

  it("names the fields above each mapped column", () => {
    const form = withColumn(formFromInspection(snapshotFile), "hire_date", "Rank");
    expect(fieldsByHeader(form.mapping).get("Rank")).toEqual(["rank", "hire_date"]);
    expect(fieldsByHeader(form.mapping).has("Hired")).toBe(false);
  });
});

describe("withFileSettings", () => {
  it("detects the header row again on another sheet, and keeps it otherwise", () => {
    const form = formFromInspection(snapshotFile);
    const pinned = { ...form, mapping: { ...form.mapping, sheet: "Notes", headerRow: 4 } };
    expect(withFileSettings(pinned, { sheet: "Personnel" }).mapping).toMatchObject({
      sheet: "Personnel",
      headerRow: null,
    });
    expect(withFileSettings(pinned, { sheet: "Notes" }).mapping.headerRow).toBe(4);
    expect(withFileSettings(pinned, { delimiter: ";" }).mapping).toMatchObject({
      delimiter: ";",
      headerRow: 4,
    });
    expect(withFileSettings(pinned, { headerRow: 7 }).mapping.headerRow).toBe(7);
  });
});
