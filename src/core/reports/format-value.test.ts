import { describe, expect, it } from "vitest";
import { createValueFormatter, formatNumberCell } from "./format-value";
import type { NumberCell } from "./report-model";

describe("createValueFormatter", () => {
  const en = createValueFormatter("en");
  it.each([
    ["count", 1347, "1,347"],
    ["count", 665.5, "665.5"],
    ["share", 0.11346, "11.3%"],
    ["share", 0.00125, "0.1%"],
    ["rate", 0.2, "20.0%"],
    ["ratio", 0.725, "0.73"],
    ["index", 2.2555, "2.26"],
    ["years", 6.46, "6.5"],
  ] as const)("en: %s %d → %s", (format, value, text) => {
    expect(en(format, value)).toBe(text);
  });

  it("rounds half away from zero and follows the locale's separators", () => {
    expect(en("share", 0.1125)).toBe("11.3%");
    expect(createValueFormatter("ru")("count", 1347)).toBe("1\u00a0347");
    expect(createValueFormatter("vi")("ratio", 0.5)).toBe("0,50");
  });
});

describe("formatNumberCell", () => {
  const cell = (
    value: number | null,
    suppression: NumberCell["suppression"],
    reason: string | null,
  ): NumberCell => ({
    kind: "number",
    format: "count",
    value,
    suppression,
    reason,
  });
  const format = createValueFormatter("en");
  it("prints x for a hidden number, – for an undefined one, never a blank", () => {
    expect(formatNumberCell(cell(null, "primary", null), format)).toBe("x");
    expect(formatNumberCell(cell(null, "derived", null), format)).toBe("x");
    expect(formatNumberCell(cell(null, null, "empty_denominator"), format)).toBe("–");
    expect(formatNumberCell(cell(0, null, null), format)).toBe("0");
  });
});
