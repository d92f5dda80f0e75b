import { AppError } from "../errors";

/**
 * Text PostgreSQL cannot store as given: a NUL character (refused by `text`) or a lone UTF-16
 * surrogate (a broken character, which the drivers would silently replace). JSON can carry both
 * (`\u0000`, `\ud800`), so a request may be valid JSON and still hold them.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value);
}

/** Throws `public.text_invalid` naming the first field whose text cannot be stored as given. */
export function requireStorableText(
  texts: ReadonlyArray<readonly [field: string, value: string | null | undefined]>,
): void {
  for (const [field, value] of texts) {
    if (value !== null && value !== undefined && !isStorableText(value)) {
      throw new AppError("public.text_invalid", { field });
    }
  }
}
