/**
 * The state of the column-mapping screen and the rules between it and the import contract: which
 * fields a kind of file maps, what must be filled in before a run, and how a fresh inspection (after
 * a change of sheet, encoding, delimiter or header row) is merged with what the user already chose.
 */
import {
  csvDelimiter,
  fileEncoding,
  personnelFields,
  requiredPersonnelFields,
  type PersonnelField,
  type PersonnelFileKind,
  type PersonnelImportOptionsInput,
  type PersonnelInspection,
  type PersonnelMapping,
  type PersonnelMappingInput,
} from "../../../core/schemas/personnel-import";

export interface MappingForm {
  readonly mapping: PersonnelMapping;
  /** The snapshot date (YYYY-MM-DD); required for a snapshot, unused for events. */
  readonly asOf: string | null;
}

const eventOnlyFields: readonly PersonnelField[] = ["event_type", "effective_date", "reason"];

/** The fields a kind of file can map: a snapshot has no event type, event date or reason. */
export function fieldsOfKind(kind: PersonnelFileKind): readonly PersonnelField[] {
  return kind === "events"
    ? personnelFields
    : personnelFields.filter((field) => !eventOnlyFields.includes(field));
}

export function isRequiredField(kind: PersonnelFileKind, field: PersonnelField): boolean {
  return requiredPersonnelFields[kind].includes(field);
}

/** The distinct, non-blank header names: what a field can be mapped to. */
export function headerChoices(headers: readonly string[]): string[] {
  return [...new Set(headers.filter((header) => header.trim() !== ""))];
}

/** A new form from an inspection: its suggested mapping (a template's or a guess). */
export function formFromInspection(
  inspection: PersonnelInspection,
  asOf: string | null = null,
): MappingForm {
  return { mapping: inspection.suggested, asOf };
}

/**
 * After re-reading the file with other file settings: the user's choices stay, columns whose
 * header is still in the file stay mapped, and the others take the new suggestion.
 */
export function mergeInspection(form: MappingForm, inspection: PersonnelInspection): MappingForm {
  const headers = new Set(headerChoices(inspection.headers));
  const columns: PersonnelMapping["columns"] = {};
  for (const field of personnelFields) {
    const chosen = form.mapping.columns[field];
    const suggested = inspection.suggested.columns[field];
    const header = chosen !== undefined && headers.has(chosen) ? chosen : suggested;
    if (header !== undefined) columns[field] = header;
  }
  return { ...form, mapping: { ...form.mapping, columns } };
}

/** Maps a field to a column, or unmaps it (null). */
export function withColumn(
  form: MappingForm,
  field: PersonnelField,
  header: string | null,
): MappingForm {
  const columns = { ...form.mapping.columns };
  if (header === null) delete columns[field];
  else columns[field] = header;
  return { ...form, mapping: { ...form.mapping, columns } };
}

export type MappingProblem =
  | { readonly kind: "field_required"; readonly field: PersonnelField }
  | { readonly kind: "as_of_required" }
  | { readonly kind: "date_format_required" };

/** What keeps the form from being run, in the order the screen shows the inputs. */
export function mappingProblems(
  form: MappingForm,
  inspection: PersonnelInspection,
): MappingProblem[] {
  const { mapping } = form;
  const headers = new Set(headerChoices(inspection.headers));
  const problems: MappingProblem[] = [];
  if (mapping.kind === "snapshot" && form.asOf === null) problems.push({ kind: "as_of_required" });
  if (inspection.dateFormat === "ambiguous" && mapping.dateFormat === "auto") {
    problems.push({ kind: "date_format_required" });
  }
  for (const field of requiredPersonnelFields[mapping.kind]) {
    const header = mapping.columns[field];
    if (header === undefined || !headers.has(header)) {
      problems.push({ kind: "field_required", field });
    }
  }
  return problems;
}

export type FileSettingsChange = Partial<
  Pick<PersonnelMapping, "sheet" | "encoding" | "delimiter" | "headerRow">
>;

/**
 * A change of sheet, encoding, delimiter or header row. Another sheet has its header elsewhere,
 * so choosing one lets the header row be detected again.
 */
export function withFileSettings(form: MappingForm, change: FileSettingsChange): MappingForm {
  const isOtherSheet = change.sheet !== undefined && change.sheet !== form.mapping.sheet;
  return {
    ...form,
    mapping: { ...form.mapping, ...change, ...(isOtherSheet ? { headerRow: null } : {}) },
  };
}

/** The file settings an inspection is asked to read the file with. */
export function fileSettingsOf(mapping: PersonnelMapping): Partial<PersonnelMappingInput> {
  const { kind, sheet, encoding, delimiter, headerRow } = mapping;
  return { kind, sheet, encoding, delimiter, headerRow };
}

/**
 * The options of a run. The sheet, header row, encoding and delimiter the inspection read are
 * pinned, so that the run reads the file exactly as the preview showed it; columns of fields the
 * kind does not use are left out.
 */
export function runOptionsOf(
  form: MappingForm,
  inspection: PersonnelInspection,
  fileName: string,
): PersonnelImportOptionsInput {
  const { mapping } = form;
  const readEncoding = fileEncoding.safeParse(inspection.encoding);
  const readDelimiter = csvDelimiter.safeParse(inspection.delimiter);
  const columns: PersonnelMapping["columns"] = {};
  for (const field of fieldsOfKind(mapping.kind)) {
    const header = mapping.columns[field];
    if (header !== undefined) columns[field] = header;
  }
  return {
    mapping: {
      ...mapping,
      columns,
      sheet: inspection.sheet,
      headerRow: inspection.headerRow,
      encoding:
        mapping.encoding === "auto" && readEncoding.success ? readEncoding.data : mapping.encoding,
      delimiter:
        mapping.delimiter === "auto" && readDelimiter.success
          ? readDelimiter.data
          : mapping.delimiter,
    },
    asOf: mapping.kind === "snapshot" ? form.asOf : null,
    fileName,
  };
}

/** For the preview: the fields mapped to each header. */
export function fieldsByHeader(mapping: PersonnelMapping): ReadonlyMap<string, PersonnelField[]> {
  const byHeader = new Map<string, PersonnelField[]>();
  for (const field of fieldsOfKind(mapping.kind)) {
    const header = mapping.columns[field];
    if (header === undefined) continue;
    byHeader.set(header, [...(byHeader.get(header) ?? []), field]);
  }
  return byHeader;
}
