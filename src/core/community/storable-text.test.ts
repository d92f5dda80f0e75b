import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { isStorableText, requireStorableText } from "./storable-text";

describe("storable text", () => {
  it("accepts every well-formed text without NUL, markup and scripts included", () => {
    for (const text of ["<script>alert(1)</script>", "ស្រុក 😀", "a\tb\nc", "&lt;&#0;"]) {
      expect(isStorableText(text), text).toBe(true);
    }
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(isStorableText(text)).toBe(!text.includes("\u0000"));
      }),
    );
  });

  it("refuses NUL and lone surrogates, naming the field", () => {
    for (const text of ["a\u0000b", "\ud800", "x\udc00", "\udc00\ud800", "😀".slice(0, 1)]) {
      expect(isStorableText(text), JSON.stringify(text)).toBe(false);
    }
    try {
      requireStorableText([
        ["description", "fine"],
        ["place", null],
        ["contact", "bad\ud83d"],
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("public.text_invalid");
      expect((error as AppError).details).toEqual({ field: "contact" });
    }
  });
});
