import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "./write";

describe("csvField", () => {
  it.each<[string | number | boolean | null, string]>([
    [null, ""],
    ["", '""'],
    ["plain", "plain"],
    [42, "42"],
    [-1.5, "-1.5"],
    [true, "true"],
    [false, "false"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line 1\nline 2", '"line 1\nline 2"'],
    ["cr\rhere", '"cr\rhere"'],
    [" spaced ", " spaced "],
    ["ខ្មែរ", "ខ្មែរ"],
  ])("writes %j as %j", (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe("csvLine", () => {
  it("joins fields with commas and ends with a newline", () => {
    expect(csvLine([1, "TP0000001", null, "a,b", ""])).toBe('1,TP0000001,,"a,b",""\n');
  });

  it("writes an empty row as a bare newline", () => {
    expect(csvLine([])).toBe("\n");
  });

  it("takes another delimiter and newline, quoting fields that hold the delimiter", () => {
    expect(csvLine(["a;b", "a,b", 'q"', null], ";", "\r\n")).toBe('"a;b";a,b;"q""";\r\n');
    expect(csvField("tab\there", "\t")).toBe('"tab\there"');
  });
});
