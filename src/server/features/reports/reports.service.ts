import { AppError } from "../../../core/errors";
import { indicatorRegistry, type IndicatorId } from "../../../core/indicators/registry";
import {
  annualReportPeriod,
  buildAnnualReport,
  planAnnualReport,
  TREND_YEARS,
  type ComputeKey,
  type TrendKey,
} from "../../../core/reports/annual-report";
import { toObservations } from "../../../core/reports/observations";
import type { AnnualReport } from "../../../core/reports/report-model";
import { sdmxCsvLines } from "../../../core/reports/sdmx-csv";
import { tidyCsvLines } from "../../../core/reports/tidy-csv";
import type { Locale } from "../../../core/schemas/auth";
import type {
  IndicatorAudience,
  IndicatorQuery,
  IndicatorResult,
  TrendQuery,
  TrendResult,
} from "../../../core/schemas/indicators";
import { annualReportFileName, type ReportFormat } from "../../../core/schemas/reports";
import type { TargetProgressList } from "../../../core/schemas/targets";
import type { AuditActor, AuditRecorder } from "../../audit/recorder";
import { isPathInScope, type Scope } from "../../http/scope";
import { createTranslator } from "../../i18n/translator";
import type { OrgUnitsRepository } from "../org-units/org-units.repository";
import { renderReportHtml } from "./report-html";
import { findChromium, printPdf } from "./report-pdf";
import { renderReportXlsx } from "./report-xlsx";
import type { ReportsRepository } from "./reports.repository";

/** The indicator service (features/indicators), as app.ts and the CLI hand it over. */
export interface IndicatorSource {
  compute(scope: Scope, request: IndicatorQuery & { id: IndicatorId }): Promise<IndicatorResult>;
  trend(scope: Scope, request: TrendQuery & { id: IndicatorId }): Promise<TrendResult>;
}

/** Targets and where each unit stands (features/targets), for the targets section. */
export type TargetSource = (
  scope: Scope,
  query: { unit?: number; at?: string },
) => Promise<TargetProgressList>;

export interface AnnualReportRequest {
  /** Default: the last complete calendar year. */
  readonly year?: number;
  /** By id (HTTP) or code (CLI); default: the first unit of the scope. */
  readonly unit?: { readonly id: number } | { readonly code: string };
  readonly lang: Locale;
  readonly format: ReportFormat;
  readonly audience: IndicatorAudience;
}

export interface RenderedReport {
  readonly fileName: string;
  readonly contentType: string;
  readonly body: Buffer;
}

const CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  sdmx: "application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8",
};

const UTF8_BOM = "\uFEFF";

export function createReportsService(deps: {
  indicators: IndicatorSource;
  repo: ReportsRepository;
  orgUnits: OrgUnitsRepository;
  audit: AuditRecorder;
  today: () => string;
  chromiumPath: string | null;
  targets?: TargetSource;
}) {
  async function resolveUnitId(scope: Scope, unit: AnnualReportRequest["unit"]) {
    if (unit === undefined || "id" in unit) return unit?.id;
    const found = await deps.orgUnits.findByCode(unit.code);
    if (!found || !isPathInScope(scope, found.path)) {
      throw new AppError("org_unit.not_found", { id: unit.code });
    }
    return found.id;
  }

  /** Runs the report's plan against the indicator service and assembles the report. */
  async function build(scope: Scope, request: AnnualReportRequest): Promise<AnnualReport> {
    const today = deps.today();
    const year = request.year ?? Number(today.slice(0, 4)) - 1;
    const period = annualReportPeriod(year, today);
    if (period === null) throw new AppError("request.invalid", { field: "year", value: year });
    const unit = await resolveUnitId(scope, request.unit);
    const { audience } = request;
    const common = { ...(unit === undefined ? {} : { unit }), audience };
    const plan = planAnnualReport(audience);
    const results = {} as Record<ComputeKey, IndicatorResult>;
    for (const item of plan.computes) {
      const isFlow = indicatorRegistry[item.indicator].basis === "flow";
      results[item.key] = await deps.indicators.compute(scope, {
        ...common,
        id: item.indicator,
        by: [...item.by],
        ...(isFlow ? { from: period.from, to: period.to } : { at: period.at }),
      });
    }
    const trends = {} as Record<TrendKey, TrendResult>;
    for (const item of plan.trends) {
      trends[item.key] = await deps.indicators.trend(scope, {
        ...common,
        id: item.indicator,
        by: [...item.by],
        at: period.at,
        years: TREND_YEARS,
      });
    }
    const root = results.headcount_by_rank_group.scope;
    const rootUnit = await deps.orgUnits.findById(root.id);
    if (!rootUnit || !isPathInScope(scope, rootUnit.path)) {
      throw new AppError("org_unit.not_found", { id: root.id });
    }
    const dataQuality = await deps.repo.countDataQuality({
      scope,
      unitPath: rootUnit.path,
      at: period.at,
      from: period.from,
      to: period.to,
    });
    const targets = deps.targets
      ? (await deps.targets(scope, { unit: root.id, at: period.at })).targets
      : [];
    const disclosureK =
      audience === "external" ? (results.headcount_by_rank_group.disclosure?.k ?? 5) : null;
    return buildAnnualReport({
      period,
      audience,
      results,
      trends,
      dataQuality,
      disclosureK,
      targets,
    });
  }

  async function render(report: AnnualReport, request: AnnualReportRequest): Promise<Buffer> {
    const i18n = createTranslator(request.lang);
    switch (request.format) {
      case "pdf": {
        const html = renderReportHtml(report, { i18n, generatedOn: deps.today() });
        return printPdf(html, {
          executablePath: findChromium(deps.chromiumPath),
          footerLabel: `${report.scope.code} · ${report.year}`,
        });
      }
      case "xlsx":
        return renderReportXlsx(report, i18n);
      case "csv":
        return Buffer.from(
          UTF8_BOM + tidyCsvLines(toObservations(report.datasets)).join(""),
          "utf8",
        );
      case "sdmx":
        return Buffer.from(sdmxCsvLines(toObservations(report.datasets)).join(""), "utf8");
    }
  }

  return {
    build,

    /**
     * The annual report of `year` for a unit's subtree in one format. Recorded in the audit trail
     * once rendered, before a byte leaves: an export that is not on record cannot happen.
     */
    async renderAnnual(
      scope: Scope,
      request: AnnualReportRequest,
      actor: AuditActor,
    ): Promise<RenderedReport> {
      // Before any work: a PDF without Chromium fails at once, with what to do about it.
      if (request.format === "pdf") findChromium(deps.chromiumPath);
      const report = await build(scope, request);
      const body = await render(report, request);
      await deps.audit.record({
        actor,
        action: "reports.export",
        entityType: "annual_report",
        entityId: `${report.year}:${request.format}:${request.audience}:${request.lang}`,
        orgUnitId: report.scope.id,
        fields: report.indicators,
        outcome: "success",
      });
      return {
        fileName: annualReportFileName({
          year: report.year,
          unitCode: report.scope.code,
          lang: request.lang,
          format: request.format,
          audience: request.audience,
        }),
        contentType: CONTENT_TYPES[request.format],
        body,
      };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
