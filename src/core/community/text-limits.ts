import { AppError } from "../errors";

/**
 * Size limits of the free-text fields of community policing, in characters. The service refuses a
 * longer text with `community.text_too_long` naming the field (the database CHECKs the same
 * limits). Text is stored verbatim, markup included: escaping is the renderer's job (React, the
 * PDF and CSV writers), never the store's.
 */
export const communityTextLimits = {
  description: 4000,
  place: 200,
  notes: 4000,
  note: 4000,
  reason: 1000,
  contact: 500,
  request: 2000,
  response: 2000,
  name: 200,
  services: 2000,
  contacts: 1000,
  comment: 1000,
} as const;
export type CommunityTextField = keyof typeof communityTextLimits;

export interface OversizedText {
  /** The field as the request names it, e.g. `problems[2].description`. */
  readonly field: string;
  readonly maxLength: number;
  readonly length: number;
}

/** Length in characters (code points), as a person counts them, not UTF-16 units. */
export function textLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/**
 * The first text longer than its limit, or null. `texts` maps a request field name to its value
 * and its kind; absent values are skipped.
 */
export function findOversizedText(
  texts: ReadonlyArray<
    readonly [field: string, kind: CommunityTextField, value: string | null | undefined]
  >,
): OversizedText | null {
  for (const [field, kind, value] of texts) {
    if (value === null || value === undefined) continue;
    const maxLength = communityTextLimits[kind];
    if (value.length <= maxLength) continue;
    const length = textLength(value);
    if (length > maxLength) return { field, maxLength, length };
  }
  return null;
}

/** Throws `community.text_too_long` (field, maxLength, length) for the first oversized text. */
export function requireTextWithinLimits(texts: Parameters<typeof findOversizedText>[0]): void {
  const problem = findOversizedText(texts);
  if (problem) throw new AppError("community.text_too_long", { ...problem });
}
