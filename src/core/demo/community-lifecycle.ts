import {
  checkTransition,
  isFinalStatus,
  isReopening,
  type IssueStatus,
} from "../community/issue-lifecycle";
import type {
  IssueEventKind,
  ReferralOutcome,
  ResidentConfirmation,
} from "../community/vocabulary";
import type { Random } from "./prng";

/** Minutes since 1970-01-01 (UTC): every demo timestamp. */
export type Minute = number;
export const MINUTES_PER_DAY = 1440;

export interface DemoIssueEvent {
  readonly kind: IssueEventKind;
  readonly from: IssueStatus | null;
  readonly to: IssueStatus | null;
  readonly reason: string | null;
  readonly note: string | null;
  readonly isInternal: boolean;
  readonly referralIndex: number | null;
  readonly actor: "system" | "resident";
  readonly at: Minute;
}

export interface DemoReferral {
  readonly stakeholderIndex: number;
  readonly request: string;
  readonly sentAt: Minute;
  response: string | null;
  respondedAt: Minute | null;
  outcome: ReferralOutcome | null;
}

/** What the lifecycle simulation decides for one issue, from its creation up to the window's end. */
export interface DemoIssueState {
  status: IssueStatus;
  statusReason: string | null;
  firstOutcome: IssueStatus | null;
  firstOutcomeAt: Minute | null;
  closedAt: Minute | null;
  reopenCount: number;
  womanOfficerAssigned: boolean;
  residentConfirmation: ResidentConfirmation | null;
  residentConfirmedAt: Minute | null;
  readonly events: DemoIssueEvent[];
  readonly referrals: DemoReferral[];
}

export interface LifecycleInput {
  readonly createdAt: Minute;
  /** Nothing happens at or after this minute (the demo's "now"). */
  readonly end: Minute;
  readonly canSolveOnTheSpot: boolean;
  readonly womanOfficerRequested: boolean;
  /** Stakeholders this issue may be referred to (best first). */
  readonly referralTargets: readonly number[];
  readonly request: string;
}

const REASONS = {
  closed_without_action: [
    "Not a police matter: the resident was told where to go",
    "Duplicate of an earlier report",
    "The resident withdrew the request",
  ],
  closed_not_resolved: [
    "The stakeholder could not help and no other service exists locally",
    "The resident moved away before it could be resolved",
    "The parties refused mediation",
  ],
  reopen: ["New information from the resident", "The problem came back"],
} as const;
const RESPONSES = [
  "Case accepted and handled",
  "Visited the family",
  "Advice given",
  "No capacity this month",
];
const INTERNAL_NOTES = [
  "Called the village chief",
  "Checked previous reports at the station",
  "Spoke with the neighbours",
];
const PUBLIC_NOTES = [
  "We visited today and will come back next week",
  "Your case was passed to the right service",
];

const days = (random: Random, min: number, max: number) =>
  random.int(min, max) * MINUTES_PER_DAY + random.int(60, 600);

/**
 * Runs one issue through the lifecycle of core/community/issue-lifecycle.ts, every move checked
 * by `checkTransition` (a demo that breaks the machine fails loudly). Stops at `input.end`, so
 * recent issues stay open and some of them are overdue.
 */
