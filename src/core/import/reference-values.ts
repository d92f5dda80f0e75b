/**
 * Values that name something in the register or a closed list: ranks, units and roles (by code or
 * by name), career event types and their reasons. Never a guess: a word that names two things is
 * reported as ambiguous, a word that names nothing as unknown.
 */
import {
  careerEventTypes,
  exitReasons,
  leaveReasons,
  type CareerEventType,
} from "../schemas/workforce-events";
import {
  EVENT_WORDS,
  EXIT_REASON_WORDS,
  LEAVE_REASON_WORDS,
  type EventReason,
} from "./event-vocabulary";
import { isFormulaCell, type SourceCell } from "./table";
import { foldLatinDiacritics, normaliseKey } from "./text-keys";

export type { EventReason } from "./event-vocabulary";

export interface ReferenceItem {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly aliases?: readonly string[];
}

/** The id named, `"ambiguous"` when the text names two items, undefined when it names none. */
export type ReferenceMatch = number | "ambiguous" | undefined;
export type ReferenceMatcher = (text: string) => ReferenceMatch;

/** Distinct texts remembered per matcher: the few thousand rank, unit and role spellings of a file. */
const MATCH_CACHE_LIMIT = 50_000;

/**
 * Matches text against items by code, name or alias: NFC, trimmed, whitespace collapsed, case
 * folded. A key shared by two items answers "ambiguous" (two stations named "Central": use the
 * codes). `extraMap` (the mapping's value map: source text → item code) overrides everything; an
 * entry naming an absent code matches nothing.
 */
export function createReferenceMatcher(
  items: readonly ReferenceItem[],
  extraMap?: Readonly<Record<string, string>>,
): ReferenceMatcher {
  const index = new Map<string, number | "ambiguous" | null>();
  const codes = new Map<string, number>();
  const add = (text: string, id: number) => {
    const key = normaliseKey(text);
    if (key === "") return;
    const previous = index.get(key);
    index.set(key, previous === undefined || previous === id ? id : "ambiguous");
  };
  for (const item of items) {
    codes.set(item.code, item.id);
    add(item.code, item.id);
    add(item.name, item.id);
    for (const alias of item.aliases ?? []) add(alias, item.id);
  }
  for (const [text, code] of Object.entries(extraMap ?? {})) {
    const byCode = codes.get(code) ?? index.get(normaliseKey(code));
    index.set(normaliseKey(text), typeof byCode === "number" ? byCode : null);
  }
  const cache = new Map<string, number | "ambiguous" | null>();
  return (text) => {
    let match = cache.get(text);
    if (match === undefined) {
      match = index.get(normaliseKey(text)) ?? null;
      if (cache.size < MATCH_CACHE_LIMIT) cache.set(text, match);
    }
    return match ?? undefined;
  };
}

const SEPARATORS = /[\s_-]+/g;

/** How event types and reasons compare: "Role-change" = "role_change" = "ROLE CHANGE"; "Nghỉ hưu" = "nghi huu". */
export function eventKey(text: string): string {
  return foldLatinDiacritics(normaliseKey(text)).replace(SEPARATORS, " ").trim();
}

export type EventTypeParse =
  | { readonly ok: true; readonly type: CareerEventType; readonly reason: EventReason | null }
  | { readonly ok: false; readonly code: "required" | "formula_cell" | "invalid_event_type" };

export type ReasonParse =
  | { readonly ok: true; readonly value: EventReason }
  | { readonly ok: false; readonly code: "required" | "formula_cell" | "invalid_reason" };

const frozen = <T extends object>(value: T): T => Object.freeze(value);
const eventResult = (type: CareerEventType, reason: EventReason | null): EventTypeParse =>
  frozen({ ok: true, type, reason });
const reasonResult = (value: EventReason): ReasonParse => frozen({ ok: true, value });

const BUILT_IN_EVENTS = new Map<string, EventTypeParse>([
  ...careerEventTypes.map((type) => [eventKey(type), eventResult(type, null)] as const),
  ...Object.values(EVENT_WORDS).flatMap((words) =>
    words.map(
      ([word, type, reason]) => [eventKey(word), eventResult(type, reason ?? null)] as const,
    ),
  ),
]);

