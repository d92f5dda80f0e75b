import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatReferenceCode,
  makeReferenceCode,
  normaliseReferenceCode,
  REFERENCE_ALPHABET,
  REFERENCE_PATTERN,
} from "./reference-code";

describe("reference codes", () => {
  it("have no look-alike characters, and the pattern accepts exactly the alphabet", () => {
    expect(REFERENCE_ALPHABET).toHaveLength(30);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(30);
    for (const c of "01ILOU") expect(REFERENCE_ALPHABET).not.toContain(c);
    for (let code = 32; code < 127; code++) {
      const c = String.fromCharCode(code);
      expect(REFERENCE_PATTERN.test(c.repeat(10)), c).toBe(REFERENCE_ALPHABET.includes(c));
    }
  });

  it("are built from the random indexes, and read back through any dictation", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(29), { minLength: 10, maxLength: 10 }), (indexes) => {
        let i = 0;
        const code = makeReferenceCode(() => indexes[i++] ?? 0);
        expect(code).toBe(indexes.map((n) => REFERENCE_ALPHABET[n]).join(""));
        expect(REFERENCE_PATTERN.test(code)).toBe(true);
        const shown = formatReferenceCode(code);
        expect(shown).toMatch(/^.{4}-.{4}-.{2}$/);
        expect(normaliseReferenceCode(shown.toLowerCase())).toBe(code);
        expect(normaliseReferenceCode(` ${shown.replace(/-/g, " ")} `)).toBe(code);
      }),
    );
  });

  it("refuses what is not a code", () => {
    expect(normaliseReferenceCode("ABCD-EFGH-J")).toBeNull();
    expect(normaliseReferenceCode("ABCD-EFGH-JKL")).toBeNull();
    expect(normaliseReferenceCode("ABCD-EFGH-J0")).toBeNull();
    expect(normaliseReferenceCode("<script>")).toBeNull();
  });
});
