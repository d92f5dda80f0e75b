import fs from "node:fs";
import path from "node:path";
import { Option, type Command } from "commander";
import { spreadsheetCsvLine } from "../../core/csv/spreadsheet-safe";
import type { ImportReport } from "../../core/schemas/import";
import {
  csvDelimiter,
  dateFormats,
  fileEncoding,
  personnelFileKinds,
  personnelImportOptions,
  type PersonnelImportReport,
  type PersonnelMappingInput,
} from "../../core/schemas/personnel-import";
import { createAuditRecorder, SYSTEM_ACTOR } from "../../server/audit/audit-recorder";
import { ensureRootUnit } from "../../server/bootstrap";
import { createOrgUnitImporter } from "../../server/features/org-units/org-units.import";
import { createOrgUnitsRepository } from "../../server/features/org-units/org-units.repository";
import { createMappingsRepository } from "../../server/features/personnel-import/mappings.repository";
import { createPersonnelImportService } from "../../server/features/personnel-import/personnel-import.service";
import { createProgressLine } from "../progress";
import type { Translator } from "../messages";
import { CliExit, printLine, withDatabase, type CliContext } from "../context";

interface PersonnelFlags {
  mapping?: string;
  asOf?: string;
  dryRun?: boolean;
  format: "text" | "json";
  kind?: "snapshot" | "events";
  dateFormat?: "auto" | "iso" | "dmy" | "mdy";
  era?: "gregorian" | "buddhist";
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  headerRow?: string;
  unit?: string;
  errors?: string;
}

/** Writes the row errors as CSV (row, column, value, code, message in the CLI's language). */
function writeErrorReport(ctx: CliContext, file: string, report: PersonnelImportReport): void {
  const { t } = ctx.i18n;
  const lines = [spreadsheetCsvLine(["row", "column", "value", "code", "message"])];
  for (const e of report.errors) {
    const message = t(e.messageKey, { row: e.row, column: e.column ?? "—", value: e.value ?? "" });
    lines.push(spreadsheetCsvLine([e.row, e.column ?? "", e.value ?? "", e.code, message]));
  }
  fs.writeFileSync(file, "\uFEFF" + lines.join(""));
}

/** Prints a personnel import's outcome; returns the exit code. */
function printPersonnelReport(
  ctx: CliContext,
  report: PersonnelImportReport,
  errorFile: string | null,
): number {
  const { t } = ctx.i18n;
  if (report.outcome === "invalid") {
    for (const error of report.errors.slice(0, 20)) {
      const where = t("cli.import.where", { row: error.row, column: error.column ?? "—" });
      printLine(
        ctx.err,
        `${where} ${t(error.messageKey, { row: error.row, column: error.column ?? "—", value: error.value ?? "" })}`,
      );
    }
    printLine(
      ctx.err,
      t("cli.import.personnel.invalid", { errors: report.errorCount, rows: report.rows }),
    );
    if (errorFile) printLine(ctx.err, t("cli.import.personnel.errorReport", { file: errorFile }));
    return 1;
  }
  if (report.outcome === "cancelled") {
    printLine(ctx.err, t("cli.import.personnel.cancelled"));
    return 130;
  }
  if (report.outcome === "unchanged") {
    printLine(ctx.out, t("cli.import.personnel.unchanged", { rows: report.rows }));
    return 0;
  }
  if (report.coverage) {
    printLine(
      ctx.out,
      t("cli.import.personnel.coverage", {
        code: report.coverage.code,
        name: report.coverage.name,
      }),
    );
  }
  printLine(ctx.out, t("cli.import.personnel.table"));
  for (const row of report.events) {
    printLine(
      ctx.out,
      `  ${row.type.padEnd(12)} ${String(row.total).padStart(8)}   F ${row.F}  M ${row.M}  X ${row.X}  U ${row.U}`,
    );
  }
  printLine(
    ctx.out,
    t(report.isDryRun ? "cli.import.personnel.validated" : "cli.import.personnel.imported", {
      rows: report.rows,
      persons: report.personsCreated,
      events: report.eventsCreated,
      seconds: (report.durationMs / 1000).toFixed(1),
    }),
  );
  return 0;
}

/** Prints an import report: one line per row error, then what happened. Returns the exit code. */
export function printImportReport(ctx: CliContext, report: ImportReport): number {
  const { t } = ctx.i18n;
  for (const error of report.errors) {
    const where = t("cli.import.where", { row: error.row, column: error.column ?? "—" });
    const message = t(error.messageKey, {
      row: error.row,
      column: error.column ?? "—",
      value: error.value ?? "",
    });
    printLine(ctx.err, `${where} ${message}`);
  }
  const counts = {
    rows: report.rows,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    errors: report.errors.length,
  };
  printLine(
    report.outcome === "invalid" ? ctx.err : ctx.out,
    t(`cli.import.outcome.${report.outcome}`, counts),
  );
  return report.outcome === "invalid" ? 1 : 0;
}