function reasonIndex<R extends EventReason>(
  codes: readonly R[],
  words: Readonly<Record<string, readonly (readonly [string, R])[]>>,
): ReadonlyMap<string, ReasonParse> {
  return new Map<string, ReasonParse>([
    ...codes.map((code) => [eventKey(code), reasonResult(code)] as const),
    ...Object.values(words).flatMap((list) =>
      list.map(([word, reason]) => [eventKey(word), reasonResult(reason)] as const),
    ),
  ]);
}

const LEAVE_REASONS = reasonIndex(leaveReasons, LEAVE_REASON_WORDS);
const EXIT_REASONS = reasonIndex(exitReasons, EXIT_REASON_WORDS);

const REQUIRED = frozen({ ok: false, code: "required" } as const);
const FORMULA = frozen({ ok: false, code: "formula_cell" } as const);
const INVALID_EVENT = frozen({ ok: false, code: "invalid_event_type" } as const);
const INVALID_REASON = frozen({ ok: false, code: "invalid_reason" } as const);

/** Compiles a value map once per map object (the mapping's maps live as long as the import). */
function compiled<V>(
  extraMap: Readonly<Record<string, V>>,
  cache: WeakMap<object, ReadonlyMap<string, V>>,
) {
  let map = cache.get(extraMap);
  if (!map) {
    map = new Map(Object.entries(extraMap).map(([text, value]) => [eventKey(text), value]));
    cache.set(extraMap, map);
  }
  return map;
}

const eventMaps = new WeakMap<object, ReadonlyMap<string, CareerEventType>>();
const reasonMaps = new WeakMap<object, ReadonlyMap<string, string>>();

/** The key of a text or number cell, or the error a cell of another kind gets. */
function keyOf(cell: SourceCell): string | typeof REQUIRED | typeof FORMULA | null {
  if (cell === null) return REQUIRED;
  if (typeof cell === "object" && isFormulaCell(cell)) return FORMULA;
  if (typeof cell !== "string" && typeof cell !== "number") return null;
  const key = eventKey(String(cell));
  return key === "" ? REQUIRED : key;
}

/**
 * Reads an event type: the codes, English words ("promoted", "retired" → exit with reason
 * retirement) and common terms of the other five languages, or the mapping's value map first.
 */
export function parseEventType(
  cell: SourceCell,
  extraMap?: Readonly<Record<string, CareerEventType>>,
): EventTypeParse {
  const key = keyOf(cell);
  if (typeof key !== "string") return key ?? INVALID_EVENT;
  const mapped = extraMap && compiled(extraMap, eventMaps).get(key);
  if (mapped) return { ok: true, type: mapped, reason: null };
  return BUILT_IN_EVENTS.get(key) ?? INVALID_EVENT;
}

/** The reasons an event type carries: leave and exit have a closed list, other events none. */
export function reasonsFor(type: CareerEventType): readonly EventReason[] {
  if (type === "leave_start" || type === "leave_end") return leaveReasons;
  return type === "exit" ? exitReasons : [];
}

/**
 * Reads the reason of a leave (maternity, paternity, study, secondment, un_mission, other) or an
 * exit (retirement, resignation, dismissal, death, other). The value map, if it names the text,
 * must name a reason of this event type.
 */
export function parseReason(
  type: CareerEventType,
  cell: SourceCell,
  extraMap?: Readonly<Record<string, string>>,
): ReasonParse {
  const key = keyOf(cell);
  if (typeof key !== "string") return key ?? INVALID_REASON;
  const allowed = reasonsFor(type);
  const mapped = extraMap && compiled(extraMap, reasonMaps).get(key);
  if (mapped !== undefined) {
    const reason = allowed.find((code) => code === mapped);
    return reason ? { ok: true, value: reason } : INVALID_REASON;
  }
  const index = type === "exit" ? EXIT_REASONS : allowed.length > 0 ? LEAVE_REASONS : null;
  return index?.get(key) ?? INVALID_REASON;
}
