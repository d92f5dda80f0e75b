/** Outreach sessions (issue 7): who came, what was discussed, and the problems raised there. */
import { z } from "zod";
import { attendanceAgeGroups, stakeholderTypes } from "../community/vocabulary";
import { calendarDate, isoDate } from "./common";
import { issueStatus, problemInput } from "./community-issues";
import {
  entityId,
  nonBlankText,
  pageQuery,
  sexCountsInput,
  sexTally,
  taxonomyRef,
  unitRef,
} from "./community-common";
import { sex } from "./sex";

export const attendanceCell = z.object({
  sex,
  ageGroup: z.enum(attendanceAgeGroups),
  count: z.number().int().min(0).max(100_000),
});
export type AttendanceCell = z.infer<typeof attendanceCell>;

const latitude = z.number().min(-90).max(90).nullable();
const longitude = z.number().min(-180).max(180).nullable();
const ids = z.array(entityId).max(50);

export const createOutreachSessionBody = z.object({
  heldOn: calendarDate,
  unitId: entityId,
  /** Village, commune or venue. */
  place: nonBlankText,
  /** Optional coordinates, both or neither. */
  latitude: latitude.optional(),
  longitude: longitude.optional(),
  notes: z.string().optional(),
  topicIds: ids.default([]),
  /** Partner organisations from the stakeholder directory. */
  partnerIds: ids.default([]),
  officersPresent: sexCountsInput.default({}),
  /** One cell per sex × age group; a total without breakdown is `U` × `unknown`. */
  attendance: z.array(attendanceCell).max(25).default([]),
  /** Problems raised in the session: each becomes a community issue linked to it. */
  problems: z.array(problemInput).max(200).default([]),
});
export type CreateOutreachSessionInput = z.infer<typeof createOutreachSessionBody>;

export const updateOutreachSessionBody = z.object({
  heldOn: calendarDate.optional(),
  place: nonBlankText.optional(),
  latitude: latitude.optional(),
  longitude: longitude.optional(),
  notes: z.string().optional(),
  topicIds: ids.optional(),
  partnerIds: ids.optional(),
  officersPresent: sexCountsInput.optional(),
  /** Replaces every cell. */
  attendance: z.array(attendanceCell).max(25).optional(),
  /** Problems raised in the session, recorded only now: each becomes an issue linked to it. */
  problems: z.array(problemInput).max(200).optional(),
});
export type UpdateOutreachSessionInput = z.infer<typeof updateOutreachSessionBody>;

export const outreachSessionSummary = z.object({
  id: z.number().int(),
  heldOn: isoDate,
  unit: unitRef,
  place: z.string(),
  topics: z.array(taxonomyRef),
  /** Attendances (not unique persons) by sex, all age groups. */
  attendance: sexTally,
  officersPresent: sexTally,
  issueCount: z.number().int(),
});
export type OutreachSessionSummary = z.infer<typeof outreachSessionSummary>;

export const outreachSession = outreachSessionSummary.extend({
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  notes: z.string(),
  partners: z.array(
    z.object({ id: z.number().int(), name: z.string(), type: z.enum(stakeholderTypes) }),
  ),
  attendanceCells: z.array(attendanceCell),
  issues: z.array(
    z.object({
      id: z.number().int(),
      reference: z.string(),
      status: issueStatus,
      category: taxonomyRef,
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OutreachSession = z.infer<typeof outreachSession>;

export const outreachSessionPage = z.object({
  sessions: z.array(outreachSessionSummary),
  page: z.number().int(),
  hasNextPage: z.boolean(),
});
export type OutreachSessionPage = z.infer<typeof outreachSessionPage>;

export const outreachListQuery = z.object({
  /** An org unit: only sessions of its subtree. */
  unit: z.coerce.number().int().positive().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  topic: z.coerce.number().int().positive().optional(),
  page: pageQuery,
});
export type OutreachListQuery = z.infer<typeof outreachListQuery>;
