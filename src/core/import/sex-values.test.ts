import { describe, expect, it } from "vitest";
import type { Sex } from "../schemas/sex";
import { SEX_WORDS, parseSex, sexKey } from "./sex-values";
import type { SourceCell } from "./table";

const sexOf = (cell: SourceCell, extraMap?: Record<string, Sex>) => {
  const result = parseSex(cell, extraMap);
  return result.ok ? result.value : result.code;
};

describe("parseSex", () => {
  it.each<[string, Sex]>([
    ["F", "F"],
    [" female ", "F"],
    ["Woman", "F"],
    ["M", "M"],
    ["MALE", "M"],
    ["X", "X"],
    ["Other", "X"],
    ["Unknown", "U"],
    ["ស្រី", "F"],
    ["ប្រុស", "M"],
    ["ស្រី\u200B", "F"],
    ["Nữ", "F"],
    ["NU", "F"],
    ["Nam", "M"],
    ["หญิง", "F"],
    ["ชาย", "M"],
    ["ญ", "F"],
    ["ช", "M"],
    ["นางสาว", "F"],
    ["น.ส.", "F"],
    ["Ж", "F"],
    ["ж.", "F"],
    ["М", "M"],
    ["Жен.", "F"],
    ["мужской", "M"],
    ["Әйел", "F"],
    ["Ер", "M"],
    ["еркек", "M"],
    ["Ә", "F"],
    ["Е", "M"],
  ])("reads %j as %s", (text, expected) => {
    expect(sexOf(text)).toBe(expected);
  });

  it("reads a blank cell as U: unknown is counted, not dropped", () => {
    expect(sexOf(null)).toBe("U");
    expect(sexOf("")).toBe("U");
    expect(sexOf("  ")).toBe("U");
  });

  it("refuses what it does not know, rather than guess", () => {
    expect(sexOf("1")).toBe("invalid_sex");
    expect(sexOf(2)).toBe("invalid_sex");
    expect(sexOf("FM")).toBe("invalid_sex");
    expect(sexOf("ร.ต.อ.หญิง")).toBe("invalid_sex");
    expect(sexOf(true)).toBe("invalid_sex");
    expect(sexOf({ date: "2024-01-01" })).toBe("invalid_sex");
    expect(sexOf({ formula: 'IF(A1="x","F","M")' })).toBe("formula_cell");
  });

  it("consults the mapping's value map first, for text and number cells", () => {
    const map: Record<string, Sex> = { "1": "M", "2": "F", " Dame ": "F", m: "U" };
    expect(sexOf("1", map)).toBe("M");
    expect(sexOf(2, map)).toBe("F");
    expect(sexOf("dame", map)).toBe("F");
    expect(sexOf("M", map)).toBe("U");
    expect(sexOf("Female", map)).toBe("F");
    expect(sexOf("3", map)).toBe("invalid_sex");
  });

  it("has no built-in word that names two sexes", () => {
    const seen = new Map<string, Sex>();
    const conflicts: string[] = [];
    for (const words of Object.values(SEX_WORDS)) {
      for (const [sex, list] of Object.entries(words) as [Sex, string[]][]) {
        for (const word of list) {
          const previous = seen.get(sexKey(word));
          if (previous && previous !== sex) conflicts.push(word);
          seen.set(sexKey(word), sex);
        }
      }
    }
    expect(conflicts).toEqual([]);
    expect(Object.keys(SEX_WORDS)).toEqual(
      expect.arrayContaining(["en", "km", "vi", "th", "ru", "kk"]),
    );
  });
});
