import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  annualReportFixture,
  cell,
  counts,
  externalAnnualReportFixture,
} from "../../../../test/report-fixtures";
import { buildAnnualReport, type AnnualReportInput } from "../../../core/reports/annual-report";
import { createTranslator } from "../../i18n/translator";
import { renderReportXlsx, sheetName } from "./report-xlsx";

async function workbookOf(input: AnnualReportInput, lang: "en" | "km" = "en") {
  const bytes = await renderReportXlsx(buildAnnualReport(input), createTranslator(lang));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe("sheetName", () => {
  it("keeps Excel's rules: 31 characters, no []:*?/\\, unique", () => {
    const taken = new Set<string>();
    expect(sheetName("Share of women by rank", taken)).toBe("Share of women by rank");
    expect(sheetName("Share of women by rank", taken)).toBe("Share of women by rank (2)");
    expect(sheetName("a/b:c[d]*e?f\\g", taken)).toBe("a b c d  e f g");
    expect(sheetName("x".repeat(40), taken)).toHaveLength(31);
    expect(sheetName("   ", taken)).toBe("Sheet");
  });
});

describe("renderReportXlsx", () => {
  it("has the disclosure note first, a sheet per table, and the definitions last", async () => {
    const workbook = await workbookOf(annualReportFixture());
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual([
      "Disclosure",
      "Key figures",
      "Staff in post by rank group and",
      "Share of women by rank",
      "Staff in post by sex, year by y",
      "Women in leadership posts and s",
      "Hire, promotion and separation",
      "Leavers by reason and sex",
      "Median years to promotion by ra",
      "Completeness and timeliness of",
      "Definitions",
    ]);
    const definitions = workbook.getWorksheet("Definitions");
    expect(definitions?.getRow(2).values).toEqual([
      undefined,
      "headcount",
      "Headcount",
      "People in post on the date, by sex. Unknown sex is counted and shown.",
    ]);
    expect(workbook.getWorksheet("Disclosure")?.getCell("A4").text).toContain(
      "This report shows every figure",
    );
  });

  it("writes numbers as numbers with formats, x with a note where hidden, – with the reason where undefined", async () => {
    const workbook = await workbookOf(externalAnnualReportFixture());
    const sheet = workbook.getWorksheet("Staff in post by rank group and");
    const senior = sheet?.getRow(7);
    expect(senior?.getCell(1).value).toBe("senior_command");
    expect(senior?.getCell(2).value).toBe("x");
    expect(senior?.getCell(2).note).toBe("Hidden: a count this small could identify people.");
    expect(senior?.getCell(7).value).toBe("x");
    expect(senior?.getCell(7).note).toBe("Not shown: it is calculated from a hidden count.");
    expect(senior?.getCell(3).value).toBe(38);
    const constables = sheet?.getRow(5);
    expect(constables?.getCell(7).numFmt).toBe("0.0%");
    expect(constables?.getCell(7).value).toBeCloseTo(120 / 1000, 12);
    const time = workbook.getWorksheet("Median years to promotion by ra");
    expect(time?.getRow(7).getCell(2).value).toBe("x");
    const internal = await workbookOf(annualReportFixture());
    const undefinedCell = internal
      .getWorksheet("Median years to promotion by ra")
      ?.getRow(7)
      .getCell(2);
    expect(undefinedCell?.value).toBe("–");
    expect(undefinedCell?.note).toBe("Fewer than half have been promoted so far");
  });

  it("neutralises formula-like text from the register", async () => {
    const input = annualReportFixture();
    const headcount = input.results.headcount_by_rank_group;
    const evil = '=HYPERLINK("http://x","y")';
    const rows = [
      { ...cell({ rank_group: "e" }, counts(10, 20), 30), labels: { rank_group: evil } },
    ];
    const workbook = await workbookOf({
      ...input,
      results: { ...input.results, headcount_by_rank_group: { ...headcount, rows } },
    });
    const value = workbook
      .getWorksheet("Staff in post by rank group and")
      ?.getRow(5)
      .getCell(1).value;
    expect(value).toBe(`'${evil}`);
  });

  it("names its sheets in the reader's language", async () => {
    const workbook = await workbookOf(annualReportFixture(), "km");
    expect(workbook.worksheets.at(-1)?.name).toBe("និយមន័យ");
  });
});
