/**
 * Columns and rows of the register exports, independent of the file format: the CSV and XLSX
 * writers turn each cell into text, a number, a date or a boolean by its column's kind.
 */
import type { ExportKind } from "../schemas/personnel-export";

export type ExportCell = string | number | boolean | null;
export type ExportColumnKind = "text" | "number" | "date" | "boolean";

export interface ExportColumn {
  readonly name: string;
  readonly kind: ExportColumnKind;
}

const text = (name: string): ExportColumn => ({ name, kind: "text" });

/** One row per person in post on the date. */
export const personnelExportColumns: readonly ExportColumn[] = [
  text("service_number"),
  text("sex"),
  { name: "birth_year", kind: "number" },
  text("rank_code"),
  text("rank_name"),
  text("rank_group"),
  text("unit_code"),
  text("unit_name"),
  text("role_code"),
  text("role_name"),
  { name: "leadership", kind: "boolean" },
  { name: "on_leave", kind: "boolean" },
  { name: "hire_date", kind: "date" },
];

/** One row per career event, retracted ones included and marked. */
export const eventExportColumns: readonly ExportColumn[] = [
  text("service_number"),
  text("sex"),
  text("event_type"),
  { name: "effective_date", kind: "date" },
  text("rank_code"),
  text("rank_name"),
  text("unit_code"),
  text("unit_name"),
  { name: "unit_outside_scope", kind: "boolean" },
  text("role_code"),
  text("role_name"),
  text("reason"),
  { name: "retracted", kind: "boolean" },
  text("retraction_reason"),
  { name: "import_batch_id", kind: "number" },
];

export const exportColumns: Readonly<Record<ExportKind, readonly ExportColumn[]>> = {
  personnel: personnelExportColumns,
  events: eventExportColumns,
};

export interface PersonnelExportRecord {
  readonly serviceNumber: string;
  readonly sex: string;
  readonly birthYear: number | null;
  readonly rankCode: string;
  readonly rankName: string;
  readonly rankGroup: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly roleCode: string | null;
  readonly roleName: string | null;
  readonly isLeadership: boolean;
  readonly onLeave: boolean;
  /** The latest hire on or before the date (a re-hire after an exit counts). */
  readonly hireDate: string | null;
}

export interface EventExportRecord {
  readonly serviceNumber: string;
  readonly sex: string;
  readonly type: string;
  readonly date: string;
  readonly rankCode: string | null;
  readonly rankName: string | null;
  /** Null when the event leaves the unit unchanged or the unit is outside the exporter's scope. */
  readonly unitCode: string | null;
  readonly unitName: string | null;
  readonly isUnitOutsideScope: boolean;
  readonly roleCode: string | null;
  readonly roleName: string | null;
  readonly reason: string | null;
  readonly isRetracted: boolean;
  readonly retractionReason: string | null;
  readonly importBatchId: number | null;
}

export function personnelExportRow(r: PersonnelExportRecord): ExportCell[] {
  return [
    r.serviceNumber,
    r.sex,
    r.birthYear,
    r.rankCode,
    r.rankName,
    r.rankGroup,
    r.unitCode,
    r.unitName,
    r.roleCode,
    r.roleName,
    r.isLeadership,
    r.onLeave,
    r.hireDate,
  ];
}

export function eventExportRow(r: EventExportRecord): ExportCell[] {
  return [
    r.serviceNumber,
    r.sex,
    r.type,
    r.date,
    r.rankCode,
    r.rankName,
    r.unitCode,
    r.unitName,
    r.isUnitOutsideScope,
    r.roleCode,
    r.roleName,
    r.reason,
    r.isRetracted,
    r.retractionReason,
    r.importBatchId,
  ];
}
