import { AUDIT_LOG_COLUMNS } from "../../../core/audit/chain";
import { spreadsheetCsvLine } from "../../../core/csv/spreadsheet-safe";
import { AppError } from "../../../core/errors";
import type { AuditFilters, AuditListQuery, AuditPage } from "../../../core/schemas/audit";
import type { AuditActor, AuditRecorder } from "../../audit/recorder";
import { isPathInScope, type Scope } from "../../http/scope";
import type { AuditQuery, AuditRecord, AuditRepository } from "./audit.repository";

/** Columns of the CSV export, in order; also the field names recorded for the export itself. */
export const AUDIT_CSV_COLUMNS = AUDIT_LOG_COLUMNS;

function csvRow(e: AuditRecord): string {
  return spreadsheetCsvLine([
    e.id,
    e.occurredAt,
    e.actorUserId,
    e.actorUsername,
    e.action,
    e.entityType,
    e.entityId,
    e.orgUnitId,
    e.fields.join(" "),
    e.outcome,
    e.ip,
    e.userAgent,
    e.prevHash,
    e.hash,
  ]);
}

export function createAuditService(deps: { repo: AuditRepository; audit: AuditRecorder }) {
  /** Resolves the unit filter; a unit outside the scope reads as absent (as elsewhere). */
  async function toQuery(scope: Scope, filters: AuditFilters): Promise<AuditQuery> {
    const { unit, ...rest } = filters;
    if (unit === undefined) return { filters: rest, scope };
    const unitPath = await deps.repo.findUnitPath(unit);
    if (unitPath === undefined || !isPathInScope(scope, unitPath)) {
      throw new AppError("org_unit.not_found", { id: unit });
    }
    return { filters: rest, scope, unitPath };
  }

  const recordAccess = (actor: AuditActor, action: string, fields: readonly string[]) =>
    deps.audit.record({
      actor,
      action,
      entityType: "audit_log",
      entityId: null,
      orgUnitId: null,
      fields,
      outcome: "success",
    });

  return {
    /** One page, newest first. Browsing the trail is itself recorded, after the page is read. */
    async list(scope: Scope, query: AuditListQuery, actor: AuditActor): Promise<AuditPage> {
      const { before, limit, ...filters } = query;
      const rows = await deps.repo.list(await toQuery(scope, filters), {
        limit: limit + 1,
        ...(before === undefined ? {} : { before }),
      });
      const entries = rows.slice(0, limit).map(({ prevHash: _prevHash, ...entry }) => entry);
      const last = entries.at(-1);
      await recordAccess(actor, "audit.read", []);
      return { entries, nextBefore: rows.length > limit && last ? last.id : null };
    },

    /**
     * The CSV export (header line first), streamed. The export is recorded before the first byte
     * leaves, so a download that is not on record cannot happen.
     */
    async exportCsv(
      scope: Scope,
      filters: AuditFilters,
      actor: AuditActor,
    ): Promise<AsyncGenerator<string>> {
      const query = await toQuery(scope, filters);
      await recordAccess(actor, "audit.export", AUDIT_CSV_COLUMNS);
      const rows = deps.repo.stream(query);
      return (async function* () {
        yield spreadsheetCsvLine(AUDIT_CSV_COLUMNS);
        for await (const row of rows) yield csvRow(row);
      })();
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
