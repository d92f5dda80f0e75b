import type { ProblemInput } from "../../../../core/schemas/community-issues";
import type {
  CreateOutreachSessionInput,
  OutreachSession,
  UpdateOutreachSessionInput,
} from "../../../../core/schemas/outreach";
import { sexes } from "../../../../core/schemas/sex";
import { emptySexCounts, fromAttendanceCells, toAttendanceCells } from "./attendance";
import type { FieldError, FieldErrors } from "./field-errors";
import type { ProblemDraft, SessionDraft } from "./session-draft";

export type Mapped<T> =
  { readonly ok: true; readonly body: T } | { readonly ok: false; readonly errors: FieldErrors };

const isBlank = (value: string) => value.trim() === "";

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A coordinate as typed ("11.55", "11,55", " 104.9 "): a number, null when blank, NaN when not a number. */
export function parseCoordinate(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return /^[-+]?\d+([.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(",", ".")) : NaN;
}

interface Coordinates {
  readonly latitude: number | null;
  readonly longitude: number | null;
}

function checkCoordinates(draft: SessionDraft, errors: Record<string, FieldError>): Coordinates {
  const latitude = parseCoordinate(draft.latitude);
  const longitude = parseCoordinate(draft.longitude);
  for (const [field, value, limit, rangeKey] of [
    ["latitude", latitude, 90, "latitudeRange"],
    ["longitude", longitude, 180, "longitudeRange"],
  ] as const) {
    if (value === null) continue;
    if (Number.isNaN(value)) errors[field] = { key: "invalidNumber" };
    else if (Math.abs(value) > limit) errors[field] = { key: rangeKey };
  }
  if ((latitude === null) !== (longitude === null)) {
    errors[latitude === null ? "latitude" : "longitude"] = { key: "coordinatesPair" };
  }
  return { latitude, longitude };
}

/** The session's own fields that every save checks before sending. */
function checkSession(draft: SessionDraft, errors: Record<string, FieldError>): Coordinates {
  if (isBlank(draft.heldOn)) errors.heldOn = { key: "required" };
  else if (!isCalendarDate(draft.heldOn)) errors.heldOn = { key: "invalidDate" };
  if (isBlank(draft.place)) errors.place = { key: "required" };
  return checkCoordinates(draft, errors);
}

function toProblem(
  problem: ProblemDraft,
  index: number,
  errors: Record<string, FieldError>,
): ProblemInput {
  const field = (name: string) => `problems[${index}].${name}`;
  if (problem.categoryId === null) errors[field("categoryId")] = { key: "required" };
  if (isBlank(problem.description)) errors[field("description")] = { key: "required" };
  if (problem.solvedOnTheSpot === null) errors[field("solvedOnTheSpot")] = { key: "required" };
  const hasRaisedBy = problem.raisedBySex !== null || problem.raisedByAgeGroup !== null;
  return {
    categoryId: problem.categoryId ?? 0,
    description: problem.description,
    solvedOnTheSpot: problem.solvedOnTheSpot ?? false,
    womanOfficerRequested: problem.womanOfficerRequested,
    ...(hasRaisedBy
      ? { raisedBy: { sex: problem.raisedBySex, ageGroup: problem.raisedByAgeGroup } }
      : {}),
  };
}

const notesOf = (draft: SessionDraft) => (isBlank(draft.notes) ? "" : draft.notes);

/**
 * The body of `POST /api/outreach/sessions` for a filled-in form, or the fields to fix first.
 * Texts go as typed (the server keeps them verbatim); only non-zero attendance cells are sent.
 */
export function toCreateBody(draft: SessionDraft): Mapped<CreateOutreachSessionInput> {
  const errors: Record<string, FieldError> = {};
  const { latitude, longitude } = checkSession(draft, errors);
  if (draft.unitId === null) errors.unitId = { key: "required" };
  const problems = draft.problems.map((problem, index) => toProblem(problem, index, errors));
  if (Object.keys(errors).length > 0 || draft.unitId === null) return { ok: false, errors };
  return {
    ok: true,
    body: {
      heldOn: draft.heldOn,
      unitId: draft.unitId,
      place: draft.place,
      ...(latitude === null ? {} : { latitude, longitude }),
      notes: notesOf(draft),
      topicIds: [...draft.topicIds],
      partnerIds: [...draft.partnerIds],
      officersPresent: { ...draft.officers },
      attendance: toAttendanceCells(draft.attendance),
      problems,
    },
  };
}

const sameIds = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * The body of `PATCH /api/outreach/sessions/:id`: only the fields that differ from `original` (the
 * session as loaded), so that the audit trail names what changed, and the problems added since it
 * was saved (each becomes an issue). Problems recorded before are community issues, changed
 * through their own pages.
 */
export function toUpdateBody(
  draft: SessionDraft,
  original: SessionDraft,
): Mapped<UpdateOutreachSessionInput> {
  const errors: Record<string, FieldError> = {};
  const { latitude, longitude } = checkSession(draft, errors);
  const problems = draft.problems.map((problem, index) => toProblem(problem, index, errors));
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const cells = toAttendanceCells(draft.attendance);
  const isMoved = draft.latitude !== original.latitude || draft.longitude !== original.longitude;
  return {
    ok: true,
    body: {
      ...(draft.heldOn === original.heldOn ? {} : { heldOn: draft.heldOn }),
      ...(draft.place === original.place ? {} : { place: draft.place }),
      ...(isMoved ? { latitude, longitude } : {}),
      ...(draft.notes === original.notes ? {} : { notes: notesOf(draft) }),
      ...(sameIds(draft.topicIds, original.topicIds) ? {} : { topicIds: [...draft.topicIds] }),
      ...(sameIds(draft.partnerIds, original.partnerIds)
        ? {}
        : { partnerIds: [...draft.partnerIds] }),
      ...(sexes.every((sex) => draft.officers[sex] === original.officers[sex])
        ? {}
        : { officersPresent: { ...draft.officers } }),
      ...(JSON.stringify(cells) === JSON.stringify(toAttendanceCells(original.attendance))
        ? {}
        : { attendance: cells }),
      ...(problems.length === 0 ? {} : { problems }),
    },
  };
}

/** The form's values for a stored session (its problems are issues, listed apart). */
export function sessionToDraft(session: OutreachSession): SessionDraft {
  const { F, M, X, U } = session.officersPresent;
  return {
    heldOn: session.heldOn,
    unitId: session.unit.id,
    place: session.place,
    latitude: session.latitude === null ? "" : String(session.latitude),
    longitude: session.longitude === null ? "" : String(session.longitude),
    notes: session.notes,
    topicIds: session.topics.map((topic) => topic.id),
    partnerIds: session.partners.map((partner) => partner.id),
    officers: { ...emptySexCounts, F, M, X, U },
    attendance: fromAttendanceCells(session.attendanceCells),
    problems: [],
  };
}
