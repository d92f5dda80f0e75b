import { Option, type Command } from "commander";
import { AppError } from "../../core/errors";
import { indicatorIds, type IndicatorId } from "../../core/indicators/registry";
import { toObservations } from "../../core/reports/observations";
import { tidyCsvLines } from "../../core/reports/tidy-csv";
import { calendarDate } from "../../core/schemas/common";
import { indicatorQuery, type IndicatorQuery } from "../../core/schemas/indicators";
import { ensureRootUnit } from "../../server/bootstrap";
import { DEFAULT_SDC_THRESHOLD } from "../../core/sdc/suppress";
import { createIndicatorsRepository } from "../../server/features/indicators/indicators.repository";
import { createIndicatorService } from "../../server/features/indicators/indicators.service";
import { createOrgUnitsRepository } from "../../server/features/org-units/org-units.repository";
import type { Translator } from "../messages";
import { registerAnnualReportCommand } from "./report-annual";
import { printLine, withDatabase, type CliContext } from "../context";

interface ReportOptions {
  at?: string;
  from?: string;
  to?: string;
  unit?: string;
  by?: string;
  format: "json" | "csv";
  external?: boolean;
}

function checkDate(flag: string, value: string | undefined): void {
  if (value !== undefined && !calendarDate.safeParse(value).success) {
    throw new AppError("cli.option_invalid", { option: flag, value });
  }
}

/**
 * `tandem report <indicator>`: one subcommand per indicator of the registry, the same computation
 * as `/api/indicators/:id` for the whole service (the CLI runs as the system, at the root).
 */
export function registerReportCommands(
  program: Command,
  i18n: Translator,
  getContext: () => CliContext,
): Command {
  const { t } = i18n;
  const command = program.command("report").description(t("cli.report.description"));
  for (const id of indicatorIds) {
    command
      .command(id)
      .description(t(`web.indicators.${id}.name`))
      .option("--at <date>", t("cli.report.at"))
      .option("--from <date>", t("cli.report.from"))
      .option("--to <date>", t("cli.report.to"))
      .option("--unit <code>", t("cli.report.unit"))
      .option("--by <list>", t("cli.report.by"))
      .option("--external", t("cli.report.external"))
      .addOption(
        new Option("--format <format>", t("cli.report.format"))
          .choices(["json", "csv"])
          .default("csv"),
      )
      .action(async (options: ReportOptions) => runReport(getContext(), id, options));
  }
  registerAnnualReportCommand(command, i18n, getContext);
  return command;
}

async function runReport(ctx: CliContext, id: IndicatorId, options: ReportOptions) {
  checkDate("--at", options.at);
  checkDate("--from", options.from);
  checkDate("--to", options.to);
  // Sex is always given (the counts by sex); `--by rank,sex` is accepted as in the API's examples.
  const by = (options.by ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "" && part !== "sex")
    .join(",");
  const parsed = indicatorQuery.safeParse({ by });
  if (!parsed.success)
    throw new AppError("cli.option_invalid", { option: "--by", value: options.by ?? "" });
  await withDatabase(ctx, async (database) => {
    const db = database.db;
    const root = await ensureRootUnit(db);
    const orgUnits = createOrgUnitsRepository(db);
    const rootPath = (await orgUnits.findById(root))?.path ?? `/${root}/`;
    const unit = options.unit === undefined ? undefined : await orgUnits.findByCode(options.unit);
    if (options.unit !== undefined && unit === undefined) {
      throw new AppError("cli.option_invalid", { option: "--unit", value: options.unit });
    }
    const service = createIndicatorService({
      repo: createIndicatorsRepository(db),
      today: () => new Date().toISOString().slice(0, 10),
      sdcThreshold: DEFAULT_SDC_THRESHOLD,
    });
    const query: IndicatorQuery = {
      by: parsed.data.by,
      audience: options.external ? "external" : "internal",
      ...(unit && { unit: unit.id }),
      ...(options.at !== undefined && { at: options.at }),
      ...(options.from !== undefined && { from: options.from }),
      ...(options.to !== undefined && { to: options.to }),
    };
    const result = await service.compute({ unitPaths: [rootPath] }, { ...query, id });
    if (options.format === "json") {
      printLine(ctx.out, JSON.stringify(result, null, 2));
      return;
    }
    ctx.out.write(tidyCsvLines(toObservations([{ table: id, result }])).join(""));
  });
}
