import {
  checkTransition,
  isFinalStatus,
  isReopening,
  type IssueStatus,
  type LifecycleActor,
} from "../../../core/community/issue-lifecycle";
import { requireTextWithinLimits } from "../../../core/community/text-limits";
import { AppError } from "../../../core/errors";
import type { IssueStore, LockedIssue } from "./issue-store";

export interface TransitionActor {
  readonly kind: LifecycleActor;
  readonly userId: number | null;
}

/**
 * Moves a locked issue to `to` inside the caller's transaction, after the lifecycle's checks
 * (`core/community/issue-lifecycle.ts`): updates the row (status, reason, first outcome, closing
 * time, reopen count) and appends the history entry. The database re-checks the pair and the
 * reason. Returns the issue with its new status.
 */
export async function applyTransition(
  store: IssueStore,
  issue: LockedIssue,
  request: { to: IssueStatus; reason?: string | null | undefined; field?: string },
  actor: TransitionActor,
  at: Date,
): Promise<LockedIssue> {
  const { to } = request;
  const field = request.field ?? "reason";
  const refusal = checkTransition({
    from: issue.status,
    to,
    actor: actor.kind,
    reason: request.reason,
  });
  switch (refusal) {
    case null:
      break;
    case "not_allowed":
    case "not_allowed_for_actor":
      throw new AppError("community.transition_not_allowed", {
        reference: issue.reference,
        from: issue.status,
        to,
      });
    case "reason_required":
      throw new AppError("community.reason_required", { field, to });
  }
  requireTextWithinLimits([[field, "reason", request.reason]]);
  const reason = request.reason?.trim() ? request.reason : null;
  const reopening = isReopening(issue.status, to);
  await store.setStatus(issue.id, {
    status: to,
    statusReason: reason,
    ...(issue.status === "new" ? { firstOutcome: to } : {}),
    closedAt: isFinalStatus(to) ? at : null,
    isReopening: reopening,
    at,
  });
  await store.appendEvent({
    issueId: issue.id,
    kind: reopening ? "reopen" : "status",
    fromStatus: issue.status,
    toStatus: to,
    reason,
    actorKind: actor.kind,
    actorUserId: actor.userId,
    occurredAt: at,
  });
  return { ...issue, status: to };
}
