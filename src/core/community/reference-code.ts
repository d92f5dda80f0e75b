/**
 * Reference codes of community issues: what a resident writes down to follow a case. Random, not
 * sequential, so they cannot be enumerated: 10 characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L, nor U), 30^10 ≈ 2^49 codes. Knowing a code shows nothing by itself: the follow-up
 * page also needs the secret of the link (see server/features/community-issues/follow-up-secret.ts).
 */
export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const REFERENCE_LENGTH = 10;
/** The same rule as the database CHECK of `community_issues.reference` (migration 0009). */
export const REFERENCE_PATTERN = /^[2-9A-HJKMNP-TV-Z]{10}$/;

/**
 * A new code from `randomIndex(n)`, which must return a uniform integer in [0, n): the server
 * passes `crypto.randomInt`, the demo its seeded generator.
 */
export function makeReferenceCode(randomIndex: (n: number) => number): string {
  let code = "";
  for (let i = 0; i < REFERENCE_LENGTH; i++) {
    code += REFERENCE_ALPHABET.charAt(randomIndex(REFERENCE_ALPHABET.length));
  }
  return code;
}

/** What a person typed, as a code: upper case, spaces and hyphens removed; null if not a code. */
export function normaliseReferenceCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  return REFERENCE_PATTERN.test(code) ? code : null;
}

/** For display and dictation: `ABCD-EFGH-JK`. */
export function formatReferenceCode(code: string): string {
  return [code.slice(0, 4), code.slice(4, 8), code.slice(8)].filter(Boolean).join("-");
}
