/**
 * The contract of the personnel import (issue 5), shared by the server, the web mapping screen and
 * the CLI. A file is first *inspected* (format, encoding, sheets, header row, a preview and a
 * suggested mapping), then *run* with a mapping: as a dry run (everything is done inside a
 * transaction that is rolled back) or for real (one transaction, all or nothing).
 */
import { z } from "zod";
import { isoDate } from "./common";
import { rowErrorSchema } from "./import";
import { sex } from "./sex";
import { careerEventType } from "./workforce-events";

/** The register fields a column can be mapped to. */
export const personnelFields = [
  "service_number",
  "sex",
  "birth_year",
  "birth_date",
  "rank",
  "unit",
  "role",
  "hire_date",
  "event_type",
  "effective_date",
  "reason",
] as const;
export const personnelField = z.enum(personnelFields);
export type PersonnelField = z.infer<typeof personnelField>;

/**
 * `snapshot`: one row per serving officer on the `asOf` date (rank, unit, role); compared with the
 * register to derive hires, exits, promotions, demotions, transfers and role changes.
 * `events`: one row per career event (hire, promotion, …, exit) with its effective date.
 */
export const personnelFileKinds = ["snapshot", "events"] as const;
export const personnelFileKind = z.enum(personnelFileKinds);
export type PersonnelFileKind = z.infer<typeof personnelFileKind>;

/** Fields each kind of file must map; the others are optional. */
export const requiredPersonnelFields: Record<PersonnelFileKind, readonly PersonnelField[]> = {
  snapshot: ["service_number", "rank", "unit"],
  events: ["service_number", "event_type", "effective_date"],
};

/** `auto`: ISO is always read; d/m/y versus m/d/y is detected from the file and refused when ambiguous. */
export const dateFormats = ["auto", "iso", "dmy", "mdy"] as const;
export const dateFormat = z.enum(dateFormats);
export type DateFormat = z.infer<typeof dateFormat>;

/** `buddhist`: years are Thai Buddhist Era (2567 → 2024). */
export const yearEras = ["gregorian", "buddhist"] as const;
export const yearEra = z.enum(yearEras);
export type YearEra = z.infer<typeof yearEra>;

/** Legacy single-byte encodings an import can read besides UTF-8 and UTF-16. */
export const legacyEncodings = [
  "windows-1252",
  "windows-1251",
  "windows-874",
  "windows-1258",
] as const;
export const fileEncoding = z.enum(["auto", "utf-8", "utf-16le", "utf-16be", ...legacyEncodings]);
export type FileEncoding = z.infer<typeof fileEncoding>;

export const csvDelimiter = z.enum(["auto", ",", ";", "\t", "|"]);
export type CsvDelimiter = z.infer<typeof csvDelimiter>;

/** Source value (as written in the file, compared case- and space-insensitively) → register value. */
const valueMap = z.record(z.string().max(200), z.string().max(200));

/** How to read one HR system's files; saved under a name as a mapping template. */
export const personnelMapping = z.object({
  kind: personnelFileKind,
  /** Field → the header text of the column holding it (as written in the file). */
  columns: z.partialRecord(personnelField, z.string().min(1).max(200)),
  /** 1-based row holding the column names; null = detected. */
  headerRow: z.number().int().min(1).max(1000).nullable().default(null),
  /** XLSX only: the sheet to read; null = the first. */
  sheet: z.string().max(200).nullable().default(null),
  encoding: fileEncoding.default("auto"),
  delimiter: csvDelimiter.default("auto"),
  dateFormat: dateFormat.default("auto"),
  era: yearEra.default("gregorian"),
  /** Extra values for sex (→ F/M/X/U), rank, unit and role (→ code), event_type and reason. */
  valueMaps: z
    .object({
      sex: z.record(z.string().max(200), sex).optional(),
      rank: valueMap.optional(),
      unit: valueMap.optional(),
      role: valueMap.optional(),
      event_type: z.record(z.string().max(200), careerEventType).optional(),
      reason: valueMap.optional(),
    })
    .default({}),
});
export type PersonnelMapping = z.infer<typeof personnelMapping>;
export type PersonnelMappingInput = z.input<typeof personnelMapping>;

