import { describe, expect, it } from "vitest";
import {
  annualReportFixture,
  cell,
  counts,
  externalAnnualReportFixture,
} from "../../../../test/report-fixtures";
import { buildAnnualReport } from "../../../core/reports/annual-report";
import { createTranslator } from "../../i18n/translator";
import { renderReportHtml } from "./report-html";

const generatedOn = "2025-03-01";

function html(lang: "en" | "km" | "th", input = annualReportFixture()): string {
  return renderReportHtml(buildAnnualReport(input), { i18n: createTranslator(lang), generatedOn });
}

describe("renderReportHtml", () => {
  it("is one self-contained page: no script, nothing fetched, fonts inlined, A4", () => {
    const page = html("en");
    expect(page.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(page).not.toMatch(/<script|<link|<img|<iframe|url\((?!data:|#)|src=|href=/i);
    expect(page).toContain("url(data:font/woff2;base64,");
    expect(page).toMatch(/@font-face\s*{\s*font-family: 'Noto Sans Khmer'/);
    expect(page).toContain("@page { size: A4;");
  });

  it("escapes data from the register: unit and rank names cannot inject markup", () => {
    const input = annualReportFixture();
    const evil = '<script>alert("x")</script>';
    const headcount = input.results.headcount_by_rank_group;
    const rows = [
      { ...cell({ rank_group: "evil" }, counts(10, 20), 30), labels: { rank_group: evil } },
    ];
    const page = html("en", {
      ...input,
      results: { ...input.results, headcount_by_rank_group: { ...headcount, rows } },
    });
    expect(page).not.toContain("<script>");
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(page).toContain("National &lt;Police&gt; &amp; Co (HQ)");
  });

  it("prints the title, sections, charts and definitions in the reader's language", () => {
    const page = html("km");
    expect(page).toContain("<title>របាយការណ៍យេនឌ័រប្រចាំឆ្នាំ 2024</title>");
    expect(page).toContain("<h2>តួលេខសំខាន់ៗ</h2>");
    const name = createTranslator("km").t("web.indicators.time_to_promotion.name");
    expect(page).toContain(`<dt>${name}</dt>`);
    expect(page.match(/<svg /g)).toHaveLength(3);
    expect(page.match(/<section>/g)).toHaveLength(9);
    expect(html("th")).toContain("31 ธันวาคม ค.ศ. 2024");
  });

  it("marks hidden numbers x and explains them under the table, with the disclosure note", () => {
    const page = html("en", externalAnnualReportFixture());
    expect(page).toContain('<td class="num hidden">x</td>');
    expect(page).toContain("x: hidden to protect the people counted (disclosure control)");
    expect(page).toContain("Counts from 1 to 4 are hidden to protect the people counted");
    expect(page).toContain("Disclosure control has been applied (threshold k = 5)");
    expect(page).not.toContain("This report shows every figure");
  });

  it("shows – for an undefined value, with its reason under the table", () => {
    const page = html("en");
    expect(page).toContain('<td class="num">–</td>');
    expect(page).toContain("–: Fewer than half have been promoted so far");
  });
});
