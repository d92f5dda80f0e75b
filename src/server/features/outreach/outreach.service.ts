import type { Transaction } from "kysely";
import { pageOf, pageWindow } from "../../../core/community/paging";
import { requireTextWithinLimits } from "../../../core/community/text-limits";
import { AppError } from "../../../core/errors";
import type { SexCountsInput } from "../../../core/schemas/community-common";
import type { ProblemInput } from "../../../core/schemas/community-issues";
import type {
  CreateOutreachSessionInput,
  OutreachListQuery,
  OutreachSession,
  OutreachSessionPage,
  UpdateOutreachSessionInput,
} from "../../../core/schemas/outreach";
import { recordWrite } from "../../audit/record-write";
import type { AuditRecorder } from "../../audit/recorder";
import type { DB } from "../../db/schema";
import type { CommunityCaller } from "../../http/community-caller";
import { isPathInScope, requireUnitPathInScope, type Scope } from "../../http/scope";
import type { OutreachWriter, SessionValues } from "./outreach-writer";
import type { OutreachRepository } from "./outreach.repository";

/**
 * Records a problem raised in a session as a community issue, inside the session's transaction.
 * The community-issues feature provides it (issue-intake.ts); app.ts wires the two together.
 */
export interface ProblemRecorder {
  record(
    trx: Transaction<DB>,
    context: {
      scope: Scope;
      actorUserId: number | null;
      unitId: number;
      outreachSessionId: number;
      fieldPrefix: string;
    },
    problem: ProblemInput,
  ): Promise<{ id: number; reference: string }>;
}

const invalid = (field: string, value: string | number | null, reason: string) =>
  new AppError("community.invalid_value", { field, value, reason });
const officersOf = (counts: SexCountsInput = {}) => ({
  F: counts.F ?? 0,
  M: counts.M ?? 0,
  X: counts.X ?? 0,
  U: counts.U ?? 0,
});

function firstDuplicate<T>(items: readonly T[], key: (item: T) => string): T | undefined {
  const seen = new Set<string>();
  return items.find((item) => seen.has(key(item)) || !seen.add(key(item)));
}

/**
 * Outreach sessions: list and read within the caller's subtree; record a session with its topics,
 * partners, officers present, attendance by sex × age group and the problems raised there — the
 * problems become community issues linked to it, all in one transaction, so one invalid problem
 * writes nothing at all.
 */
/** Field names for the audit entry: the problems of a session are recorded as community issues. */
const auditedFields = (input: object) =>
  Object.keys(input).map((key) => (key === "problems" ? "community_issues" : key));