export function registerImportCommands(
  program: Command,
  i18n: Translator,
  getContext: () => CliContext,
) {
  const { t } = i18n;
  const command = program.command("import").description(t("cli.import.description"));
  registerPersonnelImportCommand(command, i18n, getContext);
  command
    .command("org-units")
    .description(t("cli.import.orgUnits.description"))
    .argument("<file>", t("cli.import.file"))
    .option("--dry-run", t("cli.import.dryRun"))
    .action(async (file: string, options: { dryRun?: boolean }) => {
      const ctx = getContext();
      const bytes = fs.readFileSync(file);
      const report = await withDatabase(ctx, async (database) => {
        const root = await ensureRootUnit(database.db);
        const repo = createOrgUnitsRepository(database.db);
        const rootPath = (await repo.findById(root))?.path ?? `/${root}/`;
        const importer = createOrgUnitImporter({
          repo,
          audit: createAuditRecorder(database.db),
          today: () => new Date().toISOString().slice(0, 10),
        });
        return importer({
          bytes,
          scope: { unitPaths: [rootPath] },
          actor: SYSTEM_ACTOR,
          isDryRun: options.dryRun === true,
        });
      });
      process.exitCode = printImportReport(ctx, report);
    });
}

/** `tandem import personnel FILE`: the same engine as the web import, with a progress bar. */
export function registerPersonnelImportCommand(
  importCommand: Command,
  i18n: Translator,
  getContext: () => CliContext,
) {
  const { t } = i18n;
  importCommand
    .command("personnel")
    .description(t("cli.import.personnel.description"))
    .argument("<file>", t("cli.import.personnel.file"))
    .option("--mapping <name>", t("cli.import.personnel.mapping"))
    .option("--as-of <date>", t("cli.import.personnel.asOf"))
    .option("--dry-run", t("cli.import.dryRun"))
    .addOption(
      new Option("--format <format>", t("cli.import.personnel.format"))
        .choices(["text", "json"])
        .default("text"),
    )
    .addOption(
      new Option("--kind <kind>", t("cli.import.personnel.kind")).choices([...personnelFileKinds]),
    )
    .addOption(
      new Option("--date-format <order>", t("cli.import.personnel.dateFormat")).choices([
        ...dateFormats,
      ]),
    )
    .addOption(
      new Option("--era <era>", t("cli.import.personnel.era")).choices(["gregorian", "buddhist"]),
    )
    .option("--sheet <name>", t("cli.import.personnel.sheet"))
    .addOption(
      new Option("--encoding <name>", t("cli.import.personnel.encoding")).choices([
        ...fileEncoding.options,
      ]),
    )
    .addOption(
      new Option("--delimiter <char>", t("cli.import.personnel.delimiter")).choices([
        ...csvDelimiter.options,
      ]),
    )
    .option("--header-row <n>", t("cli.import.personnel.headerRow"))
    .option("--unit <code>", t("cli.import.personnel.unit"))
    .option("--errors <file>", t("cli.import.personnel.errors"))
    .action(async (file: string, flags: PersonnelFlags) => {
      const ctx = getContext();
      if (!fs.existsSync(file)) {
        printLine(ctx.err, t("cli.import.personnel.noFile", { file }));
        throw new CliExit(1);
      }
      const overrides: Partial<PersonnelMappingInput> = {
        ...(flags.kind ? { kind: flags.kind } : {}),
        ...(flags.dateFormat ? { dateFormat: flags.dateFormat } : {}),
        ...(flags.era ? { era: flags.era } : {}),
        ...(flags.sheet ? { sheet: flags.sheet } : {}),
        ...(flags.encoding
          ? { encoding: flags.encoding as PersonnelMappingInput["encoding"] }
          : {}),
        ...(flags.delimiter
          ? { delimiter: flags.delimiter as PersonnelMappingInput["delimiter"] }
          : {}),
        ...(flags.headerRow ? { headerRow: Number(flags.headerRow) } : {}),
      };
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once("SIGINT", onSigint);
      const progress = createProgressLine(ctx.err);
      let lastPhase = "";
      try {
        const report = await withDatabase(ctx, async (database) => {
          const root = await ensureRootUnit(database.db);
          const rootPath =
            (await createOrgUnitsRepository(database.db).findById(root))?.path ?? `/${root}/`;
          const scope = { unitPaths: [rootPath] };
          const service = createPersonnelImportService({
            database,
            mappings: createMappingsRepository(database.db),
            audit: createAuditRecorder(database.db),
            today: () => new Date().toISOString().slice(0, 10),
          });
          const inspection = await service.inspect({
            path: file,
            fileName: path.basename(file),
            mapping: overrides,
            ...(flags.mapping ? { template: flags.mapping } : {}),
            scope,
          });
          const options = personnelImportOptions.parse({
            mapping: inspection.suggested,
            asOf: flags.asOf ?? null,
            fileName: path.basename(file),
            coverageUnit: flags.unit ?? null,
          });
          return service.run({
            path: file,
            options,
            isDryRun: flags.dryRun === true,
            scope,
            actor: SYSTEM_ACTOR,
            signal: controller.signal,
            onProgress: (p) => {
              progress.update(
                t("cli.import.personnel.progress", {
                  phase: t(`cli.import.personnel.phase.${p.phase}`),
                  percent: Math.round(p.percent),
                  rows: p.rows,
                  rate: Math.round(p.rowsPerSecond),
                }),
                p.phase !== lastPhase,
              );
              lastPhase = p.phase;
            },
          });
        });
        progress.done();
        const errorFile =
          report.outcome === "invalid" ? (flags.errors ?? `${file}.errors.csv`) : null;
        if (errorFile) writeErrorReport(ctx, errorFile, report);
        if (flags.format === "json") {
          printLine(ctx.out, JSON.stringify({ ...report, errorReport: errorFile }, null, 2));
          process.exitCode =
            report.outcome === "invalid" ? 1 : report.outcome === "cancelled" ? 130 : 0;
        } else {
          process.exitCode = printPersonnelReport(ctx, report, errorFile);
        }
      } finally {
        progress.done();
        process.removeListener("SIGINT", onSigint);
      }
    });
}
