import { z } from "zod";
import { ageGroups, attendanceAgeGroups } from "../../../../core/community/vocabulary";
import { sex, type Sex } from "../../../../core/schemas/sex";
import type { AgeGroup } from "../../../../core/community/vocabulary";
import {
  clampCount,
  emptyAttendance,
  emptySexCounts,
  type AttendanceGrid,
  type SexCounts,
} from "./attendance";

/** One problem raised in the session, as the officer fills it in. */
export interface ProblemDraft {
  /** Stable across edits so that React keeps each sub-form's state; never sent. */
  readonly key: string;
  readonly categoryId: number | null;
  readonly description: string;
  /** Null until the officer answers: the question must be answered. */
  readonly solvedOnTheSpot: boolean | null;
  readonly raisedBySex: Sex | null;
  readonly raisedByAgeGroup: AgeGroup | null;
  readonly womanOfficerRequested: boolean;
}

/** Everything the outreach form holds, as typed (coordinates stay text until sent). */
export interface SessionDraft {
  readonly heldOn: string;
  readonly unitId: number | null;
  readonly place: string;
  readonly latitude: string;
  readonly longitude: string;
  readonly notes: string;
  readonly topicIds: readonly number[];
  readonly partnerIds: readonly number[];
  readonly officers: SexCounts;
  readonly attendance: AttendanceGrid;
  readonly problems: readonly ProblemDraft[];
}

/** A new session on `today` for `unitId` (the officer's own unit), nothing counted yet. */
export function emptySessionDraft(today: string, unitId: number | null): SessionDraft {
  return {
    heldOn: today,
    unitId,
    place: "",
    latitude: "",
    longitude: "",
    notes: "",
    topicIds: [],
    partnerIds: [],
    officers: emptySexCounts,
    attendance: emptyAttendance(),
    problems: [],
  };
}

export function emptyProblemDraft(key: string): ProblemDraft {
  return {
    key,
    categoryId: null,
    description: "",
    solvedOnTheSpot: null,
    raisedBySex: null,
    raisedByAgeGroup: null,
    womanOfficerRequested: false,
  };
}

const count = z.number().transform(clampCount);
const sexCounts = z.object({ F: count, M: count, X: count, U: count });
const ageRow = z.object(
  Object.fromEntries(attendanceAgeGroups.map((group) => [group, count])) as Record<
    (typeof attendanceAgeGroups)[number],
    typeof count
  >,
);
const ids = z.array(z.number().int().positive()).max(50);

const storedDraft = z.object({
  version: z.literal(1),
  savedAt: z.string(),
  draft: z.object({
    heldOn: z.string().max(10),
    unitId: z.number().int().positive().nullable(),
    place: z.string(),
    latitude: z.string(),
    longitude: z.string(),
    notes: z.string(),
    topicIds: ids,
    partnerIds: ids,
    officers: sexCounts,
    attendance: z.object({ F: ageRow, M: ageRow, X: ageRow, U: ageRow }),
    problems: z
      .array(
        z.object({
          key: z.string(),
          categoryId: z.number().int().positive().nullable(),
          description: z.string(),
          solvedOnTheSpot: z.boolean().nullable(),
          raisedBySex: sex.nullable(),
          raisedByAgeGroup: z.enum(ageGroups).nullable(),
          womanOfficerRequested: z.boolean(),
        }),
      )
      .max(200),
  }),
});

/** A draft kept in this browser, and when it was kept. */
export interface StoredDraft {
  readonly savedAt: string;
  readonly draft: SessionDraft;
}

/** The draft as stored in localStorage (versioned, so that a later form can refuse an old shape). */
export function serialiseDraft(draft: SessionDraft, savedAt: Date): string {
  return JSON.stringify({ version: 1, savedAt: savedAt.toISOString(), draft });
}

/** The stored draft, or null when there is none or it is damaged or of another version. */
export function parseDraft(text: string | null): StoredDraft | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = storedDraft.safeParse(value);
  return parsed.success ? { savedAt: parsed.data.savedAt, draft: parsed.data.draft } : null;
}

/** Where a user's draft of a new session (`sessionId` null) or of an edit is kept in this browser. */
export function draftStorageKey(userId: number, sessionId: number | null): string {
  return `tandem.outreach.draft.${userId}.${sessionId ?? "new"}`;
}

/** JSON with object keys sorted, so that equal values give equal text whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/** Whether two drafts hold the same values (a draft equal to its starting point is not kept). */
export function isSameDraft(a: SessionDraft, b: SessionDraft): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
