import { AppError } from "../../../core/errors";
import type {
  CreateTargetInput,
  PublishedTargetProgressList,
  RepresentationTarget,
  TargetProgressList,
  TargetQuery,
  UpdateTargetInput,
} from "../../../core/schemas/targets";
import { TARGET_YEAR_MAX, TARGET_YEAR_MIN } from "../../../core/schemas/targets";
import { DEFAULT_SDC_THRESHOLD } from "../../../core/sdc/suppress";
import { parseSharePercent } from "../../../core/targets/share-percent";
import { recordWrite } from "../../audit/record-write";
import type { AuditActor, AuditRecorder } from "../../audit/recorder";
import { isPathInScope, type Scope } from "../../http/scope";
import { computeProgress, protectRow, type HeadcountSource } from "./target-progress";
import type {
  TargetRow,
  TargetsRepository,
  TargetsWriter,
  TargetValues,
} from "./targets.repository";

/** API field → column, for the audit trail (field names only, never values). */
const columns: Readonly<Record<keyof CreateTargetInput, keyof TargetValues>> = {
  unitId: "org_unit_id",
  rankGroupId: "rank_group_id",
  targetYear: "target_year",
  sharePercent: "target_share_bp",
  note: "note",
};
const fieldsOf = (input: UpdateTargetInput) =>
  (Object.keys(input) as Array<keyof CreateTargetInput>).map((key) => columns[key]);

