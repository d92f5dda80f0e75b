import fs from "node:fs";
import { Option, type Command } from "commander";
import { AppError } from "../../core/errors";
import { locales, type Locale } from "../../core/schemas/auth";
import { annualReportQuery, reportFormats, type ReportFormat } from "../../core/schemas/reports";
import { DEFAULT_SDC_THRESHOLD } from "../../core/sdc/suppress";
import { createAuditRecorder, SYSTEM_ACTOR } from "../../server/audit/audit-recorder";
import { ensureRootUnit } from "../../server/bootstrap";
import { createIndicatorsRepository } from "../../server/features/indicators/indicators.repository";
import { createIndicatorService } from "../../server/features/indicators/indicators.service";
import { createOrgUnitsRepository } from "../../server/features/org-units/org-units.repository";
import { createReportsRepository } from "../../server/features/reports/reports.repository";
import { createReportsService } from "../../server/features/reports/reports.service";
import { createTargetsRepository } from "../../server/features/targets/targets.repository";
import { createTargetsService } from "../../server/features/targets/targets.service";
import type { Translator } from "../messages";
import { printLine, withDatabase, type CliContext } from "../context";

interface AnnualOptions {
  year: string;
  unit?: string;
  lang: Locale;
  format: ReportFormat;
  external?: boolean;
  out?: string;
}

/**
 * `tandem report annual --year Y [--unit CODE] [--lang km] [--format pdf|xlsx|csv|sdmx]
 * [--external] [--out FILE]`: the annual gender report, as `/api/reports/annual` gives it, for the
 * whole service or a unit's subtree (the CLI runs as the system, at the root; audited).
 */
export function registerAnnualReportCommand(
  report: Command,
  i18n: Translator,
  getContext: () => CliContext,
): void {
  const { t } = i18n;
  report
    .command("annual")
    .description(t("cli.reportAnnual.description"))
    .requiredOption("--year <year>", t("cli.reportAnnual.year"))
    .option("--unit <code>", t("cli.report.unit"))
    .addOption(
      new Option("--lang <lang>", t("cli.reportAnnual.lang")).choices(locales).default(i18n.locale),
    )
    .addOption(
      new Option("--format <format>", t("cli.reportAnnual.format"))
        .choices(reportFormats)
        .default("pdf"),
    )
    .option("--external", t("cli.report.external"))
    .option("--out <file>", t("cli.reportAnnual.out"))
    .action(async (options: AnnualOptions) => runAnnualReport(getContext(), options));
}

async function runAnnualReport(ctx: CliContext, options: AnnualOptions): Promise<void> {
  const parsed = annualReportQuery.shape.year.safeParse(options.year);
  if (!parsed.success || parsed.data === undefined) {
    throw new AppError("cli.option_invalid", { option: "--year", value: options.year });
  }
  const year = parsed.data;
  const today = new Date().toISOString().slice(0, 10);
  await withDatabase(ctx, async (database) => {
    const db = database.db;
    const root = await ensureRootUnit(db);
    const orgUnits = createOrgUnitsRepository(db);
    const rootPath = (await orgUnits.findById(root))?.path ?? `/${root}/`;
    const audit = createAuditRecorder(db);
    const indicators = createIndicatorService({
      repo: createIndicatorsRepository(db),
      today: () => today,
      sdcThreshold: DEFAULT_SDC_THRESHOLD,
    });
    const targets = createTargetsService({
      repo: createTargetsRepository(db),
      audit,
      headcount: (scope, request) => indicators.compute(scope, request),
      today: () => today,
      now: () => new Date(),
    });
    const service = createReportsService({
      indicators,
      repo: createReportsRepository(db),
      orgUnits,
      audit,
      today: () => today,
      chromiumPath: ctx.config.chromiumPath,
      targets: (scope, query) => targets.progressInScope(scope, query),
    });
    const rendered = await service.renderAnnual(
      { unitPaths: [rootPath] },
      {
        year,
        lang: options.lang,
        format: options.format,
        audience: options.external ? "external" : "internal",
        ...(options.unit === undefined ? {} : { unit: { code: options.unit } }),
      },
      SYSTEM_ACTOR,
    );
    const isText = options.format === "csv" || options.format === "sdmx";
    // A PDF or a workbook on a terminal is of no use: they always go to a file.
    const file = options.out ?? (isText ? undefined : rendered.fileName);
    if (file === undefined) {
      ctx.out.write(rendered.body);
      return;
    }
    fs.writeFileSync(file, rendered.body);
    printLine(ctx.err, ctx.i18n.t("cli.export.written", { file }));
  });
}
