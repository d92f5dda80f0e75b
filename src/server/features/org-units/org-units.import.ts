import { AppError, isAppError } from "../../../core/errors";
import { readCsv } from "../../../core/import/read-csv";
import { rowError, type RowError } from "../../../core/import/row-error";
import { planChange, planMove } from "../../../core/org-units/history";
import {
  ORG_UNIT_COLUMNS,
  planOrgUnitImport,
  type PlannedUnit,
} from "../../../core/org-units/import-rows";
import type { ImportReport } from "../../../core/schemas/import";
import type { AuditActor, AuditRecorder } from "../../audit/recorder";
import type { Scope } from "../../http/scope";
import type { OrgUnitHistoryRepository } from "./org-unit-history.repository";
import type { OrgUnitsRepository } from "./org-units.repository";

/** Thrown inside the transaction of a dry run, so that everything it wrote is rolled back. */
class DryRunDone extends Error {}

/** A write refused by the database layer (history conflict, …), tied to the row that caused it. */
class RowFailure extends Error {
  constructor(readonly error: RowError) {
    super(error.code);
  }
}

const report = (
  outcome: ImportReport["outcome"],
  rows: number,
  isDryRun: boolean,
  counts: { created?: number; updated?: number; unchanged?: number } = {},
  errors: RowError[] = [],
): ImportReport => ({
  outcome,
  isDryRun,
  rows,
  created: counts.created ?? 0,
  updated: counts.updated ?? 0,
  unchanged: counts.unchanged ?? 0,
  errors,
});

/**
 * Imports an org-unit tree from CSV, all or nothing: the file is read and validated as a whole,
 * then every row is written in one transaction (a dry run rolls it back). New codes open units,
 * known codes update them from today (with history); units absent from the file are untouched.
 */
export function createOrgUnitImporter(deps: {
  repo: OrgUnitsRepository;
  audit: AuditRecorder;
  today: () => string;
}) {
  const run = async (input: ImportInput): Promise<ImportReport> => {
    const { records, errors } = readCsv(input.bytes, ORG_UNIT_COLUMNS);
    const rows = records.length;
    if (errors.length) return report("invalid", rows, input.isDryRun, {}, errors);
    const today = deps.today();
    const existing = await deps.repo.listForImport(input.scope);
    const plan = planOrgUnitImport(records, existing, today);
    if (!plan.ok) return report("invalid", rows, input.isDryRun, {}, plan.errors);
    const counts = {
      created: plan.units.filter((u) => u.change === "create").length,
      updated: plan.units.filter((u) => u.change === "update").length,
      unchanged: plan.units.filter((u) => u.change === "unchanged").length,
    };
    if (counts.created + counts.updated === 0)
      return report("unchanged", rows, input.isDryRun, counts);

    const ids = new Map(existing.map((u) => [u.code, u.id]));
    let written: Array<{ unit: PlannedUnit; id: number }>;
    try {
      written = await deps.repo.transaction(async (history) => {
        const done: Array<{ unit: PlannedUnit; id: number }> = [];
        for (const unit of plan.units) {
          if (unit.change === "unchanged") continue;
          const id = await writeRow(history, unit, ids, today).catch((error: unknown) => {
            if (!isAppError(error)) throw error;
            throw new RowFailure(
              rowError(unit.row, null, null, error.code.replace(/^[a-z_]+\./, "")),
            );
          });
          ids.set(unit.code, id);
          done.push({ unit, id });
        }
        if (input.isDryRun) throw new DryRunDone();
        return done;
      });
    } catch (error) {
      if (error instanceof DryRunDone) return report("validated", rows, true, counts);
      if (error instanceof RowFailure)
        return report("invalid", rows, input.isDryRun, {}, [error.error]);
      throw error;
    }
    for (const { unit, id } of written) {
      await deps.audit.record({
        actor: input.actor,
        action: unit.change === "create" ? "org_unit.create" : "org_unit.update",
        entityType: "org_unit",
        entityId: String(id),
        orgUnitId: id,
        fields: ["code", "name", "kind", "specialisation", "parent_id", "opened_on"],
        outcome: "success",
      });
    }
    return report("imported", rows, false, counts);
  };

  /** Every import that writes, or was refused, leaves one summary entry beside the per-unit ones. */
  return async (input: ImportInput): Promise<ImportReport> => {
    const result = await run(input);
    if (!input.isDryRun && (result.outcome === "imported" || result.outcome === "invalid")) {
      await deps.audit.record({
        actor: input.actor,
        action: "org_unit.import",
        entityType: "import",
        entityId: null,
        orgUnitId: null,
        fields: [...ORG_UNIT_COLUMNS.required, ...ORG_UNIT_COLUMNS.optional],
        outcome: result.outcome === "imported" ? "success" : "failure",
      });
    }
    return result;
  };
}

interface ImportInput {
  readonly bytes: Uint8Array;
  readonly scope: Scope;
  readonly actor: AuditActor;
  readonly isDryRun: boolean;
}

async function writeRow(
  history: OrgUnitHistoryRepository,
  unit: PlannedUnit,
  ids: ReadonlyMap<string, number>,
  today: string,
): Promise<number> {
  const parentId = unit.parentCode === null ? null : (ids.get(unit.parentCode) ?? null);
  const parent = parentId === null ? undefined : await history.currentVersion(parentId);
  if (unit.change === "create") {
    if (!parent) throw new AppError("org_unit.not_found", { code: unit.parentCode });
    const created = await history.insertUnit({
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      specialisation: unit.specialisation,
      parent: { id: parent.orgUnitId, path: parent.path },
      openedOn: unit.openedOn ?? today,
    });
    return created.id;
  }
  const id = unit.existingId ?? 0;
  const current = await history.currentVersion(id);
  if (!current) throw new AppError("org_unit.not_found", { id });
  if (parent && current.parentId !== parent.orgUnitId) {
    const { writes } = planMove(
      await history.currentSubtree(current.path),
      id,
      { id: parent.orgUnitId, path: parent.path },
      today,
    );
    await history.apply(writes, today);
  }
  const moved = await history.currentVersion(id);
  const writes = planChange(moved ? [moved] : [], today, (state) => ({
    ...state,
    name: unit.name,
    kind: unit.kind,
    specialisation: unit.specialisation,
  }));
  await history.apply(writes, today);
  return id;
}
