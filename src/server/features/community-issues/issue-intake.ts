import { randomInt } from "node:crypto";
import { makeReferenceCode } from "../../../core/community/reference-code";
import { requireTextWithinLimits } from "../../../core/community/text-limits";
import type { IssueSource } from "../../../core/community/vocabulary";
import { AppError } from "../../../core/errors";
import type { Locale } from "../../../core/schemas/auth";
import type { ProblemInput } from "../../../core/schemas/community-issues";
import type { AuditInboxRow } from "../../audit/recorder";
import { isPathInScope, scopeOfAssignments, type Scope } from "../../http/scope";
import type { ContactSealer } from "../../security/contact-sealer";
import type { IssueStore } from "./issue-store";
import { applyTransition, type TransitionActor } from "./issue-transition";

/** Days from recording to the default due date. */
export const DEFAULT_DUE_DAYS = 14;

/**
 * A resident's own submission (the public channel): no user acts, the history names the resident,
 * and the issue keeps the hash of the follow-up link's secret and the resident's language.
 */
export interface ResidentIntake {
  readonly followUpSecretHash: string;
  readonly language: Locale;
  /** SHA-256 of the page's client id (migration 0012), or null when it sent none. */
  readonly clientKeyHash: string | null;
}

/** Where and by whom problems are recorded: one issue, or the problems of an outreach session. */
export interface IntakeContext {
  /** The caller's `community.write` scope. */
  readonly scope: Scope;
  readonly actorUserId: number | null;
  readonly source: IssueSource;
  readonly unitId: number;
  readonly outreachSessionId: number | null;
  readonly assigneeId: number | null;
  /** Prefix of field names in errors, e.g. `problems[2].`. */
  readonly fieldPrefix: string;
  /** Set when the resident records the problem (then `actorUserId` is ignored: no user acts). */
  readonly resident?: ResidentIntake;
  /** An audit entry written with the issue, in the same statement (see `recordWriteWithin`). */
  readonly auditEntry?: AuditInboxRow;
}

export interface RecordedIssue {
  readonly id: number;
  readonly reference: string;
  readonly orgUnitId: number;
}

/** Refuses an assignee who cannot work on issues of the unit at `unitPath` (community.write there). */
export async function requireEligibleAssignee(
  store: IssueStore,
  assigneeId: number,
  unitPath: string,
  field: string,
): Promise<void> {
  const assignments = await store.assignmentsOf(assigneeId);
  const scope = scopeOfAssignments(assignments ?? [], "community.write");
  if (!isPathInScope(scope, unitPath)) {
    throw new AppError("community.invalid_value", {
      field,
      value: assigneeId,
      reason: assignments === undefined ? "unknown" : "not_eligible",
    });
  }
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Records problems as community issues inside the caller's transaction: checks, then the row
 * (contact details sealed) and its `created` history entry in one statement that also checks the
 * unit and the category (a failed check writes nothing) and, for a problem solved on the spot, its
 * transition. The outreach feature records a session's problems through it (wired in app.ts).
 */
export function createIssueIntake(deps: {
  sealer: ContactSealer;
  now: () => Date;
  today: () => string;
  /** Uniform integer in [0, n); `crypto.randomInt` unless a test needs otherwise. */
  randomIndex?: (n: number) => number;
}) {
  const randomIndex = deps.randomIndex ?? ((n: number) => randomInt(n));

  return {
    async record(
      store: IssueStore,
      context: IntakeContext,
      problem: ProblemInput,
    ): Promise<RecordedIssue> {
      const at = deps.now();
      const resident = context.resident;
      const actor: TransitionActor = resident
        ? { kind: "resident", userId: null }
        : { kind: "staff", userId: context.actorUserId };
      const field = (name: string) => `${context.fieldPrefix}${name}`;
      requireTextWithinLimits([
        [field("description"), "description", problem.description],
        [field("place"), "place", problem.place],
        [field("contact"), "contact", problem.contact],
      ]);
      const contact = problem.contact ?? null;
      if (problem.isAnonymous === true && contact !== null) {
        // The contact itself is never echoed in an error.
        throw new AppError("community.invalid_value", {
          field: field("contact"),
          value: "(withheld)",
          reason: "not_allowed",
        });
      }
      const unitError = () => new AppError("org_unit.not_found", { id: context.unitId });
      const categoryError = () =>
        new AppError("community.invalid_value", {
          field: field("categoryId"),
          value: problem.categoryId,
          reason: "unknown",
        });
      if (context.assigneeId !== null) {
        // The assignee is vetted against the unit before anything is written.
        const path = await store.openUnitPath(context.unitId);
        if (path === undefined || !isPathInScope(context.scope, path)) throw unitError();
        if (!(await store.isCategoryActive(problem.categoryId))) throw categoryError();
        await requireEligibleAssignee(store, context.assigneeId, path, field("assigneeId"));
      }
      const reference = makeReferenceCode(randomIndex);
      const written = await store.insertIssueWithHistory(
        {
          reference,
          source: context.source,
          categoryId: problem.categoryId,
          description: problem.description,
          place: problem.place ?? null,
          outreachSessionId: context.outreachSessionId,
          raisedBySex: problem.raisedBy?.sex ?? null,
          raisedByAgeGroup: problem.raisedBy?.ageGroup ?? null,
          isAnonymous: problem.isAnonymous ?? false,
          contactEncrypted: contact === null ? null : deps.sealer.seal(reference, contact),
          womanOfficerRequested: problem.womanOfficerRequested ?? false,
          assigneeId: context.assigneeId,
          orgUnitId: context.unitId,
          dueOn: problem.dueOn ?? addDays(deps.today(), DEFAULT_DUE_DAYS),
          followUpSecretHash: resident?.followUpSecretHash ?? null,
          language: resident?.language ?? null,
          clientKeyHash: resident?.clientKeyHash ?? null,
          createdBy: actor.userId,
          createdAt: at,
        },
        {
          kind: "created",
          toStatus: "new",
          assigneeId: context.assigneeId,
          actorKind: actor.kind,
          actorUserId: actor.userId,
        },
        context.scope,
        context.auditEntry ?? null,
      );
      const { unitPath, id } = written;
      if (unitPath === undefined || !isPathInScope(context.scope, unitPath)) throw unitError();
      if (!written.isCategoryActive) throw categoryError();
      if (id === undefined) throw new Error("community issue: its checks passed, nothing written");
      const recorded = {
        id,
        reference,
        status: "new" as const,
        orgUnitId: context.unitId,
        unitPath,
      };
      if (problem.solvedOnTheSpot === true) {
        await applyTransition(store, recorded, { to: "solved_on_the_spot" }, actor, at);
      }
      return { id, reference, orgUnitId: context.unitId };
    },
  };
}

export type IssueIntake = ReturnType<typeof createIssueIntake>;
