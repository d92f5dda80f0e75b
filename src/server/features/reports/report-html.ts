import { escapeHtml } from "../../../core/reports/escape-html";
import {
  createValueFormatter,
  formatNumberCell,
  SUPPRESSED_MARK,
  UNDEFINED_MARK,
} from "../../../core/reports/format-value";
import type {
  AnnualReport,
  NumberCell,
  ChartMark,
  ReportChart,
  ReportSection,
  ReportTable,
  ReportText,
} from "../../../core/reports/report-model";
import { renderBarChart, renderLineChart } from "../../../core/reports/svg-chart";
import type { Translator } from "../../i18n/translator";
import { REPORT_FONT_STACK, reportFontFaces } from "./report-fonts";

/**
 * The annual report as one self-contained HTML page for Chromium to print (A4): translated,
 * every piece of text escaped, charts as inline SVG, fonts inlined, no script.
 */

const STYLE = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
body { font-family: ${REPORT_FONT_STACK}; font-size: 9.5pt; line-height: 1.45; color: #1a1a1a; margin: 0; }
h1 { font-size: 22pt; margin: 0 0 4mm; color: #4a2a7a; line-height: 1.3; }
h2 { font-size: 14pt; margin: 8mm 0 2mm; color: #4a2a7a; border-bottom: 1px solid #c9b8e0; break-after: avoid; line-height: 1.4; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
.cover { padding: 30mm 0 12mm; border-bottom: 3px solid #4a2a7a; margin-bottom: 6mm; }
.cover .scope { font-size: 14pt; margin: 0; }
.cover .meta { color: #555; margin: 1mm 0; }
.notice { border: 1px solid #c9b8e0; background: #f6f1fb; padding: 3mm 4mm; margin: 4mm 0; }
.intro { margin: 0 0 2mm; }
figure { margin: 2mm 0 4mm; break-inside: avoid; }
figcaption { font-weight: 700; margin-bottom: 1mm; }
.chart text { font-family: ${REPORT_FONT_STACK}; }
.table-block { break-inside: avoid; margin-bottom: 4mm; }
.keep { break-inside: avoid; }
html[lang="km"] body { line-height: 1.8; }
html[lang="th"] body { line-height: 1.65; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
caption { text-align: left; font-weight: 700; margin-bottom: 1mm; }
th, td { border-bottom: 1px solid #ddd; padding: 1mm 1.5mm; vertical-align: top; }
th { background: #efe8f7; text-align: left; font-weight: 700; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 700; border-top: 1px solid #999; }
td.hidden { color: #7a3b00; }
.notes { font-size: 8pt; color: #444; margin: 1mm 0 0; padding-left: 4mm; }
dl.definitions dt { font-weight: 700; margin-top: 2mm; break-after: avoid; }
dl.definitions dd { margin: 0 0 1mm 0; }
`;

export interface HtmlReportOptions {
  readonly i18n: Translator;
  /** YYYY-MM-DD the report was produced. */
  readonly generatedOn: string;
}

function textOf(i18n: Translator, value: ReportText): string {
  return "literal" in value ? value.literal : i18n.t(value.key, value.values ?? {});
}

const MARKS: Readonly<Record<ChartMark, string>> = {
  suppressed: SUPPRESSED_MARK,
  undefined: UNDEFINED_MARK,
};

function renderChart(chart: ReportChart, options: HtmlReportOptions): string {
  const { i18n } = options;
  const format = createValueFormatter(i18n.locale);
  const title = i18n.t(`reports.charts.${chart.id}`);
  const spec = {
    id: `chart-${chart.id}`,
    title,
    categories: chart.categories.map((c) => textOf(i18n, c)),
    series: chart.series.map((s) => ({
      label: textOf(i18n, s.label),
      values: s.values.map((v) => (typeof v === "number" ? v : MARKS[v])),
    })),
    formatValue: (v: number) => format(chart.format, v),
  };
  const svg = chart.kind === "bar" ? renderBarChart(spec) : renderLineChart(spec);
  const marks = new Set(chart.series.flatMap((s) => s.values.filter((v) => typeof v === "string")));
  const notes = [
    ...(marks.has("suppressed")
      ? [`${SUPPRESSED_MARK}: ${i18n.t("reports.legend.suppressed")}`]
      : []),
    ...(marks.has("undefined") ? [`${UNDEFINED_MARK}: ${i18n.t("reports.legend.undefined")}`] : []),
  ];
  const noteList = notes.length
    ? `<ul class="notes">${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>`
    : "";
  return `<figure><figcaption>${escapeHtml(title)}</figcaption>${svg}${noteList}</figure>`;
}

/** The lines printed under a table: what x and – mean there, and the disclosure note. */
function tableNotes(table: ReportTable, i18n: Translator): string[] {
  const cells = table.rows
    .flatMap((r) => r.cells)
    .filter((c): c is NumberCell => c.kind === "number");
  const notes: string[] = [];
  if (cells.some((c) => c.suppression !== null)) {
    notes.push(`${SUPPRESSED_MARK}: ${i18n.t("reports.legend.suppressed")}`);
  }
  for (const reason of new Set(cells.flatMap((c) => (c.reason === null ? [] : [c.reason])))) {
    const key = `web.indicatorReasons.${reason}`;
    notes.push(`${UNDEFINED_MARK}: ${i18n.has(key) ? i18n.t(key) : reason}`);
  }
  if (table.disclosure !== null) {
    const complementary = cells.filter((c) => c.suppression === "complementary").length;
    notes.push(i18n.t("sdc.table_note", { maxHidden: table.disclosure.k - 1, complementary }));
  }
  return notes;
}

export function renderTable(table: ReportTable, options: HtmlReportOptions): string {
  const { i18n } = options;
  const format = createValueFormatter(i18n.locale);
  const numeric = table.rows[0]?.cells.map((c) => c.kind === "number") ?? [];
  const head = table.header
    .map(
      (h, i) =>
        `<th${numeric[i] ? ' class="num"' : ""} scope="col">${escapeHtml(textOf(i18n, h))}</th>`,
    )
    .join("");
  const body = table.rows
    .map((row) => {
      const cells = row.cells.map((cell) => {
        if (cell.kind === "text") return `<td>${escapeHtml(textOf(i18n, cell.text))}</td>`;
        const hidden = cell.suppression !== null ? " hidden" : "";
        return `<td class="num${hidden}">${escapeHtml(formatNumberCell(cell, format))}</td>`;
      });
      return `<tr${row.isTotal ? ' class="total"' : ""}>${cells.join("")}</tr>`;
    })
    .join("");
  const notes = tableNotes(table, i18n);
  const noteList = notes.length
    ? `<ul class="notes">${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>`
    : "";
  return (
    `<div class="table-block"><table><caption>${escapeHtml(i18n.t(`reports.tables.${table.id}`))}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${noteList}</div>`
  );
}

/** A section; its heading and introduction stay on one page with its first chart or table. */
function renderSection(section: ReportSection, options: HtmlReportOptions): string {
  const { i18n } = options;
  const blocks = [
    ...section.charts.map((c) => renderChart(c, options)),
    ...section.tables.map((t) => renderTable(t, options)),
  ];
  return (
    `<section><div class="keep"><h2>${escapeHtml(i18n.t(`reports.sections.${section.id}.title`))}</h2>` +
    `<p class="intro">${escapeHtml(i18n.t(`reports.sections.${section.id}.intro`))}</p>` +
    `${blocks[0] ?? ""}</div>${blocks.slice(1).join("")}</section>`
  );
}

function renderDefinitions(report: AnnualReport, i18n: Translator): string {
  const items = report.indicators
    .map(
      (id) =>
        `<dt>${escapeHtml(i18n.t(`web.indicators.${id}.name`))}</dt>` +
        `<dd>${escapeHtml(i18n.t(`web.indicators.${id}.definition`))}</dd>`,
    )
    .join("");
  return (
    `<section><h2>${escapeHtml(i18n.t("reports.sections.definitions.title"))}</h2>` +
    `<p class="intro">${escapeHtml(i18n.t("reports.sections.definitions.intro"))}</p>` +
    `<dl class="definitions">${items}</dl></section>`
  );
}

/** The title shown on the cover, in the PDF's metadata and in the page footer. */
export function reportTitle(report: AnnualReport, i18n: Translator): string {
  return i18n.t("reports.title", { year: report.year });
}

/** The whole report as an HTML document (UTF-8, no script, no external resource). */
export function renderReportHtml(report: AnnualReport, options: HtmlReportOptions): string {
  const { i18n } = options;
  const title = reportTitle(report, i18n);
  // Gregorian in every language: the report's year is a Gregorian year (th would default to B.E.).
  const date = new Intl.DateTimeFormat(`${i18n.locale}-u-ca-gregory`, {
    dateStyle: "long",
    timeZone: "UTC",
  });
  const day = (iso: string, shift = 0) =>
    date.format(new Date(Date.parse(`${iso}T00:00:00Z`) + shift * 86_400_000));
  // Flows are counted over [from, to): the last day counted is the day before `to`.
  const period = i18n.t("reports.period", {
    at: day(report.at),
    from: day(report.from),
    to: day(report.to, -1),
  });
  const audience = i18n.t(`reports.audience.${report.audience}`);
  const notice =
    report.disclosureK === null
      ? `<p class="notice">${escapeHtml(i18n.t("reports.internalNote"))}</p>`
      : `<p class="notice">${escapeHtml(i18n.t("reports.disclosureNote", { k: report.disclosureK, maxHidden: report.disclosureK - 1 }))}</p>`;
  return (
    `<!doctype html><html lang="${escapeHtml(i18n.locale)}"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(title)}</title><style>${reportFontFaces()}${STYLE}</style></head><body>` +
    `<header class="cover"><h1>${escapeHtml(title)}</h1>` +
    `<p class="scope">${escapeHtml(report.scope.name)} (${escapeHtml(report.scope.code)})</p>` +
    `<p class="meta">${escapeHtml(period)}</p>` +
    `<p class="meta">${escapeHtml(audience)} · ${escapeHtml(i18n.t("reports.generatedOn", { date: day(options.generatedOn) }))}</p>` +
    `</header>${notice}` +
    report.sections.map((s) => renderSection(s, options)).join("") +
    renderDefinitions(report, i18n) +
    `</body></html>`
  );
}
