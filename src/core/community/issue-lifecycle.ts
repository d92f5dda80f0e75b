/**
 * The lifecycle of a community issue (issue 7), as a pure state machine:
 *
 *   new → solved_on_the_spot | referred | in_follow_up | closed_without_action
 *   referred ⇄ in_follow_up → resolved | partly_resolved | closed_without_action | closed_not_resolved
 *   any final status → in_follow_up (a reopening; the resident may do it too)
 *
 * `closed_without_action` and `closed_not_resolved` need a reason (the database checks it too),
 * and so does an officer's reopening. Migration 0009 keeps the same pairs in
 * `community_issue_transitions` and refuses any other status change.
 */

export const issueStatuses = [
  "new",
  "solved_on_the_spot",
  "referred",
  "in_follow_up",
  "resolved",
  "partly_resolved",
  "closed_without_action",
  "closed_not_resolved",
] as const;
export type IssueStatus = (typeof issueStatuses)[number];

export const finalIssueStatuses = [
  "solved_on_the_spot",
  "resolved",
  "partly_resolved",
  "closed_without_action",
  "closed_not_resolved",
] as const satisfies readonly IssueStatus[];
export type FinalIssueStatus = (typeof finalIssueStatuses)[number];

/** Statuses that must carry a reason (in the issue row and in the history). */
export const statusesRequiringReason = [
  "closed_without_action",
  "closed_not_resolved",
] as const satisfies readonly IssueStatus[];

/** Who asks for a transition: an officer (signed in), or the resident on the follow-up page. */
export type LifecycleActor = "staff" | "resident";

/** The status a reopened issue takes. */
export const REOPEN_STATUS = "in_follow_up" satisfies IssueStatus;

const resolutions = [
  "resolved",
  "partly_resolved",
  "closed_without_action",
  "closed_not_resolved",
] as const satisfies readonly IssueStatus[];

const forward: Readonly<Record<IssueStatus, readonly IssueStatus[]>> = {
  new: ["solved_on_the_spot", "referred", "in_follow_up", "closed_without_action"],
  referred: ["in_follow_up", ...resolutions],
  in_follow_up: ["referred", ...resolutions],
  solved_on_the_spot: [],
  resolved: [],
  partly_resolved: [],
  closed_without_action: [],
  closed_not_resolved: [],
};

export function isFinalStatus(status: IssueStatus): status is FinalIssueStatus {
  return (finalIssueStatuses as readonly IssueStatus[]).includes(status);
}

export function isIssueStatus(value: string): value is IssueStatus {
  return (issueStatuses as readonly string[]).includes(value);
}

/** A move from a final status back into work. */
export function isReopening(from: IssueStatus, to: IssueStatus): boolean {
  return isFinalStatus(from) && to === REOPEN_STATUS;
}

/** Every allowed (from, to) pair, whoever asks: the list migration 0009 stores. */
export function allowedTransitions(): Array<readonly [IssueStatus, IssueStatus]> {
  return issueStatuses.flatMap((from) => [
    ...forward[from].map((to) => [from, to] as const),
    ...(isFinalStatus(from) ? [[from, REOPEN_STATUS] as const] : []),
  ]);
}

export type TransitionRefusal = "not_allowed" | "not_allowed_for_actor" | "reason_required";

export interface TransitionRequest {
  readonly from: IssueStatus;
  readonly to: IssueStatus;
  readonly actor: LifecycleActor;
  /** The reason given, if any; blank counts as none. */
  readonly reason?: string | null | undefined;
}

/** Whether a reason must accompany this transition. */
export function isReasonRequired(to: IssueStatus, from: IssueStatus, actor: LifecycleActor) {
  if ((statusesRequiringReason as readonly IssueStatus[]).includes(to)) return true;
  return actor === "staff" && isReopening(from, to);
}

/**
 * Checks a transition: null when allowed, else why not. A resident may only reopen a final
 * issue; an officer may make every move of the machine.
 */
export function checkTransition(request: TransitionRequest): TransitionRefusal | null {
  const { from, to, actor } = request;
  const reopening = isReopening(from, to);
  if (!reopening && !forward[from].includes(to)) return "not_allowed";
  if (actor === "resident" && !reopening) return "not_allowed_for_actor";
  const hasReason = (request.reason ?? "").trim() !== "";
  if (!hasReason && isReasonRequired(to, from, actor)) return "reason_required";
  return null;
}

/** The statuses an actor may move an issue to from `from` (for menus and the follow-up page). */
export function nextStatuses(from: IssueStatus, actor: LifecycleActor): IssueStatus[] {
  return issueStatuses.filter(
    (to) => checkTransition({ from, to, actor, reason: "given" }) === null,
  );
}
