import { isFinalStatus } from "../../../core/community/issue-lifecycle";
import { requireTextWithinLimits } from "../../../core/community/text-limits";
import { AppError } from "../../../core/errors";
import type {
  AssignInput,
  IssueDetail,
  IssueEvent,
  NoteInput,
  TransitionInput,
  UpdateIssueInput,
} from "../../../core/schemas/community-issues";
import { recordWrite } from "../../audit/record-write";
import type { Scope } from "../../http/scope";
import { staffActor, type IssueCaller, type IssueServiceDeps } from "./issue-caller";
import { requireEligibleAssignee } from "./issue-intake";
import type { IssueStore, LockedIssue } from "./issue-store";
import { applyTransition } from "./issue-transition";
import { createReferralActions } from "./referral-actions";

const issueColumns: Readonly<Record<string, string>> = {
  categoryId: "category_id",
  place: "place",
  dueOn: "due_on",
  womanOfficerRequested: "woman_officer_requested",
};

/**
 * Every change to an existing issue, each in one transaction with the issue row locked: field
 * updates, lifecycle transitions, assignment, notes and referrals. Each appends to the issue's
 * history and is audited (field names only) once committed.
 */
export function createIssueActions(
  deps: IssueServiceDeps,
  read: (scope: Scope, id: number) => Promise<IssueDetail>,
) {
  const { repo } = deps;

  /** Runs `work` on the issue locked in the caller's write scope; "not found" outside it. */
  const withIssue = <T>(
    caller: IssueCaller,
    id: number,
    work: (store: IssueStore, issue: LockedIssue, at: Date) => Promise<T>,
  ) =>
    repo.transaction(async (store) => {
      const issue = await store.lockInScope(caller.write, id);
      if (!issue) throw new AppError("community.not_found", { entity: "issue", id });
      await work(store, issue, deps.now());
      return { orgUnitId: issue.orgUnitId };
    });

  /** One audited change; answers with the issue as the caller now reads it. */
  const change = (
    caller: IssueCaller,
    id: number,
    action: string,
    fields: string[],
    work: (store: IssueStore, issue: LockedIssue, at: Date) => Promise<unknown>,
  ): Promise<IssueDetail> =>
    recordWrite(
      deps.audit,
      {
        actor: caller.actor,
        action,
        entityType: "community_issue",
        entityId: String(id),
        orgUnitId: null,
        fields,
      },
      async () => ({ ...(await withIssue(caller, id, work)), detail: await read(caller.read, id) }),
      (done) => ({ orgUnitId: done.orgUnitId }),
    ).then((done) => done.detail);

  const requireOpen = (issue: LockedIssue) => {
    if (isFinalStatus(issue.status)) {
      throw new AppError("community.issue_closed", {
        reference: issue.reference,
        status: issue.status,
      });
    }
  };

  return {
    update(caller: IssueCaller, id: number, input: UpdateIssueInput): Promise<IssueDetail> {
      const fields = Object.keys(input).map((key) => issueColumns[key] ?? key);
      return change(caller, id, "community_issue.update", fields, async (store, issue, at) => {
        requireTextWithinLimits([["place", "place", input.place]]);
        if (input.categoryId !== undefined && !(await store.isCategoryActive(input.categoryId))) {
          throw new AppError("community.invalid_value", {
            field: "categoryId",
            value: input.categoryId,
            reason: "unknown",
          });
        }
        await store.update(
          issue.id,
          {
            ...(input.categoryId === undefined ? {} : { category_id: input.categoryId }),
            ...(input.place === undefined ? {} : { place: input.place }),
            ...(input.dueOn === undefined ? {} : { due_on: input.dueOn }),
            ...(input.womanOfficerRequested === undefined
              ? {}
              : { woman_officer_requested: input.womanOfficerRequested }),
          },
          at,
        );
        await store.appendEvent({
          issueId: issue.id,
          kind: "update",
          fields,
          actorKind: "staff",
          actorUserId: caller.actor.userId,
          occurredAt: at,
        });
      });
    },

    /** Moves the issue through its lifecycle (core/community/issue-lifecycle.ts). */
    transition(caller: IssueCaller, id: number, input: TransitionInput): Promise<IssueDetail> {
      return change(
        caller,
        id,
        "community_issue.transition",
        ["status", "status_reason"],
        (store, issue, at) => applyTransition(store, issue, input, staffActor(caller), at),
      );
    },

    assign(caller: IssueCaller, id: number, input: AssignInput): Promise<IssueDetail> {
      const fields = [
        "assignee_id",
        ...(input.womanOfficerAssigned === undefined ? [] : ["woman_officer_assigned"]),
      ];
      return change(caller, id, "community_issue.assign", fields, async (store, issue, at) => {
        if (input.assigneeId !== null) {
          await requireEligibleAssignee(store, input.assigneeId, issue.unitPath, "assigneeId");
        }
        await store.update(
          issue.id,
          {
            assignee_id: input.assigneeId,
            ...(input.womanOfficerAssigned === undefined
              ? {}
              : { woman_officer_assigned: input.womanOfficerAssigned }),
          },
          at,
        );
        await store.appendEvent({
          issueId: issue.id,
          kind: "assignment",
          assigneeId: input.assigneeId,
          fields,
          actorKind: "staff",
          actorUserId: caller.actor.userId,
          occurredAt: at,
        });
      });
    },

    /** Adds a note (internal by default); allowed in every status. Answers with the history. */
    async addNote(caller: IssueCaller, id: number, input: NoteInput): Promise<IssueEvent[]> {
      await change(
        caller,
        id,
        "community_issue.note",
        ["note", "is_internal"],
        async (store, issue, at) => {
          requireTextWithinLimits([["text", "note", input.text]]);
          await store.appendEvent({
            issueId: issue.id,
            kind: "note",
            note: input.text,
            isInternal: input.isInternal,
            actorKind: "staff",
            actorUserId: caller.actor.userId,
            occurredAt: at,
          });
        },
      );
      return repo.history(id);
    },

    ...createReferralActions(deps, change, requireOpen),
  };
}
