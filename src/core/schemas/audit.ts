import { z } from "zod";
import { isoDate } from "./common";

export const auditOutcomes = ["success", "failure", "denied"] as const;
export const auditOutcome = z.enum(auditOutcomes);
export type AuditOutcome = z.infer<typeof auditOutcome>;

/** A real calendar day (2025-02-29 and 2025-13-01 are refused). */
const calendarDate = isoDate.refine((value) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}, "not a calendar date");

export const AUDIT_PAGE_SIZE_DEFAULT = 50;
export const AUDIT_PAGE_SIZE_MAX = 200;

/** Filters shared by the audit browser, its CSV export and the web's query string. */
export const auditFilters = z.object({
  /** Username of the actor (exact, case-insensitive). */
  user: z.string().trim().toLowerCase().min(1).max(64).optional(),
  /** An org unit: entries of its whole subtree. */
  unit: z.coerce.number().int().positive().optional(),
  /** An action (`auth.sign_in`) or a prefix ending in a dot (`auth.`). */
  action: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.-]{1,100}$/)
    .optional(),
  /** Inclusive first day (UTC). */
  from: calendarDate.optional(),
  /** Inclusive last day (UTC). */
  to: calendarDate.optional(),
});
export type AuditFilters = z.infer<typeof auditFilters>;

export const auditListQuery = auditFilters.extend({
  /** Keyset cursor: only entries with a smaller id (the `nextBefore` of the previous page). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_SIZE_MAX).default(AUDIT_PAGE_SIZE_DEFAULT),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;

export const auditEntry = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actorUserId: z.number().int().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  orgUnitId: z.number().int().nullable(),
  fields: z.array(z.string()),
  outcome: auditOutcome,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditPage = z.object({
  entries: z.array(auditEntry),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof auditPage>;
