import type { Writable } from "node:stream";
import { AppError } from "../../../core/errors";
import {
  exportFileName,
  type ExportFormat,
  type ExportKind,
} from "../../../core/schemas/personnel-export";
import {
  eventExportRow,
  exportColumns,
  personnelExportRow,
  type ExportCell,
  type ExportColumn,
} from "../../../core/workforce/register-export";
import type { AuditActor, AuditRecorder } from "../../audit/recorder";
import { isPathInScope, type Scope } from "../../http/scope";
import { csvChunks, writeXlsx } from "./export-writers";
import type { OrgUnitsRepository } from "../org-units/org-units.repository";
import type { ExportQuery, PersonnelExportRepository } from "./personnel-export.repository";

export interface ExportRequest {
  readonly kind: ExportKind;
  readonly format: ExportFormat;
  /** Default: today. */
  readonly at?: string;
  /** The unit filter, by id (HTTP) or code (CLI); default: the whole scope. */
  readonly unit?: { id: number } | { code: string };
}

/** An export that has been checked and recorded; writing it streams from the database. */
export interface OpenedExport {
  readonly fileName: string;
  readonly contentType: string;
  /** CSV only: the file as text chunks (UTF-8 with BOM). */
  csv(): AsyncGenerator<string>;
  /** XLSX only: writes the workbook to `output` (not closed on failure). */
  writeXlsx(output: Writable): Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export function createPersonnelExportService(deps: {
  repo: PersonnelExportRepository;
  orgUnits: OrgUnitsRepository;
  audit: AuditRecorder;
  today: () => string;
}) {
  function rowsOf(kind: ExportKind, query: ExportQuery): AsyncGenerator<ExportCell[]> {
    return kind === "personnel"
      ? (async function* () {
          for await (const r of deps.repo.streamRegister(query)) yield personnelExportRow(r);
        })()
      : (async function* () {
          for await (const e of deps.repo.streamEvents(query)) yield eventExportRow(e);
        })();
  }

  return {
    /**
     * Checks the request against the scope (a unit outside it reads as absent) and records the
     * export in the audit trail before the first byte leaves: a download that is not on record
     * cannot happen.
     */
    async open(scope: Scope, request: ExportRequest, actor: AuditActor): Promise<OpenedExport> {
      const at = request.at ?? deps.today();
      const key = request.unit;
      const unit =
        key === undefined
          ? undefined
          : "id" in key
            ? await deps.orgUnits.findById(key.id)
            : await deps.orgUnits.findByCode(key.code);
      if (key !== undefined && (!unit || !isPathInScope(scope, unit.path))) {
        const id = "id" in key ? key.id : key.code;
        throw new AppError("org_unit.not_found", { id });
      }
      const columns: readonly ExportColumn[] = exportColumns[request.kind];
      await deps.audit.record({
        actor,
        action: "personnel.export",
        entityType: request.kind === "personnel" ? "persons" : "career_events",
        entityId: `${request.format}:${at}`,
        orgUnitId: unit?.id ?? null,
        fields: columns.map((c) => c.name),
        outcome: "success",
      });
      const query: ExportQuery = { scope, at, ...(unit ? { unitPath: unit.path } : {}) };
      return {
        fileName: exportFileName(request.kind, at, request.format),
        contentType: CONTENT_TYPES[request.format],
        csv: () => csvChunks(columns, rowsOf(request.kind, query)),
        writeXlsx: (output) =>
          writeXlsx(output, request.kind, columns, rowsOf(request.kind, query)),
      };
    },
  };
}

export type PersonnelExportService = ReturnType<typeof createPersonnelExportService>;
