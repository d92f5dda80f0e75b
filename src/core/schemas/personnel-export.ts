/** The register export (issue 5): the register as of a date, or its event history, as CSV or XLSX. */
import { z } from "zod";
import { calendarDate } from "./common";

export const exportKinds = ["personnel", "events"] as const;
export const exportKind = z.enum(exportKinds);
export type ExportKind = z.infer<typeof exportKind>;

export const exportFormats = ["csv", "xlsx"] as const;
export const exportFormat = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof exportFormat>;

export const personnelExportQuery = z.object({
  /** The register as of this date (default: today); the history up to it. */
  at: calendarDate.optional(),
  /** An org unit: only people of its subtree (default: the caller's whole scope). */
  unit: z.coerce.number().int().positive().optional(),
  format: exportFormat.default("csv"),
});
export type PersonnelExportQuery = z.infer<typeof personnelExportQuery>;

/** `tandem-personnel-2025-06-30.xlsx`: the download's name, also the CLI's default output file. */
export function exportFileName(kind: ExportKind, at: string, format: ExportFormat): string {
  return `tandem-${kind}-${at}.${format}`;
}