export function createOutreachService(deps: {
  repo: OutreachRepository;
  problems: ProblemRecorder;
  audit: AuditRecorder;
  now: () => Date;
  today: () => string;
}) {
  const { repo } = deps;
  const notFound = (id: number) => new AppError("community.not_found", { entity: "session", id });
  /** The problems raised in a session, each an issue linked to it; errors name `problems[i].…`. */
  const recordProblems = async (
    writer: OutreachWriter,
    caller: CommunityCaller,
    sessionId: number,
    unitId: number,
    problems: readonly ProblemInput[],
  ): Promise<void> => {
    for (const [i, problem] of problems.entries()) {
      await deps.problems.record(
        writer.trx,
        {
          scope: caller.write,
          actorUserId: caller.actor.userId,
          unitId,
          outreachSessionId: sessionId,
          fieldPrefix: `problems[${i}].`,
        },
        problem,
      );
    }
  };
  const read = async (scope: Scope, id: number): Promise<OutreachSession> => {
    const found = await repo.find(scope, id);
    if (!found) throw notFound(id);
    return found;
  };

  /** Checks of the session's own fields (not its problems), inside the transaction. */
  const check = async (
    writer: OutreachWriter,
    scope: Scope,
    input: UpdateOutreachSessionInput,
  ): Promise<void> => {
    requireTextWithinLimits([
      ["place", "place", input.place],
      ["notes", "notes", input.notes],
    ]);
    if (input.heldOn !== undefined && input.heldOn > deps.today()) {
      throw invalid("heldOn", input.heldOn, "future");
    }
    const hasLatitude = (input.latitude ?? null) !== null;
    const hasLongitude = (input.longitude ?? null) !== null;
    if (hasLatitude !== hasLongitude) {
      throw invalid(hasLatitude ? "longitude" : "latitude", null, "incomplete");
    }
    const cell = firstDuplicate(input.attendance ?? [], (c) => `${c.sex}/${c.ageGroup}`);
    if (cell) throw invalid("attendance", `${cell.sex}/${cell.ageGroup}`, "duplicate");
    for (const [field, ids, usable] of [
      ["topicIds", input.topicIds, (list: number[]) => writer.activeTopics(list)],
      ["partnerIds", input.partnerIds, (list: number[]) => writer.usableStakeholders(scope, list)],
    ] as const) {
      if (ids === undefined) continue;
      const duplicate = firstDuplicate(ids, String);
      if (duplicate !== undefined) throw invalid(field, duplicate, "duplicate");
      const found = await usable([...ids]);
      const unknown = ids.find((id) => !found.has(id));
      if (unknown !== undefined) throw invalid(field, unknown, "unknown");
    }
  };

  return {
    read,

    async list(scope: Scope, query: OutreachListQuery): Promise<OutreachSessionPage> {
      const unitPath =
        query.unit === undefined
          ? undefined
          : await requireUnitPathInScope(scope, query.unit, repo.unitPath);
      const rows = await repo.list(
        scope,
        {
          ...(unitPath === undefined ? {} : { unitPath }),
          ...(query.from === undefined ? {} : { from: query.from }),
          ...(query.to === undefined ? {} : { to: query.to }),
          ...(query.topic === undefined ? {} : { topicId: query.topic }),
        },
        pageWindow(query.page),
      );
      const { items, ...page } = pageOf(rows, query.page);
      return { sessions: items, ...page };
    },

    create(caller: CommunityCaller, input: CreateOutreachSessionInput): Promise<OutreachSession> {
      return recordWrite(
        deps.audit,
        {
          actor: caller.actor,
          action: "outreach_session.create",
          entityType: "outreach_session",
          entityId: null,
          orgUnitId: input.unitId,
          fields: auditedFields(input),
        },
        async () => {
          const id = await repo.transaction(async (writer) => {
            const path = await writer.openUnitPath(input.unitId);
            if (path === undefined || !isPathInScope(caller.write, path)) {
              throw new AppError("org_unit.not_found", { id: input.unitId });
            }
            await check(writer, caller.read, input);
            const at = deps.now();
            const sessionId = await writer.insertSession({
              heldOn: input.heldOn,
              place: input.place,
              latitude: input.latitude ?? null,
              longitude: input.longitude ?? null,
              notes: input.notes ?? "",
              officers: officersOf(input.officersPresent),
              orgUnitId: input.unitId,
              createdBy: caller.actor.userId,
              at,
            });
            await writer.replaceLinks(sessionId, {
              topicIds: input.topicIds,
              partnerIds: input.partnerIds,
              cells: input.attendance,
            });
            await recordProblems(writer, caller, sessionId, input.unitId, input.problems);
            return sessionId;
          });
          return read(caller.read, id);
        },
        (created) => ({ entityId: String(created.id) }),
      );
    },

    /**
     * Changes a session's own fields, and records problems raised there that were not recorded with
     * it (each becomes an issue linked to the session). Problems recorded before are issues,
     * changed through their own routes.
     */
    update(
      caller: CommunityCaller,
      id: number,
      input: UpdateOutreachSessionInput,
    ): Promise<OutreachSession> {
      return recordWrite(
        deps.audit,
        {
          actor: caller.actor,
          action: "outreach_session.update",
          entityType: "outreach_session",
          entityId: String(id),
          orgUnitId: null,
          fields: auditedFields(input),
        },
        async () => {
          const unitId = await repo.transaction(async (writer) => {
            const current = await writer.lockInScope(caller.write, id);
            if (current === undefined) throw notFound(id);
            const merged = mergeSession(current, input);
            await check(writer, caller.read, {
              ...input,
              latitude: merged.latitude,
              longitude: merged.longitude,
            });
            await writer.updateSession(id, merged, deps.now());
            await writer.replaceLinks(id, {
              ...(input.topicIds === undefined ? {} : { topicIds: input.topicIds }),
              ...(input.partnerIds === undefined ? {} : { partnerIds: input.partnerIds }),
              ...(input.attendance === undefined ? {} : { cells: input.attendance }),
            });
            await recordProblems(writer, caller, id, current.orgUnitId, input.problems ?? []);
            return current.orgUnitId;
          });
          return { ...(await read(caller.read, id)), auditUnitId: unitId };
        },
        (done) => ({ orgUnitId: done.auditUnitId }),
      ).then(({ auditUnitId: _unit, ...session }) => session);
    },
  };
}

/** The session's own values after applying a partial update. */
function mergeSession(current: SessionValues, input: UpdateOutreachSessionInput): SessionValues {
  return {
    heldOn: input.heldOn ?? current.heldOn,
    place: input.place ?? current.place,
    latitude: input.latitude === undefined ? current.latitude : input.latitude,
    longitude: input.longitude === undefined ? current.longitude : input.longitude,
    notes: input.notes ?? current.notes,
    officers:
      input.officersPresent === undefined ? current.officers : officersOf(input.officersPresent),
  };
}

export type OutreachService = ReturnType<typeof createOutreachService>;
