import ExcelJS from "exceljs";
import { neutraliseFormula } from "../../../core/csv/spreadsheet-safe";
import { SUPPRESSED_MARK, UNDEFINED_MARK } from "../../../core/reports/format-value";
import type {
  AnnualReport,
  NumberCell,
  ReportTable,
  ReportText,
  ValueFormat,
} from "../../../core/reports/report-model";
import type { Translator } from "../../i18n/translator";
import { reportTitle } from "./report-html";

/**
 * The annual report as a workbook: a sheet per table (numbers as numbers, formatted), a
 * "Definitions" sheet and a "Disclosure" sheet. A hidden number is the text "x" with a note saying
 * why, an undefined one "–" with its reason: never a blank cell. Text is formula-neutralised.
 */

const NUMBER_FORMATS: Readonly<Record<ValueFormat, string>> = {
  count: "#,##0.#",
  share: "0.0%",
  rate: "0.0%",
  ratio: "0.00",
  index: "0.00",
  years: "0.0",
  points: "0.0",
};

/** Excel's sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const clean =
    title
      .replace(/[[\]:*?/\\]/g, " ")
      .trim()
      .slice(0, 31)
      .trimEnd() || "Sheet";
  let name = clean;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${clean.slice(0, 27)} (${i})`;
  taken.add(name.toLowerCase());
  return name;
}

const safe = (value: string) => neutraliseFormula(value);

function textOf(i18n: Translator, value: ReportText): string {
  return "literal" in value ? value.literal : i18n.t(value.key, value.values ?? {});
}

function writeNumber(cell: ExcelJS.Cell, value: NumberCell, i18n: Translator): void {
  if (value.value !== null) {
    cell.value = value.value;
    cell.numFmt = NUMBER_FORMATS[value.format];
    return;
  }
  cell.alignment = { horizontal: "right" };
  if (value.suppression !== null) {
    cell.value = SUPPRESSED_MARK;
    cell.note = i18n.t(`sdc.suppressed_${value.suppression}`);
    return;
  }
  cell.value = UNDEFINED_MARK;
  const key = `web.indicatorReasons.${value.reason ?? ""}`;
  cell.note = i18n.has(key) ? i18n.t(key) : (value.reason ?? "");
}

function addTableSheet(
  workbook: ExcelJS.Workbook,
  table: ReportTable,
  context: { report: AnnualReport; i18n: Translator; taken: Set<string> },
): void {
  const { i18n, report } = context;
  const title = i18n.t(`reports.tables.${table.id}`);
  const sheet = workbook.addWorksheet(sheetName(title, context.taken), {
    views: [{ state: "frozen", ySplit: 4 }],
  });
  sheet.getCell("A1").value = safe(title);
  sheet.getCell("A1").font = { bold: true, size: 13 };
  sheet.getCell("A2").value = safe(`${report.scope.name} (${report.scope.code}) · ${report.at}`);
  const header = sheet.getRow(4);
  table.header.forEach((h, i) => {
    header.getCell(i + 1).value = safe(textOf(i18n, h));
  });
  header.font = { bold: true };
  table.rows.forEach((row, r) => {
    const line = sheet.getRow(5 + r);
    row.cells.forEach((cell, c) => {
      const target = line.getCell(c + 1);
      if (cell.kind === "text") target.value = safe(textOf(i18n, cell.text));
      else writeNumber(target, cell, i18n);
    });
    if (row.isTotal) line.font = { bold: true };
  });
  let noteRow = 6 + table.rows.length;
  const cells = table.rows.flatMap((r) => r.cells);
  if (cells.some((c) => c.kind === "number" && c.suppression !== null)) {
    sheet.getCell(`A${noteRow++}`).value = safe(
      `${SUPPRESSED_MARK}: ${i18n.t("reports.legend.suppressed")}`,
    );
  }
  if (table.disclosure !== null) {
    const complementary = cells.filter(
      (c) => c.kind === "number" && c.suppression === "complementary",
    ).length;
    sheet.getCell(`A${noteRow}`).value = safe(
      i18n.t("sdc.table_note", { maxHidden: table.disclosure.k - 1, complementary }),
    );
  }
  sheet.getColumn(1).width = 34;
  for (let c = 2; c <= table.header.length; c++) sheet.getColumn(c).width = 14;
}

/** The workbook as bytes. */
export async function renderReportXlsx(report: AnnualReport, i18n: Translator): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = reportTitle(report, i18n);
  workbook.creator = "Tandem";
  const taken = new Set<string>();
  const disclosure = workbook.addWorksheet(
    sheetName(i18n.t("reports.xlsx.disclosureSheet"), taken),
  );
  const lines = [
    reportTitle(report, i18n),
    `${report.scope.name} (${report.scope.code})`,
    i18n.t(`reports.audience.${report.audience}`),
    report.disclosureK === null
      ? i18n.t("reports.internalNote")
      : i18n.t("reports.disclosureNote", {
          k: report.disclosureK,
          maxHidden: report.disclosureK - 1,
        }),
    `${SUPPRESSED_MARK}: ${i18n.t("reports.legend.suppressed")}`,
    `${UNDEFINED_MARK}: ${i18n.t("reports.legend.undefined")}`,
  ];
  lines.forEach((line, i) => {
    disclosure.getCell(`A${i + 1}`).value = safe(line);
  });
  disclosure.getColumn(1).width = 110;
  for (const section of report.sections) {
    for (const table of section.tables) addTableSheet(workbook, table, { report, i18n, taken });
  }
  const definitions = workbook.addWorksheet(
    sheetName(i18n.t("reports.xlsx.definitionsSheet"), taken),
  );
  definitions.addRow(
    ["indicator", i18n.t("reports.columns.indicator"), i18n.t("reports.columns.definition")].map(
      safe,
    ),
  );
  definitions.getRow(1).font = { bold: true };
  for (const id of report.indicators) {
    definitions.addRow(
      [id, i18n.t(`web.indicators.${id}.name`), i18n.t(`web.indicators.${id}.definition`)].map(
        safe,
      ),
    );
  }
  definitions.getColumn(1).width = 28;
  definitions.getColumn(2).width = 34;
  definitions.getColumn(3).width = 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