/** One run of an import: the mapping and, for a snapshot, the date it describes. */
export const personnelImportOptions = z.object({
  mapping: personnelMapping,
  /** Snapshot date (required for `snapshot`): the day the rows describe. */
  asOf: isoDate.nullable().default(null),
  fileName: z.string().max(300).default("upload"),
  /**
   * Snapshot only: the unit whose subtree the file lists completely (its serving officers absent
   * from the file have left). null = the smallest subtree holding every unit named in the file.
   */
  coverageUnit: z.string().max(64).nullable().default(null),
});
export type PersonnelImportOptions = z.infer<typeof personnelImportOptions>;
export type PersonnelImportOptionsInput = z.input<typeof personnelImportOptions>;

export const detectedDateFormat = z.enum(["iso", "dmy", "mdy", "ambiguous", "none"]);

/** What inspecting a file tells the mapping screen. */
export const personnelInspection = z.object({
  format: z.enum(["csv", "xlsx"]),
  /** CSV: the encoding read (detected or chosen). */
  encoding: z.string().nullable(),
  /** CSV: the delimiter read (detected or chosen). */
  delimiter: z.string().nullable(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  /** Up to 20 rows under the header, as text, cells aligned with `headers`. */
  preview: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  /** The mapping to start from: a saved template's, or one guessed from the header names. */
  suggested: personnelMapping,
  /** What the date columns in the preview look like. */
  dateFormat: detectedDateFormat,
});
export type PersonnelInspection = z.infer<typeof personnelInspection>;

/** Derived or imported events of one type, counted by the person's sex. */
export const eventCountsBySex = z.object({
  type: careerEventType,
  F: z.number().int(),
  M: z.number().int(),
  X: z.number().int(),
  U: z.number().int(),
  total: z.number().int(),
});
export type EventCountsBySex = z.infer<typeof eventCountsBySex>;

export const MAX_REPORTED_ERRORS = 10_000;

/**
 * `invalid`: nothing written (see `errors`, the first MAX_REPORTED_ERRORS of `errorCount`).
 * `validated`: a dry run that would succeed with these counts. `imported`: committed.
 * `unchanged`: the file matches the register; nothing to write. `cancelled`: stopped, nothing written.
 */
export const personnelImportReport = z.object({
  outcome: z.enum(["invalid", "validated", "imported", "unchanged", "cancelled"]),
  isDryRun: z.boolean(),
  kind: personnelFileKind,
  fileSha256: z.string(),
  /** Data rows read (blank rows not counted). */
  rows: z.number().int(),
  personsCreated: z.number().int(),
  eventsCreated: z.number().int(),
  /** Events written (or that would be), by type and sex: the review before commit. */
  events: z.array(eventCountsBySex),
  errorCount: z.number().int(),
  errors: z.array(rowErrorSchema),
  batchId: z.number().int().nullable(),
  /** Snapshot only: the subtree the file was taken to list completely. */
  coverage: z
    .object({
      code: z.string(),
      name: z.string(),
      /** Officers the register has serving there on the as-of date (the exits' denominator). */
      serving: z.number().int(),
    })
    .nullable(),
  durationMs: z.number().int(),
});
export type PersonnelImportReport = z.infer<typeof personnelImportReport>;

export const importPhases = ["reading", "writing", "deriving"] as const;

/** Sent as server-sent events while an import runs (and drawn as the CLI's progress bar). */
export const importProgress = z.object({
  phase: z.enum(importPhases),
  /** 0–100, from bytes read (reading) or persons processed (deriving). */
  percent: z.number(),
  rows: z.number().int(),
  rowsPerSecond: z.number(),
});
export type ImportProgress = z.infer<typeof importProgress>;

/** A rank, role or unit as a value map can name it: by code, shown with its name. */
const referenceOption = z.object({ code: z.string(), name: z.string() });

/**
 * What a file's unrecognised values can be mapped to: the register's ranks (in order) and roles,
 * and the open units in the caller's scope (the only ones a file may name).
 */
export const personnelReferenceValues = z.object({
  ranks: z.array(referenceOption),
  roles: z.array(referenceOption),
  units: z.array(referenceOption.extend({ id: z.number().int() })),
});
export type PersonnelReferenceValues = z.infer<typeof personnelReferenceValues>;

export const mappingTemplate = z.object({
  name: z.string().min(1).max(80),
  mapping: personnelMapping,
  updatedAt: z.string(),
});
export type MappingTemplate = z.infer<typeof mappingTemplate>;