/** The API shape of a stored target; its plan (and straight line) starts on 1 January of the year it was set. */
export function toTarget(row: TargetRow): RepresentationTarget {
  return {
    id: row.id,
    unit: { id: row.unitId, code: row.unitCode, name: row.unitName },
    rankGroup:
      row.rankGroupId === null
        ? null
        : { id: row.rankGroupId, code: row.rankGroupCode ?? "", name: row.rankGroupName ?? "" },
    targetYear: row.targetYear,
    shareBasisPoints: row.shareBasisPoints,
    note: row.note,
    planStart: `${row.createdAt.getUTCFullYear()}-01-01`,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function readShare(value: string | number): number {
  const basisPoints = parseSharePercent(value);
  if (basisPoints === null)
    throw new AppError("target.share_invalid", { field: "sharePercent", value: String(value) });
  return basisPoints;
}

function readYear(year: number): number {
  if (year < TARGET_YEAR_MIN || year > TARGET_YEAR_MAX) {
    throw new AppError("target.year_invalid", {
      field: "targetYear",
      value: String(year),
      min: String(TARGET_YEAR_MIN),
      max: String(TARGET_YEAR_MAX),
    });
  }
  return year;
}

const readNote = (note: string | null | undefined) => (note ? note : null);

/**
 * Representation targets (INDICATORS.md §1.6: targets are data): a share of women per unit, rank
 * group (or all ranks) and year. Read with `targets.read` in the caller's subtree; written with
 * `targets.write`, held on the target's unit. Every write is audited, refusals too.
 */
export function createTargetsService(deps: {
  repo: TargetsRepository;
  audit: AuditRecorder;
  /** Headcount by rank group for a unit at a date (the indicator service), for the progress list. */
  headcount: HeadcountSource;
  today: () => string;
  now: () => Date;
  /** Disclosure-control threshold k for partner-viewers (INDICATORS.md §8; default 5). */
  sdcThreshold?: number;
}) {
  const { repo } = deps;
  const notFound = (id: number) => new AppError("target.not_found", { id });

  /** A unit in scope; out of scope reads as absent (the existence of other units is not disclosed). */
  const requireUnit = async (reader: Pick<TargetsWriter, "findUnit">, scope: Scope, id: number) => {
    const unit = await reader.findUnit(id);
    if (!unit || !isPathInScope(scope, unit.path)) throw new AppError("org_unit.not_found", { id });
    return unit;
  };
  const requireOpenUnit = async (writer: TargetsWriter, scope: Scope, id: number) => {
    const unit = await requireUnit(writer, scope, id);
    if (unit.isClosed) throw new AppError("org_unit.is_closed", { id, code: unit.code });
  };
  const requireRankGroup = async (writer: TargetsWriter, id: number | null) => {
    if (id !== null && !(await writer.findRankGroup(id)))
      throw new AppError("register.not_found", { entity: "rank_group", id });
  };
  const requireUnique = async (
    writer: TargetsWriter,
    values: TargetValues,
    exceptId: number | null,
  ) => {
    const existing = await writer.findDuplicate(values, exceptId);
    if (existing === undefined) return;
    const [unit, group] = await Promise.all([
      writer.findUnit(values.org_unit_id),
      values.rank_group_id === null ? undefined : writer.findRankGroup(values.rank_group_id),
    ]);
    throw new AppError("target.exists", {
      id: existing,
      unit: unit?.code ?? "",
      ranks: group ? "group" : "all",
      rankGroup: group?.code ?? "",
      targetYear: String(values.target_year),
    });
  };
  const target = async (id: number) => toTarget((await repo.findTarget(id)) ?? raise(notFound(id)));
  /** The unit is known once the write has found the target; `describe` adds it. */
  const entry = (actor: AuditActor, action: string, id: number | null, fields: string[]) => ({
    actor,
    action,
    entityType: "representation_target",
    entityId: id === null ? null : String(id),
    orgUnitId: null,
    fields,
  });

  /**
   * The targets of units in the caller's subtree — of `unitId`'s subtree when given (today's tree).
   * With `at`, only targets already set by then: set in the year of `at` or earlier, as a plan
   * starts on 1 January of the year it was set.
   */
  const listTargetsInScope = async (scope: Scope, query: { unitId?: number; at?: string }) => {
    const under =
      query.unitId === undefined ? undefined : await requireUnit(repo, scope, query.unitId);
    const year = query.at === undefined ? undefined : Number(query.at.slice(0, 4));
    const rows = await repo.listTargets(scope, {
      ...(under ? { underPath: under.path } : {}),
      ...(year === undefined ? {} : { adoptedBefore: new Date(Date.UTC(year + 1, 0, 1)) }),
    });
    return rows.map(toTarget);
  };

  return {
    listTargetsInScope,

    /** Each target in scope on `at` (default today) with its counts, share, gap and status. */
    async progressInScope(scope: Scope, query: TargetQuery): Promise<TargetProgressList> {
      const asOf = query.at ?? deps.today();
      const targets = await listTargetsInScope(scope, {
        ...(query.unit ? { unitId: query.unit } : {}),
        at: asOf,
      });
      return { asOf, targets: await computeProgress(scope, targets, asOf, deps.headcount) };
    },

    /** The progress list as a partner-viewer may see it: rows with a small count carry no figures. */
    forPartners(list: TargetProgressList): PublishedTargetProgressList {
      const k = deps.sdcThreshold ?? DEFAULT_SDC_THRESHOLD;
      return { asOf: list.asOf, targets: list.targets.map((row) => protectRow(row, k)) };
    },

    create(
      scope: Scope,
      actor: AuditActor,
      input: CreateTargetInput,
    ): Promise<RepresentationTarget> {
      return recordWrite(
        deps.audit,
        entry(actor, "target.create", null, Object.values(columns)),
        async () => {
          const values: TargetValues = {
            org_unit_id: input.unitId,
            rank_group_id: input.rankGroupId,
            target_year: readYear(input.targetYear),
            target_share_bp: readShare(input.sharePercent),
            note: readNote(input.note),
          };
          const id = await repo.transaction(async (writer) => {
            await requireOpenUnit(writer, scope, values.org_unit_id);
            await requireRankGroup(writer, values.rank_group_id);
            await requireUnique(writer, values, null);
            return writer.insertTarget(values, actor.userId, deps.now());
          });
          return target(id);
        },
        (created) => ({ entityId: String(created.id), orgUnitId: created.unit.id }),
      );
    },

    update(
      scope: Scope,
      actor: AuditActor,
      id: number,
      input: UpdateTargetInput,
    ): Promise<RepresentationTarget> {
      return recordWrite(
        deps.audit,
        entry(actor, "target.update", id, fieldsOf(input)),
        async () => {
          const changes: Partial<TargetValues> = {
            ...(input.unitId === undefined ? {} : { org_unit_id: input.unitId }),
            ...(input.rankGroupId === undefined ? {} : { rank_group_id: input.rankGroupId }),
            ...(input.targetYear === undefined ? {} : { target_year: readYear(input.targetYear) }),
            ...(input.sharePercent === undefined
              ? {}
              : { target_share_bp: readShare(input.sharePercent) }),
            ...(input.note === undefined ? {} : { note: readNote(input.note) }),
          };
          await repo.transaction(async (writer) => {
            const current = await writer.findTarget(id);
            if (!current || !isPathInScope(scope, current.unitPath)) throw notFound(id);
            const next: TargetValues = {
              org_unit_id: current.unitId,
              rank_group_id: current.rankGroupId,
              target_year: current.targetYear,
              target_share_bp: current.shareBasisPoints,
              note: current.note,
              ...changes,
            };
            if (next.org_unit_id !== current.unitId)
              await requireOpenUnit(writer, scope, next.org_unit_id);
            if (next.rank_group_id !== current.rankGroupId)
              await requireRankGroup(writer, next.rank_group_id);
            await requireUnique(writer, next, id);
            await writer.updateTarget(id, changes, actor.userId, deps.now());
          });
          return target(id);
        },
        (updated) => ({ orgUnitId: updated.unit.id }),
      );
    },

    remove(scope: Scope, actor: AuditActor, id: number): Promise<TargetRow> {
      return recordWrite(
        deps.audit,
        entry(actor, "target.delete", id, []),
        () =>
          repo.transaction(async (writer) => {
            const current = await writer.findTarget(id);
            if (!current || !isPathInScope(scope, current.unitPath)) throw notFound(id);
            await writer.deleteTarget(id);
            return current;
          }),
        (deleted) => ({ orgUnitId: deleted.unitId }),
      );
    },
  };
}

function raise(error: AppError): never {
  throw error;
}

export type TargetsService = ReturnType<typeof createTargetsService>;
