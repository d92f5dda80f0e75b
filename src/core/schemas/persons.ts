/**
 * The person view (issue 5): finding a person by service number within the caller's scope, their
 * career timeline, and corrections of career events (a retraction, with an optional replacement).
 */
import { z } from "zod";
import { calendarDate, isoDate } from "./common";
import { sex } from "./sex";
import { careerEventType, exitReasons, leaveReasons } from "./workforce-events";

export const PERSON_PAGE_SIZE = 25;

export const personSearchQuery = z.object({
  /** The start of a service number (case-insensitive); empty lists everyone in scope. */
  q: z.string().trim().max(64).optional(),
  /** An org unit: only people whose latest spell is in its subtree. */
  unit: z.coerce.number().int().positive().optional(),
  /** 1-based page of `PERSON_PAGE_SIZE` people, in service-number order. */
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type PersonSearchQuery = z.infer<typeof personSearchQuery>;

export const personStatuses = ["active", "on_leave", "left"] as const;
export const personStatus = z.enum(personStatuses);
export type PersonStatus = z.infer<typeof personStatus>;

const namedRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
export type NamedRef = z.infer<typeof namedRef>;

export const personSummary = z.object({
  id: z.number().int(),
  serviceNumber: z.string(),
  sex,
  birthYear: z.number().int().nullable(),
  rank: namedRef,
  unit: namedRef,
  role: namedRef.nullable(),
  status: personStatus,
});
export type PersonSummary = z.infer<typeof personSummary>;

export const personSearchPage = z.object({
  persons: z.array(personSummary),
  page: z.number().int(),
  hasNextPage: z.boolean(),
});
export type PersonSearchPage = z.infer<typeof personSearchPage>;

export const retractionInfo = z.object({
  reason: z.string(),
  retractedAt: z.string(),
  /** Username of who recorded the correction; null for the system. */
  retractedBy: z.string().nullable(),
  replacementEventId: z.number().int().nullable(),
});

export const timelineEvent = z.object({
  id: z.number().int(),
  type: careerEventType,
  date: isoDate,
  /** The state after the event; null = unchanged by it. */
  rank: namedRef.nullable(),
  /** Null when unchanged, or when the unit lies outside the caller's scope (`isUnitOutsideScope`). */
  unit: namedRef.nullable(),
  isUnitOutsideScope: z.boolean(),
  role: namedRef.nullable(),
  /** Leave and exit reasons (`maternity`, `retirement`, …). */
  reason: z.string().nullable(),
  importBatchId: z.number().int().nullable(),
  recordedAt: z.string(),
  retraction: retractionInfo.nullable(),
  /** Set on a replacement event: the retracted event it corrects. */
  replacesEventId: z.number().int().nullable(),
});
export type TimelineEvent = z.infer<typeof timelineEvent>;

export const currentSpell = z.object({
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  rank: namedRef,
  rankGroup: z.object({ code: z.string(), name: z.string() }),
  unit: namedRef,
  role: namedRef.nullable(),
  isLeadership: z.boolean(),
  onLeave: z.boolean(),
});

export const personDetail = z.object({
  id: z.number().int(),
  serviceNumber: z.string(),
  sex,
  birthYear: z.number().int().nullable(),
  status: personStatus,
  /** The latest spell (closed when the person has left). */
  current: currentSpell,
  /** Every event in date order (ties in recording order), retracted ones included and marked. */
  timeline: z.array(timelineEvent),
});
export type PersonDetail = z.infer<typeof personDetail>;

export const personIdParams = z.object({ id: z.coerce.number().int().positive() });
export const personEventParams = personIdParams.extend({
  eventId: z.coerce.number().int().positive(),
});

const REASONS_BY_TYPE: Partial<Record<z.infer<typeof careerEventType>, readonly string[]>> = {
  leave_start: leaveReasons,
  leave_end: leaveReasons,
  exit: exitReasons,
};

/** The reasons an event type takes (leave and exit); an empty list means it takes none. */
export function reasonsFor(type: z.infer<typeof careerEventType>): readonly string[] {
  return REASONS_BY_TYPE[type] ?? [];
}

export const replacementEvent = z
  .object({
    type: careerEventType,
    date: calendarDate,
    rankId: z.number().int().positive().optional(),
    unitId: z.number().int().positive().optional(),
    roleId: z.number().int().positive().optional(),
    reason: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    const allowed = reasonsFor(value.type);
    if (allowed.length === 0 && value.reason !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: "this event type takes no reason",
      });
    }
    if (allowed.length > 0 && (value.reason === undefined || !allowed.includes(value.reason))) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: `one of ${allowed.join(", ")}` });
    }
  });
export type ReplacementEvent = z.infer<typeof replacementEvent>;

export const retractEventBody = z.object({
  /** Why the event is wrong; kept with the retraction and shown in the timeline. */
  reason: z.string().trim().min(1).max(500),
  /** The right event, when there is one; it is recorded as a new event. */
  replacement: replacementEvent.optional(),
});
export type RetractEventInput = z.infer<typeof retractEventBody>;

export const retractResult = z.object({
  retractedEventId: z.number().int(),
  replacementEventId: z.number().int().nullable(),
  /** False when the correction moved the person out of the caller's scope (they can no longer open them). */
  isPersonInScope: z.boolean(),
});
export type RetractResult = z.infer<typeof retractResult>;

/** What a replacement event may name: the rank scheme (in order) and the job roles. */
export const correctionOptions = z.object({
  ranks: z.array(namedRef),
  roles: z.array(namedRef),
});
export type CorrectionOptions = z.infer<typeof correctionOptions>;
