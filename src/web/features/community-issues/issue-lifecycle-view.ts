import {
  isFinalStatus,
  isReasonRequired,
  isReopening,
  type IssueStatus,
} from "../../../core/community/issue-lifecycle";

/**
 * A step an officer may take on an issue: a status change (with or without a reason), or a
 * referral to a stakeholder (which itself moves a new or in-follow-up issue to `referred`).
 */
export type LifecycleAction =
  | {
      readonly kind: "transition";
      readonly to: IssueStatus;
      readonly isReasonRequired: boolean;
      readonly isReopening: boolean;
    }
  | { readonly kind: "refer" };

/** The order in which the steps are offered: the usual way forward first, closing last. */
const offerOrder: readonly IssueStatus[] = [
  "solved_on_the_spot",
  "in_follow_up",
  "resolved",
  "partly_resolved",
  "closed_without_action",
  "closed_not_resolved",
];

/**
 * The steps to offer for an issue in `status`, given the statuses the server allows next
 * (`nextStatuses` of the issue). `referred` is reached by referring, never by a bare status change,
 * and an open issue may be referred again (to another stakeholder).
 */
export function lifecycleActionsFor(
  status: IssueStatus,
  nextStatuses: readonly IssueStatus[],
): LifecycleAction[] {
  const transitions = offerOrder
    .filter((to) => nextStatuses.includes(to))
    .map((to): LifecycleAction => ({
      kind: "transition",
      to,
      isReasonRequired: isReasonRequired(to, status, "staff"),
      isReopening: isReopening(status, to),
    }));
  if (isFinalStatus(status)) return transitions;
  const [first, ...rest] = transitions;
  // "Solved on the spot" stays first where it applies; referring comes next.
  return first?.kind === "transition" && first.to === "solved_on_the_spot"
    ? [first, { kind: "refer" }, ...rest]
    : [{ kind: "refer" }, ...transitions];
}

/** Whether a due date matters: overdue, due today, due in some days, or not shown (closed, none). */
export type DueState =
  | { readonly kind: "overdue"; readonly days: number }
  | { readonly kind: "today" }
  | { readonly kind: "upcoming"; readonly days: number }
  | { readonly kind: "none" };

const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;

/**
 * Where an issue stands against its due date on `today` (YYYY-MM-DD). The server's `isOverdue`
 * decides (its clock and time zone); the days are counted here, at least 1 when overdue.
 */
export function dueStateOf(
  issue: {
    readonly status: IssueStatus;
    readonly dueOn: string | null;
    readonly isOverdue: boolean;
  },
  today: string,
): DueState {
  if (issue.dueOn === null || isFinalStatus(issue.status)) return { kind: "none" };
  const days = Math.round(dayNumber(issue.dueOn) - dayNumber(today));
  if (issue.isOverdue) return { kind: "overdue", days: Math.max(1, -days) };
  if (days <= 0) return { kind: "today" };
  return { kind: "upcoming", days };
}