export function simulateIssueLifecycle(random: Random, input: LifecycleInput): DemoIssueState {
  const state: DemoIssueState = {
    status: "new",
    statusReason: null,
    firstOutcome: null,
    firstOutcomeAt: null,
    closedAt: null,
    reopenCount: 0,
    womanOfficerAssigned: false,
    residentConfirmation: null,
    residentConfirmedAt: null,
    events: [],
    referrals: [],
  };
  let t = input.createdAt;
  const event = (kind: IssueEventKind, fields: Partial<DemoIssueEvent> = {}) =>
    state.events.push({
      kind,
      from: null,
      to: null,
      reason: null,
      note: null,
      isInternal: true,
      referralIndex: null,
      actor: "system",
      at: t,
      ...fields,
    });
  /** Waits, then moves; false when the window ends first (the issue stays where it is). */
  const move = (wait: number, to: IssueStatus, actor: "system" | "resident" = "system") => {
    if (t + wait >= input.end) return false;
    t += wait;
    const reason =
      to === "closed_without_action" || to === "closed_not_resolved"
        ? random.pick(REASONS[to])
        : isReopening(state.status, to) && actor === "system"
          ? random.pick(REASONS.reopen)
          : null;
    const refusal = checkTransition({
      from: state.status,
      to,
      actor: actor === "resident" ? "resident" : "staff",
      reason,
    });
    if (refusal) throw new Error(`demo lifecycle ${state.status} → ${to}: ${refusal}`);
    const reopening = isReopening(state.status, to);
    event(reopening ? "reopen" : "status", { from: state.status, to, reason, actor });
    if (state.status === "new") {
      state.firstOutcome = to;
      state.firstOutcomeAt = t;
    }
    if (reopening) state.reopenCount++;
    state.status = to;
    state.statusReason = reason;
    state.closedAt = isFinalStatus(to) ? t : null;
    return true;
  };
  const refer = (wait: number) => {
    const target = input.referralTargets[0];
    if (target === undefined || t + wait >= input.end) return false;
    t += wait;
    const referral: DemoReferral = {
      stakeholderIndex: random.chance(0.7) ? target : random.pick(input.referralTargets),
      request: input.request,
      sentAt: t,
      response: null,
      respondedAt: null,
      outcome: null,
    };
    state.referrals.push(referral);
    event("referral", { referralIndex: state.referrals.length - 1 });
    if (state.status !== "referred") move(0, "referred");
    const answeredAt = t + days(random, 2, 25);
    if (!random.chance(0.8) || answeredAt >= input.end)
      return move(days(random, 28, 35), "in_follow_up");
    t = answeredAt;
    referral.response = random.pick(RESPONSES);
    referral.respondedAt = t;
    referral.outcome = (["resolved", "partly_resolved", "not_resolved", "declined"] as const)[
      random.weighted([50, 20, 15, 15])
    ];
    event("referral_update", { referralIndex: state.referrals.length - 1 });
    if (referral.outcome === "resolved") return move(days(random, 0, 4), "resolved");
    if (referral.outcome === "partly_resolved") return move(days(random, 0, 4), "partly_resolved");
    return random.chance(0.5)
      ? move(days(random, 1, 5), "in_follow_up")
      : move(days(random, 1, 5), "closed_not_resolved");
  };
  const followUp = () => {
    for (const [chance, notes, isInternal] of [
      [0.3, INTERNAL_NOTES, true],
      [0.2, PUBLIC_NOTES, false],
    ] as const) {
      if (t + 60 >= input.end || !random.chance(chance)) continue;
      t += 60;
      event("note", { note: random.pick(notes), isInternal });
    }
    const next = random.weighted([55, 15, 10, 20]);
    if (next === 3 && state.referrals.length === 0) return refer(days(random, 1, 10));
    return move(
      days(random, 2, 30),
      (["resolved", "partly_resolved", "closed_not_resolved", "resolved"] as const)[next] ??
        "resolved",
    );
  };

  event("created", { to: "new" });
  if (input.canSolveOnTheSpot && random.chance(0.35)) {
    move(30, "solved_on_the_spot");
  } else {
    const first = random.weighted([35, 50, 15]);
    // A few wait in the backlog for weeks: the "my work" queue has overdue new issues too.
    const wait = random.chance(0.08) ? days(random, 5, 40) : days(random, 0, 3);
    if (input.womanOfficerRequested && random.chance(0.7) && t + wait < input.end) {
      state.womanOfficerAssigned = true;
      event("assignment", { at: t + wait - 1 });
    }
    if (first === 0 && input.referralTargets.length > 0) refer(wait);
    else if (first === 2) move(wait, "closed_without_action");
    else if (move(wait, "in_follow_up")) followUp();
    if (state.status === "in_follow_up") followUp();
  }
  if (
    isFinalStatus(state.status) &&
    state.status !== "closed_without_action" &&
    random.chance(0.35)
  ) {
    const answeredAt = t + days(random, 1, 10);
    if (answeredAt < input.end) {
      t = answeredAt;
      state.residentConfirmation =
        (["fixed", "not_fixed", "dont_know"] as const)[random.weighted([70, 20, 10])] ?? "fixed";
      state.residentConfirmedAt = t;
      event("resident_confirmation", { actor: "resident" });
      if (state.residentConfirmation === "not_fixed" && random.chance(0.5)) {
        if (move(60, "in_follow_up", "resident")) move(days(random, 3, 20), "resolved");
      }
    }
  } else if (isFinalStatus(state.status) && random.chance(0.04)) {
    if (move(days(random, 5, 30), "in_follow_up")) followUp();
  }
  return state;
}
