import fs from "node:fs";
import type { Command } from "commander";
import type { ImportReport } from "../../core/schemas/import";
import { createAuditRecorder, SYSTEM_ACTOR } from "../../server/audit/audit-recorder";
import { ensureRootUnit } from "../../server/bootstrap";
import { createOrgUnitImporter } from "../../server/features/org-units/org-units.import";
import { createOrgUnitsRepository } from "../../server/features/org-units/org-units.repository";
import type { Translator } from "../messages";
import { printLine, withDatabase, type CliContext } from "../context";

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
