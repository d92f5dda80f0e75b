/**
 * Reads one row of a personnel file (snapshot or events) through its column mapping into a typed
 * register row, or into every error the row has. Pure and allocation-lean: the pipeline calls
 * `read` once per row, a million times for a national file.
 */
import {
  requiredPersonnelFields,
  type PersonnelField,
  type PersonnelMapping,
} from "../schemas/personnel-import";
import type { Sex } from "../schemas/sex";
import type { CareerEventType } from "../schemas/workforce-events";
import { parseDateCell, type DateOrder, type DateReadOptions } from "./dates";
import { BIRTH_YEAR_MIN, parseBirthYear, parseServiceNumber } from "./numbers";
import {
  parseEventType,
  parseReason,
  reasonsFor,
  type EventReason,
  type ReferenceMatcher,
} from "./reference-values";
import { rowError, type RowError } from "./row-error";
import { parseSex } from "./sex-values";
import { cellText, isFormulaCell, type SourceCell, type SourceRow } from "./table";
import { errorValue, isBlankCell } from "./values";

export interface PersonnelRow {
  readonly row: number;
  readonly serviceNumber: string;
  /** `U` when the cell is blank or no column is mapped to sex. */
  readonly sex: Sex;
  /** From the year-of-birth column, else from the birth date. */
  readonly birthYear: number | null;
  readonly rankId: number | null;
  readonly unitId: number | null;
  readonly roleId: number | null;
  readonly hireDate: string | null;
  readonly eventType: CareerEventType | null;
  readonly effectiveDate: string | null;
  /** Leave and exit only: from the reason column, or implied by the event ("retired"). */
  readonly reason: EventReason | null;
}

export type PersonnelRowResult =
  | { readonly ok: true; readonly value: PersonnelRow }
  | { readonly ok: false; readonly errors: RowError[] }
  | { readonly ok: "blank" };

export interface PersonnelReferenceMatchers {
  readonly rank: ReferenceMatcher;
  /** Units in the importing user's scope only. */
  readonly unit: ReferenceMatcher;
  readonly role: ReferenceMatcher;
}

export interface PersonnelRowReaderOptions {
  readonly mapping: PersonnelMapping;
  /** The file's column names, as read from the header row. */
  readonly headers: readonly string[];
  readonly headerRow: number;
  /** From `resolveDateFormat`. */
  readonly resolvedDateFormat: DateOrder;
  readonly refs: PersonnelReferenceMatchers;
  /** ISO date from the caller (core has no clock): no date may lie after it. */
  readonly today: string;
  /** Snapshot date: nobody in the snapshot can have been hired after it. */
  readonly asOf: string | null;
}

export interface PersonnelRowReader {
  /** Problems of the mapping itself, reported on the header row; read nothing if there are any. */
  checkMapping(): RowError[];
  read(source: SourceRow): PersonnelRowResult;
}

/** What an event of each type must carry besides the service number, type and date. */
const EVENT_NEEDS: Readonly<
  Record<CareerEventType, readonly ("rank" | "unit" | "role" | "reason")[]>
> = {
  hire: ["rank", "unit"],
  promotion: ["rank"],
  demotion: ["rank"],
  transfer: ["unit"],
  role_change: ["role"],
  leave_start: ["reason"],
  leave_end: [],
  exit: ["reason"],
};

/** No one is hired, promoted or moved before this age; an earlier date is a wrong date or birth year. */
export const MIN_SERVICE_AGE = 15;

const NO_NEEDS: readonly never[] = [];

/** Distinct values remembered per column parser: plenty for sexes, years, dates and event words. */
const PARSE_CACHE_LIMIT = 20_000;

/** A parser that reads each distinct text or number once: columns repeat a few values a million times. */
function memoise<R>(parse: (cell: SourceCell) => R): (cell: SourceCell) => R {
  const cache = new Map<string | number, R>();
  return (cell) => {
    if (typeof cell !== "string" && typeof cell !== "number") return parse(cell);
    let result = cache.get(cell);
    if (result === undefined) {
      result = parse(cell);
      if (cache.size < PARSE_CACHE_LIMIT) cache.set(cell, result);
    }
    return result;
  };
}

/** A mapped field and where it is: `label` is the file's column name, `index` -1 when unmapped. */
interface Column {
  readonly field: PersonnelField;
  readonly label: string;
  readonly index: number;
}

const BLANK: PersonnelRowResult = Object.freeze({ ok: "blank" });

/** Columns whose name is `header`: exactly as written, else the same once trimmed. */
function columnsNamed(headers: readonly string[], header: string): number[] {
  const exact = headers.flatMap((name, i) => (name === header ? [i] : []));
  if (exact.length > 0) return exact;
  const trimmed = header.trim();
  return headers.flatMap((name, i) => (name.trim() === trimmed ? [i] : []));
}

