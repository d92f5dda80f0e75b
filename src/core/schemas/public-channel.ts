/**
 * The public channel of community policing (issue 7): what a resident sends and receives without
 * signing in. Codes, never database ids, name categories and units. Free text is taken verbatim
 * (markup included) and returned as JSON data; its length is checked by the service against
 * `core/community/text-limits.ts`.
 */
import { z } from "zod";
import { issueStatuses } from "../community/issue-lifecycle";
import { residentConfirmations } from "../community/vocabulary";
import { locales, type Locale } from "./auth";
import { ageGroup, nonBlankText } from "./community-common";
import type { ProblemInput } from "./community-issues";
import { sex } from "./sex";

/** The header that carries the follow-up secret (never the query string: URLs end up in logs). */
export const FOLLOW_UP_SECRET_HEADER = "x-follow-up-secret";

/** The honeypot: a field the public page hides from people; only a robot fills it in. */
export const HONEYPOT_FIELD = "website";

const code = z.string().min(1).max(40);

export const createPublicIssueBody = z.object({
  /** An active issue category (GET /api/public/categories). */
  category: code,
  description: nonBlankText,
  place: nonBlankText.nullable().optional(),
  /** A province or district (GET /api/public/units); default: the national root. */
  unit: code.optional(),
  /** Anonymous: no contact is stored and nothing identifying is kept. */
  isAnonymous: z.boolean(),
  /** How the police may reach the resident; required unless anonymous, refused with it. */
  contact: nonBlankText.nullable().optional(),
  raisedBy: z
    .object({ sex: sex.nullable().optional(), ageGroup: ageGroup.nullable().optional() })
    .optional(),
  womanOfficerRequested: z.boolean().default(false),
  /** The language the resident writes in; the follow-up page opens in it. */
  language: z.enum(locales),
  /**
   * The page's own id of this submission (a random UUID), sent again on every retry: the same id
   * answers with the same receipt and records nothing new (idempotent; the first body wins).
   */
  clientId: z.uuid().optional(),
  [HONEYPOT_FIELD]: z.string().max(1000).optional(),
});
export type CreatePublicIssueInput = z.infer<typeof createPublicIssueBody>;

/** The acknowledgement, sent once the issue is committed. The secret is shown only this once. */
export const publicIssueReceipt = z.object({
  /** 10 characters without look-alikes; shown as ABCD-EFGH-JK. */
  reference: z.string(),
  followUpSecret: z.string(),
  /** Path of the follow-up page; the secret is in the fragment, which browsers never send. */
  followUpUrl: z.string(),
});
export type PublicIssueReceipt = z.infer<typeof publicIssueReceipt>;

export const publicReferenceParams = z.object({ reference: z.string().max(40) });
export const followUpHeaders = z.object({ [FOLLOW_UP_SECRET_HEADER]: z.string().min(1).max(200) });

/**
 * One entry of the follow-up page: received, a status change, a reopening, a note the officer
 * marked public, a referral ("referred to a partner organisation", nothing more), the resident's
 * answer. Never internal notes, reasons, assignees or referral details.
 */
export const publicUpdate = z.object({
  kind: z.enum(["created", "status", "reopen", "note", "referral", "resident_confirmation"]),
  /** The status reached (created, status, reopen). */
  status: z.enum(issueStatuses).nullable(),
  note: z.string().nullable(),
  confirmation: z.enum(residentConfirmations).nullable(),
  byResident: z.boolean(),
  at: z.string(),
});
export type PublicUpdate = z.infer<typeof publicUpdate>;

const namedCode = z.object({ code: z.string(), name: z.string() });
/** Seeded categories have no name: the page shows `community.categories.<code>`. */
const categoryRef = z.object({ code: z.string(), name: z.string().nullable() });

export const publicIssueView = z.object({
  reference: z.string(),
  status: z.enum(issueStatuses),
  category: categoryRef,
  unit: namedCode,
  /** Verbatim, markup included: render it as text. */
  description: z.string(),
  place: z.string().nullable(),
  isAnonymous: z.boolean(),
  womanOfficerRequested: z.boolean(),
  womanOfficerAssigned: z.boolean(),
  language: z.enum(locales).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  residentConfirmation: z.enum(residentConfirmations).nullable(),
  residentConfirmedAt: z.string().nullable(),
  /** The resident may answer "fixed / not fixed / don't know" and reopen (a final status). */
  canConfirm: z.boolean(),
  updates: z.array(publicUpdate),
});
export type PublicIssueView = z.infer<typeof publicIssueView>;

export const publicConfirmationBody = z.object({
  answer: z.enum(residentConfirmations),
  /** Reopen the issue (not with `fixed`). */
  reopen: z.boolean().default(false),
});
export type PublicConfirmationInput = z.infer<typeof publicConfirmationBody>;

export const publicUnits = z.object({
  root: namedCode,
  provinces: z.array(namedCode.extend({ districts: z.array(namedCode) })),
});
export type PublicUnits = z.infer<typeof publicUnits>;

export const publicCategories = z.object({ categories: z.array(categoryRef) });
export type PublicCategories = z.infer<typeof publicCategories>;

/** A resident's submission as the issues feature records it: category and unit resolved to ids. */
export type ResidentProblem = Pick<
  ProblemInput,
  "categoryId" | "description" | "place" | "isAnonymous" | "contact" | "raisedBy"
> & {
  readonly unitId: number;
  readonly womanOfficerRequested: boolean;
  readonly language: Locale;
  /** The page's id of the submission (idempotency key), when it sent one. */
  readonly clientId?: string;
};
