import { AppError } from "../../../core/errors";
import {
  PERSON_PAGE_SIZE,
  type PersonDetail,
  type PersonSearchPage,
  type PersonSearchQuery,
  type CorrectionOptions,
  type PersonSummary,
  type RetractEventInput,
  type RetractResult,
  type TimelineEvent,
} from "../../../core/schemas/persons";
import { personStatusOf } from "../../../core/workforce/person-status";
import { recordWrite } from "../../audit/record-write";
import type { AuditActor, AuditRecorder } from "../../audit/recorder";
import { isPathInScope, type Scope } from "../../http/scope";
import type { OrgUnitsRepository } from "../org-units/org-units.repository";
import type {
  PersonRecord,
  PersonsRepository,
  PersonsTransaction,
  TimelineRecord,
} from "./persons.repository";

/** Field names recorded for a search (what each result row shows). */
export const PERSON_SEARCH_FIELDS = [
  "service_number",
  "sex",
  "birth_year",
  "rank",
  "unit",
  "role",
  "status",
] as const;
/** Field names recorded for opening a person. */
export const PERSON_READ_FIELDS = [
  ...PERSON_SEARCH_FIELDS,
  "career_spell",
  "career_events",
  "career_event_retractions",
] as const;

export function createPersonsService(deps: {
  repo: PersonsRepository;
  orgUnits: OrgUnitsRepository;
  audit: AuditRecorder;
  today: () => string;
  now: () => Date;
}) {
  const toSummary = (p: PersonRecord): PersonSummary => ({
    id: p.id,
    serviceNumber: p.serviceNumber,
    sex: p.sex,
    birthYear: p.birthYear,
    rank: p.rank,
    unit: p.unit,
    role: p.role,
    status: personStatusOf(p, deps.today()),
  });

  /** A unit outside the caller's scope is named neither by id nor by name. */
  const toTimelineEvent = (scope: Scope, e: TimelineRecord): TimelineEvent => {
    const isUnitOutsideScope = e.unit !== null && !isPathInScope(scope, e.unit.path);
    return {
      ...e,
      unit:
        e.unit === null || isUnitOutsideScope
          ? null
          : { id: e.unit.id, code: e.unit.code, name: e.unit.name },
      isUnitOutsideScope,
    };
  };

  async function unitPathInScope(scope: Scope, unitId: number): Promise<string> {
    const path = (await deps.orgUnits.findById(unitId))?.path;
    // Out of scope reads as absent: the existence of other units is not disclosed.
    if (path === undefined || !isPathInScope(scope, path)) {
      throw new AppError("org_unit.not_found", { id: unitId });
    }
    return path;
  }

  /** Checks made before the transaction (it holds the only connection on the embedded engine). */
  async function checkReplacement(
    scope: Scope,
    replacement: NonNullable<RetractEventInput["replacement"]>,
  ): Promise<void> {
    if (replacement.date > deps.today()) {
      throw new AppError("request.invalid", { field: "replacement.date", value: replacement.date });
    }
    if (replacement.unitId !== undefined) await unitPathInScope(scope, replacement.unitId);
  }

  async function recordReplacement(
    tx: PersonsTransaction,
    personId: number,
    replacement: NonNullable<RetractEventInput["replacement"]>,
  ): Promise<number> {
    if (replacement.rankId !== undefined && !(await tx.hasRank(replacement.rankId))) {
      throw new AppError("request.invalid", {
        field: "replacement.rankId",
        value: replacement.rankId,
      });
    }
    if (replacement.roleId !== undefined && !(await tx.hasRole(replacement.roleId))) {
      throw new AppError("request.invalid", {
        field: "replacement.roleId",
        value: replacement.roleId,
      });
    }
    return tx.insertEvent({
      personId,
      type: replacement.type,
      date: replacement.date,
      rankId: replacement.rankId ?? null,
      unitId: replacement.unitId ?? null,
      roleId: replacement.roleId ?? null,
      reason: replacement.reason ?? null,
    });
  }

  return {
    /** One page of people in scope whose service number starts with `q`; the search is audited. */
    async search(
      scope: Scope,
      query: PersonSearchQuery,
      actor: AuditActor,
    ): Promise<PersonSearchPage> {
      const unitPath =
        query.unit === undefined ? undefined : await unitPathInScope(scope, query.unit);
      const rows = await deps.repo.search(scope, {
        prefix: query.q ?? "",
        ...(unitPath === undefined ? {} : { unitPath }),
        limit: PERSON_PAGE_SIZE + 1,
        offset: (query.page - 1) * PERSON_PAGE_SIZE,
      });
      await deps.audit.record({
        actor,
        action: "person.search",
        entityType: "person",
        entityId: null,
        orgUnitId: query.unit ?? null,
        fields: PERSON_SEARCH_FIELDS,
        outcome: "success",
      });
      return {
        persons: rows.slice(0, PERSON_PAGE_SIZE).map(toSummary),
        page: query.page,
        hasNextPage: rows.length > PERSON_PAGE_SIZE,
      };
    },

    /**
     * A person in scope with their career timeline; the read is audited. Anyone else is "not
     * found", whether they exist or not.
     */
    async read(scope: Scope, personId: number, actor: AuditActor): Promise<PersonDetail> {
      const person = await deps.repo.findInScope(scope, personId);
      if (!person) throw new AppError("person.not_found", { id: personId });
      const timeline = await deps.repo.listTimeline(personId);
      await deps.audit.record({
        actor,
        action: "person.read",
        entityType: "person",
        entityId: String(personId),
        orgUnitId: person.unit.id,
        fields: PERSON_READ_FIELDS,
        outcome: "success",
      });
      const { validFrom, validTo, rank, rankGroup, unit, role, isLeadership, onLeave } = person;
      return {
        id: person.id,
        serviceNumber: person.serviceNumber,
        sex: person.sex,
        birthYear: person.birthYear,
        status: personStatusOf(person, deps.today()),
        current: { validFrom, validTo, rank, rankGroup, unit, role, isLeadership, onLeave },
        timeline: timeline.map((e) => toTimelineEvent(scope, e)),
      };
    },

    async correctionOptions(): Promise<CorrectionOptions> {
      const [ranks, roles] = await Promise.all([deps.repo.listRanks(), deps.repo.listRoles()]);
      return { ranks, roles };
    },

    /**
     * Corrects a career event: records its retraction (with the reason) and, when given, the right
     * event as a new one, then re-derives the person's spells from the events that stand, all in one
     * transaction. No career event row is ever updated or deleted. Audited, refused attempts too.
     */
    async retract(
      scope: Scope,
      target: { personId: number; eventId: number },
      input: RetractEventInput,
      actor: AuditActor,
    ): Promise<RetractResult> {
      const replacementFields = input.replacement
        ? Object.keys(input.replacement).map((key) => `replacement.${key}`)
        : [];
      return recordWrite(
        deps.audit,
        {
          actor,
          action: "career_event.retract",
          entityType: "career_event",
          entityId: String(target.eventId),
          orgUnitId: null,
          fields: ["retraction.reason", ...replacementFields, "career_spells"],
        },
        async () => {
          if (input.replacement) await checkReplacement(scope, input.replacement);
          return deps.repo.inTransaction(async (tx) => {
            const person = (await tx.lockPerson(target.personId))
              ? await tx.findInScope(scope, target.personId)
              : undefined;
            if (!person) throw new AppError("person.not_found", { id: target.personId });
            const event = await tx.findEvent(target.personId, target.eventId);
            if (!event) throw new AppError("career_event.not_found", { id: target.eventId });
            if (event.isRetracted) {
              throw new AppError("career_event.already_retracted", { id: target.eventId });
            }
            const replacementEventId = input.replacement
              ? await recordReplacement(tx, target.personId, input.replacement)
              : null;
            await tx.insertRetraction({
              eventId: target.eventId,
              replacementEventId,
              reason: input.reason,
              retractedBy: actor.userId,
              retractedAt: deps.now(),
            });
            const [problem] = await tx.rederiveSpells([target.personId]);
            if (problem) {
              throw new AppError("career_event.correction_inconsistent", { problem: problem.code });
            }
            // Retracting the only hire would leave a person in no unit, whom nobody could open again.
            if (!(await tx.hasSpell(target.personId))) {
              throw new AppError("career_event.correction_inconsistent", { problem: "no_spell" });
            }
            const after = await tx.findInScope(scope, target.personId);
            return {
              unitId: person.unit.id,
              result: {
                retractedEventId: target.eventId,
                replacementEventId,
                isPersonInScope: after !== undefined,
              },
            };
          });
        },
        (done) => ({ orgUnitId: done.unitId }),
      ).then((done) => done.result);
    },
  };
}

export type PersonsService = ReturnType<typeof createPersonsService>;