/**
 * Builds the reader of one file. Rules per row: every problem is reported (column = the file's
 * column name, value = the cell as text); formula cells are refused; required fields follow the
 * kind (snapshot: service number, rank, unit; events: service number, type, date, and rank and
 * unit for a hire, rank for a promotion or demotion, unit for a transfer, role for a role change,
 * reason for a leave or an exit); no date after `today`; in a snapshot no hire after `asOf`; no
 * hire or event before the person was MIN_SERVICE_AGE. A row with every mapped cell blank is
 * `{ ok: "blank" }`.
 */
export function createPersonnelRowReader(options: PersonnelRowReaderOptions): PersonnelRowReader {
  const { mapping, headers, headerRow, refs, today, asOf } = options;
  const maps = mapping.valueMaps;
  const dateOptions: DateReadOptions = { format: options.resolvedDateFormat, era: mapping.era };
  const isSnapshot = mapping.kind === "snapshot";

  const columnFor = (field: PersonnelField): Column => {
    const header = mapping.columns[field];
    const [index] = header === undefined ? [] : columnsNamed(headers, header);
    return { field, label: header ?? field, index: index ?? -1 };
  };
  const cols: Readonly<Record<PersonnelField, Column>> = {
    service_number: columnFor("service_number"),
    sex: columnFor("sex"),
    birth_year: columnFor("birth_year"),
    birth_date: columnFor("birth_date"),
    rank: columnFor("rank"),
    unit: columnFor("unit"),
    role: columnFor("role"),
    hire_date: columnFor("hire_date"),
    event_type: columnFor("event_type"),
    effective_date: columnFor("effective_date"),
    reason: columnFor("reason"),
  };
  const readColumns = [...new Set(Object.values(cols).map((c) => c.index))].filter((i) => i >= 0);
  const readSex = memoise((cell) => parseSex(cell, maps.sex));
  const readYear = memoise((cell) => parseBirthYear(cell, mapping.era, today));
  const readDateCell = memoise((cell) => parseDateCell(cell, dateOptions));
  const readEventType = memoise((cell) => parseEventType(cell, maps.event_type));

  // State of the row being read: read() is synchronous, so one set serves every row.
  let rowNumber = 0;
  let cells: readonly SourceCell[] = [];
  let errors: RowError[] | null = null;

  /** The cell of a column: undefined when the field has no column, null when the row is short. */
  const cellOf = (column: Column): SourceCell | undefined =>
    column.index < 0 ? undefined : (cells[column.index] ?? null);
  const report = (column: Column, code: string) => {
    (errors ??= []).push(rowError(rowNumber, column.label, errorValue(cellOf(column)), code));
  };
  const reportMissing = (column: Column) => {
    report(column, column.index < 0 ? "missing_column" : "required");
  };

  /** null: blank or unmapped; undefined: wrong (reported). */
  const readReference = (column: Column, matcher: ReferenceMatcher): number | null | undefined => {
    const cell = cellOf(column);
    if (cell === undefined || isBlankCell(cell)) return null;
    if (typeof cell === "object" && cell !== null && isFormulaCell(cell)) {
      report(column, "formula_cell");
      return undefined;
    }
    const match = matcher(cellText(cell).trim());
    if (typeof match === "number") return match;
    report(column, `${match === "ambiguous" ? "ambiguous" : "unknown"}_${column.field}`);
    return undefined;
  };

  /** null: blank or unmapped; undefined: wrong (reported). */
  const readDate = (column: Column): string | null | undefined => {
    const cell = cellOf(column);
    if (cell === undefined || isBlankCell(cell)) return null;
    const result = readDateCell(cell);
    if (!result.ok) {
      report(column, result.code);
      return undefined;
    }
    if (result.date > today) {
      report(column, "date_in_future");
      return undefined;
    }
    return result.date;
  };

  let birthYear: number | null = null;
  let birthDate: string | null = null;
  let isBirthValid = true;

  /** Sets birthYear, birthDate and isBirthValid from the year and date of birth columns. */
  const readBirth = () => {
    birthYear = null;
    birthDate = null;
    isBirthValid = true;
    const yearCell = cellOf(cols.birth_year);
    if (yearCell !== undefined && !isBlankCell(yearCell)) {
      const result = readYear(yearCell);
      if (result.ok) birthYear = result.value;
      else {
        report(cols.birth_year, result.code);
        isBirthValid = false;
      }
    }
    const date = readDate(cols.birth_date);
    if (date === undefined) isBirthValid = false;
    if (!date) return;
    const year = Number(date.slice(0, 4));
    if (year < BIRTH_YEAR_MIN) {
      report(cols.birth_date, "invalid_birth_year");
      isBirthValid = false;
    } else if (birthYear !== null && birthYear !== year) {
      report(cols.birth_year, "birth_year_mismatch");
      isBirthValid = false;
    } else {
      birthYear = year;
      birthDate = date;
    }
  };

  const checkServiceAge = (column: Column, date: string | null | undefined) => {
    if (!date || !isBirthValid || birthYear === null) return;
    const age = Number(date.slice(0, 4)) - birthYear;
    const isTooYoung =
      age < MIN_SERVICE_AGE ||
      (age === MIN_SERVICE_AGE && birthDate !== null && date.slice(5) < birthDate.slice(5));
    if (isTooYoung) report(column, "event_before_birth");
  };

  /** The reason of a leave or exit: the column's, else the one the event word implies. */
  const readReason = (
    type: CareerEventType,
    implied: EventReason | null,
  ): EventReason | null | undefined => {
    if (reasonsFor(type).length === 0) return null;
    const cell = cellOf(cols.reason);
    if (cell === undefined || isBlankCell(cell)) return implied;
    const result = parseReason(type, cell, maps.reason);
    if (!result.ok) {
      report(cols.reason, result.code);
      return undefined;
    }
    if (implied !== null && result.value !== implied) {
      report(cols.reason, "reason_conflict");
      return undefined;
    }
    return result.value;
  };

  const readRow = (): PersonnelRowResult => {
    let serviceNumber = "";
    const serviceCell = cellOf(cols.service_number);
    if (serviceCell === undefined) reportMissing(cols.service_number);
    else {
      const result = parseServiceNumber(serviceCell);
      if (result.ok) serviceNumber = result.value;
      else report(cols.service_number, result.code);
    }

    let sex: Sex = "U";
    const sexCell = cellOf(cols.sex);
    if (sexCell !== undefined) {
      const result = readSex(sexCell);
      if (result.ok) sex = result.value;
      else report(cols.sex, result.code);
    }

    readBirth();
    const rankId = readReference(cols.rank, refs.rank);
    const unitId = readReference(cols.unit, refs.unit);
    const roleId = readReference(cols.role, refs.role);
    const hireDate = readDate(cols.hire_date);
    if (isSnapshot && hireDate && asOf !== null && hireDate > asOf)
      report(cols.hire_date, "hire_after_as_of");

    let eventType: CareerEventType | null = null;
    let reason: EventReason | null | undefined = null;
    const typeCell = cellOf(cols.event_type);
    if (typeCell !== undefined && !isBlankCell(typeCell)) {
      const result = readEventType(typeCell);
      if (result.ok) {
        eventType = result.type;
        reason = readReason(result.type, result.reason);
      } else report(cols.event_type, result.code);
    } else if (!isSnapshot) reportMissing(cols.event_type);
    const effectiveDate = readDate(cols.effective_date);

    if (isSnapshot) {
      if (rankId === null) reportMissing(cols.rank);
      if (unitId === null) reportMissing(cols.unit);
    } else {
      if (effectiveDate === null) reportMissing(cols.effective_date);
      for (const field of eventType ? EVENT_NEEDS[eventType] : NO_NEEDS) {
        const value =
          field === "rank"
            ? rankId
            : field === "unit"
              ? unitId
              : field === "role"
                ? roleId
                : reason;
        if (value === null) reportMissing(cols[field]);
      }
    }
    checkServiceAge(cols.hire_date, hireDate);
    checkServiceAge(cols.effective_date, effectiveDate);

    if (errors !== null) return { ok: false, errors };
    return {
      ok: true,
      value: {
        row: rowNumber,
        serviceNumber,
        sex,
        birthYear,
        rankId: rankId ?? null,
        unitId: unitId ?? null,
        roleId: roleId ?? null,
        hireDate: hireDate ?? null,
        eventType,
        effectiveDate: effectiveDate ?? null,
        reason: reason ?? null,
      },
    };
  };

  return {
    checkMapping() {
      const problems = requiredPersonnelFields[mapping.kind]
        .filter((field) => mapping.columns[field] === undefined)
        .map((field) => rowError(headerRow, field, null, "missing_column"));
      for (const header of new Set(Object.values(mapping.columns))) {
        const found = columnsNamed(headers, header).length;
        if (found === 0) problems.push(rowError(headerRow, header, null, "column_not_in_file"));
        if (found > 1) problems.push(rowError(headerRow, header, header, "duplicate_column"));
      }
      return problems;
    },

    read(source) {
      cells = source.cells;
      let isBlank = true;
      for (const index of readColumns) {
        if (!isBlankCell(cells[index])) {
          isBlank = false;
          break;
        }
      }
      if (isBlank) return BLANK;
      rowNumber = source.row;
      errors = null;
      return readRow();
    },
  };
}
