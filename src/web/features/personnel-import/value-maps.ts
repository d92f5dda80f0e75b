/**
 * The rules of the value-map editor ("Translate values"): which of a refused file's row errors are
 * values Tandem does not recognise, and how the user's translations of them enter the mapping's
 * value maps. Values are compared as the row reader compares them (case, spaces and, for sex and
 * event words, Latin diacritics and dots ignored), so one translation covers every spelling the
 * reader takes as the same word.
 */
import { eventKey, parseReason } from "../../../core/import/reference-values";
import type { RowError } from "../../../core/import/row-error";
import { sexKey } from "../../../core/import/sex-values";
import { normaliseKey } from "../../../core/import/text-keys";
import { ERROR_VALUE_MAX } from "../../../core/import/values";
import type { PersonnelMapping } from "../../../core/schemas/personnel-import";
import { sexes, type Sex } from "../../../core/schemas/sex";
import {
  careerEventTypes,
  exitReasons,
  leaveReasons,
  type CareerEventType,
} from "../../../core/schemas/workforce-events";

export type ValueMaps = PersonnelMapping["valueMaps"];

/** The fields a value map can translate, in the order the screen lists them. */
export const valueMapFields = [
  "sex",
  "rank",
  "unit",
  "role",
  "event_type",
  "reason",
] as const satisfies readonly (keyof ValueMaps)[];
export type ValueMapField = (typeof valueMapFields)[number];

/** Fields translated to an entry of the register (by its code) rather than to a closed list. */
export const isRegisterField = (field: ValueMapField): boolean =>
  field === "rank" || field === "unit" || field === "role";

/** Every reason a leave or an exit can carry: what a reason can be translated to. */
export const reasonCodes: readonly string[] = [...new Set([...leaveReasons, ...exitReasons])];

/** The row-error codes (core/import/personnel-row.ts) that a value map can cure, by field. */
const FIELD_OF_CODE: Readonly<Record<string, ValueMapField>> = {
  invalid_sex: "sex",
  unknown_rank: "rank",
  ambiguous_rank: "rank",
  unknown_unit: "unit",
  ambiguous_unit: "unit",
  unknown_role: "role",
  ambiguous_role: "role",
  invalid_event_type: "event_type",
  invalid_reason: "reason",
};

/** How the row reader compares a field's values (reference-values.ts, sex-values.ts). */
const KEY_OF: Readonly<Record<ValueMapField, (text: string) => string>> = {
  sex: sexKey,
  rank: normaliseKey,
  unit: normaliseKey,
  role: normaliseKey,
  event_type: eventKey,
  reason: eventKey,
};

/** A reason Tandem knows for some event type: refused only because it does not fit this one. */
const isKnownReason = (text: string) =>
  parseReason("leave_start", text).ok || parseReason("exit", text).ok;

export interface UnrecognisedValue {
  readonly field: ValueMapField;
  /** As the file writes it (its first spelling, when several compare equal). */
  readonly value: string;
  /** The file's column holding the field. */
  readonly column: string;
  /** Rows with this value among the errors reported. */
  readonly rows: number;
  /** It names more than one entry of the register rather than none. */
  readonly isAmbiguous: boolean;
}

/**
 * The distinct values of the errors that a translation can cure, with their number of rows: by
 * field, then the most frequent first. Blank values and values the report shortened (a translation
 * could not name them) are left out, and so are reasons that exist but belong to another kind of
 * event (a translation would not fix the row).
 */
export function unrecognisedValues(errors: readonly RowError[]): UnrecognisedValue[] {
  const found = new Map<string, UnrecognisedValue>();
  for (const error of errors) {
    const field = FIELD_OF_CODE[error.code];
    const { value } = error;
    if (field === undefined || value === null || value.length > ERROR_VALUE_MAX) continue;
    if (field === "reason" && isKnownReason(value)) continue;
    const id = `${field}\u0000${KEY_OF[field](value)}`;
    const seen = found.get(id);
    found.set(
      id,
      seen
        ? { ...seen, rows: seen.rows + 1 }
        : {
            field,
            value,
            column: error.column ?? field,
            rows: 1,
            isAmbiguous: error.code.startsWith("ambiguous_"),
          },
    );
  }
  return [...found.values()].sort(
    (a, b) =>
      valueMapFields.indexOf(a.field) - valueMapFields.indexOf(b.field) ||
      b.rows - a.rows ||
      (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
  );
}

/** One translation: the file's value, and the code (or sex, event type, reason) it stands for. */
export interface ValueChoice {
  readonly field: ValueMapField;
  readonly value: string;
  readonly target: string;
}

const isSex = (value: string): value is Sex => (sexes as readonly string[]).includes(value);
const isEventType = (value: string): value is CareerEventType =>
  (careerEventTypes as readonly string[]).includes(value);

/** The map with `source → target`, replacing any entry the reader would take as the same word. */
function put<V extends string>(
  map: Readonly<Record<string, V>> | undefined,
  field: ValueMapField,
  source: string,
  target: V,
): Record<string, V> {
  const key = KEY_OF[field](source);
  const kept = Object.entries(map ?? {}).filter(([text]) => KEY_OF[field](text) !== key);
  return Object.fromEntries([...kept, [source, target]]);
}

/**
 * The mapping with the user's translations added to its value maps; a translation of a word the
 * maps already hold replaces it. A target that the field cannot take (a sex other than F, M, X or
 * U, an unknown event type or reason, an empty code) is ignored.
 */
export function withValueChoices(
  mapping: PersonnelMapping,
  choices: readonly ValueChoice[],
): PersonnelMapping {
  const maps: ValueMaps = { ...mapping.valueMaps };
  for (const { field, value, target } of choices) {
    if (target === "" || value.length > ERROR_VALUE_MAX) continue;
    if (field === "sex") {
      if (isSex(target)) maps.sex = put(maps.sex, field, value, target);
    } else if (field === "event_type") {
      if (isEventType(target)) maps.event_type = put(maps.event_type, field, value, target);
    } else if (field !== "reason" || reasonCodes.includes(target)) {
      maps[field] = put(maps[field], field, value, target);
    }
  }
  return { ...mapping, valueMaps: maps };
}

/** The mapping without one translation; a field left with none loses its map. */
export function withoutValueMapEntry(
  mapping: PersonnelMapping,
  field: ValueMapField,
  source: string,
): PersonnelMapping {
  const current = mapping.valueMaps[field];
  if (current === undefined || !Object.hasOwn(current, source)) return mapping;
  const rest = Object.fromEntries(Object.entries(current).filter(([text]) => text !== source));
  const maps: ValueMaps = { ...mapping.valueMaps, [field]: rest };
  if (Object.keys(rest).length === 0) delete maps[field];
  return { ...mapping, valueMaps: maps };
}

export interface ValueMapEntry {
  readonly field: ValueMapField;
  readonly source: string;
  readonly target: string;
}

/** Every translation of the mapping, by field, in the order they were added. */
export function valueMapEntries(mapping: PersonnelMapping): ValueMapEntry[] {
  return valueMapFields.flatMap((field) =>
    Object.entries(mapping.valueMaps[field] ?? {}).map(([source, target]) => ({
      field,
      source,
      target,
    })),
  );
}
