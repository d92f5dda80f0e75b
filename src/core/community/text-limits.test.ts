import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { communityTextLimits, findOversizedText, requireTextWithinLimits } from "./text-limits";

describe("community text limits", () => {
  it("counts characters, not UTF-16 units, and names the first oversized field", () => {
    const max = communityTextLimits.place;
    // Khmer and emoji: one character each, two UTF-16 units for the emoji.
    expect(findOversizedText([["place", "place", "😀".repeat(max)]])).toBeNull();
    expect(findOversizedText([["place", "place", "ក".repeat(max + 1)]])).toEqual({
      field: "place",
      maxLength: max,
      length: max + 1,
    });
    expect(
      findOversizedText([
        ["a", "place", null],
        ["b", "place", undefined],
        ["problems[1].description", "description", "x".repeat(4001)],
        ["c", "place", "x".repeat(999)],
      ]),
    ).toEqual({ field: "problems[1].description", maxLength: 4000, length: 4001 });
  });

  it("throws community.text_too_long with the field, the limit and the length", () => {
    expect(() => requireTextWithinLimits([["notes", "notes", "x".repeat(4000)]])).not.toThrow();
    try {
      requireTextWithinLimits([["notes", "notes", "x".repeat(4001)]]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("community.text_too_long");
      expect((error as AppError).details).toEqual({
        field: "notes",
        maxLength: 4000,
        length: 4001,
      });
    }
  });
});
