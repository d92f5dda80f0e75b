import { describe, expect, it } from "vitest";
import { neutraliseFormula, spreadsheetCsvLine } from "./spreadsheet-safe";

describe("neutraliseFormula", () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["plain", "plain"],
    ["a=b", "a=b"],
    [" =padded", " =padded"],
    ["", ""],
    ["'quoted", "'quoted"],
  ])("turns %j into %j", (value, expected) => {
    expect(neutraliseFormula(value)).toBe(expected);
  });
});

describe("spreadsheetCsvLine", () => {
  it("neutralises text cells, then quotes them as RFC 4180 requires; numbers stay numbers", () => {
    expect(spreadsheetCsvLine([-1, "=1+1", '=A1,"x"', null, "ok", true])).toBe(
      `-1,'=1+1,"'=A1,""x""",,ok,true\n`,
    );
  });
});
