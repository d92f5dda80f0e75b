/**
 * Community issues (issue 7): problems raised by residents, their lifecycle
 * (`core/community/issue-lifecycle.ts`), assignment, notes, referrals and history.
 */
import { z } from "zod";
import { issueStatuses } from "../community/issue-lifecycle";
import {
  issueActorKinds,
  issueEventKinds,
  issueSources,
  referralOutcomes,
  residentConfirmations,
  staffIssueSources,
  stakeholderTypes,
} from "../community/vocabulary";
import { calendarDate, isoDate } from "./common";
import {
  ageGroup,
  entityId,
  nonBlankText,
  pageQuery,
  queryFlag,
  raisedBy,
  taxonomyRef,
  unitRef,
} from "./community-common";
import { sex } from "./sex";

export const issueStatus = z.enum(issueStatuses);
export const issueSource = z.enum(issueSources);

const userRef = z.object({ id: z.number().int(), displayName: z.string() });

/** Who may be assigned an issue: active users who may work on issues of its unit. */
export const issueAssignees = z.object({ assignees: z.array(userRef) });
export type IssueAssignees = z.infer<typeof issueAssignees>;

export const issueSummary = z.object({
  id: z.number().int(),
  /** Random 10-character code the resident keeps (core/community/reference-code.ts). */
  reference: z.string(),
  source: issueSource,
  status: issueStatus,
  category: taxonomyRef,
  unit: unitRef,
  place: z.string().nullable(),
  /** Verbatim, markup included: render it as text. */
  description: z.string(),
  raisedBy,
  isAnonymous: z.boolean(),
  /** Contact details are stored (encrypted); reading them is a separate, audited request. */
  hasContact: z.boolean(),
  womanOfficerRequested: z.boolean(),
  womanOfficerAssigned: z.boolean(),
  assignee: userRef.nullable(),
  dueOn: isoDate.nullable(),
  /** Due date before today and status not final. */
  isOverdue: z.boolean(),
  reopenCount: z.number().int(),
  outreachSessionId: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IssueSummary = z.infer<typeof issueSummary>;

export const referral = z.object({
  id: z.number().int(),
  issueId: z.number().int(),
  stakeholder: z.object({
    id: z.number().int(),
    name: z.string(),
    type: z.enum(stakeholderTypes),
  }),
  request: z.string(),
  sentOn: isoDate,
  response: z.string().nullable(),
  responseOn: isoDate.nullable(),
  outcome: z.enum(referralOutcomes).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Referral = z.infer<typeof referral>;

export const issueDetail = issueSummary.extend({
  statusReason: z.string().nullable(),
  firstOutcome: issueStatus.nullable(),
  firstOutcomeAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  residentConfirmation: z.enum(residentConfirmations).nullable(),
  residentConfirmedAt: z.string().nullable(),
  /** Statuses an officer may move it to now. */
  nextStatuses: z.array(issueStatus),
  referrals: z.array(referral),
});
export type IssueDetail = z.infer<typeof issueDetail>;

export const issueEvent = z.object({
  id: z.number().int(),
  kind: z.enum(issueEventKinds),
  fromStatus: issueStatus.nullable(),
  toStatus: issueStatus.nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  /** Internal entries are never shown to the resident. */
  isInternal: z.boolean(),
  assignee: userRef.nullable(),
  referralId: z.number().int().nullable(),
  /** Fields an update changed (names only). */
  fields: z.array(z.string()),
  actor: z.object({ kind: z.enum(issueActorKinds), user: userRef.nullable() }),
  occurredAt: z.string(),
});
export type IssueEvent = z.infer<typeof issueEvent>;

export const issueHistory = z.object({ events: z.array(issueEvent) });

export const issuePage = z.object({
  issues: z.array(issueSummary),
  page: z.number().int(),
  hasNextPage: z.boolean(),
});
export type IssuePage = z.infer<typeof issuePage>;

/** Orders of the issue list. */
export const issueSorts = ["newest", "due", "updated"] as const;
export type IssueSort = (typeof issueSorts)[number];

export const issueListQuery = z.object({
  status: issueStatus.optional(),
  /** Only issues not in a final status (true) or only final ones (false). */
  open: queryFlag,
  category: z.coerce.number().int().positive().optional(),
  source: issueSource.optional(),
  overdue: queryFlag,
  /** `me`, `none` (unassigned) or a user id. */
  assignee: z
    .string()
    .regex(/^(me|none|[1-9][0-9]{0,9})$/, "me, none or a user id")
    .optional(),
  /** An org unit: only issues in its subtree. */
  unit: z.coerce.number().int().positive().optional(),
  /** Only issues whose resident asked for a woman officer (true) or did not (false). */
  womanOfficer: queryFlag,
  /** `newest` (created, newest first), `due` (due date, soonest first) or `updated` (last change first). */
  sort: z.enum(issueSorts).default("newest"),
  page: pageQuery,
});
export type IssueListQuery = z.infer<typeof issueListQuery>;

export const myWorkQuery = z.object({ page: pageQuery });

/** A problem as an officer records it (alone, or as one raised in an outreach session). */
export const problemInput = z.object({
  categoryId: entityId,
  description: nonBlankText,
  place: nonBlankText.nullable().optional(),
  raisedBy: z
    .object({ sex: sex.nullable().optional(), ageGroup: ageGroup.nullable().optional() })
    .optional(),
  /** The resident's contact details (phone, address); stored encrypted. Not with `isAnonymous`. */
  contact: nonBlankText.nullable().optional(),
  isAnonymous: z.boolean().optional(),
  womanOfficerRequested: z.boolean().optional(),
  /** Default: 14 days after today. */
  dueOn: calendarDate.optional(),
  /** Recorded as solved on the spot (new → solved_on_the_spot in the same transaction). */
  solvedOnTheSpot: z.boolean().optional(),
});
export type ProblemInput = z.infer<typeof problemInput>;

export const createIssueBody = problemInput.extend({
  source: z.enum(staffIssueSources),
  unitId: entityId,
  outreachSessionId: entityId.optional(),
  assigneeId: entityId.optional(),
});
export type CreateIssueInput = z.infer<typeof createIssueBody>;

export const updateIssueBody = z.object({
  categoryId: entityId.optional(),
  place: nonBlankText.nullable().optional(),
  dueOn: calendarDate.nullable().optional(),
  womanOfficerRequested: z.boolean().optional(),
});
export type UpdateIssueInput = z.infer<typeof updateIssueBody>;

export const transitionBody = z.object({
  to: issueStatus,
  /** Required for closed_without_action, closed_not_resolved and a reopening. */
  reason: z.string().optional(),
});
export type TransitionInput = z.infer<typeof transitionBody>;

export const assignBody = z.object({
  /** Null unassigns. The assignee must be able to work on issues of the issue's unit. */
  assigneeId: entityId.nullable(),
  /** Whether a woman officer now serves the resident (users carry no sex; the officer says so). */
  womanOfficerAssigned: z.boolean().optional(),
});
export type AssignInput = z.infer<typeof assignBody>;

export const noteBody = z.object({
  text: nonBlankText,
  /** Internal notes stay with officers; public ones may be shown on the follow-up page. */
  isInternal: z.boolean().default(true),
});
export type NoteInput = z.infer<typeof noteBody>;

export const createReferralBody = z.object({
  stakeholderId: entityId,
  request: nonBlankText,
  sentOn: calendarDate,
});
export type CreateReferralInput = z.infer<typeof createReferralBody>;

export const updateReferralBody = z.object({
  response: nonBlankText.nullable().optional(),
  responseOn: calendarDate.nullable().optional(),
  outcome: z.enum(referralOutcomes).nullable().optional(),
});
export type UpdateReferralInput = z.infer<typeof updateReferralBody>;

export const referralParams = z.object({
  id: z.coerce.number().int().positive(),
  referralId: z.coerce.number().int().positive(),
});

export const issueContact = z.object({
  contact: z.string().nullable(),
  isAnonymous: z.boolean(),
});
export type IssueContact = z.infer<typeof issueContact>;
