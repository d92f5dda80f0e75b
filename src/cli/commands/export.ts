import fs from "node:fs";
import { once } from "node:events";
import { Readable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { Option, type Command } from "commander";
import { AppError } from "../../core/errors";
import { calendarDate } from "../../core/schemas/common";
import {
  exportFileName,
  exportFormats,
  exportKinds,
  type ExportFormat,
  type ExportKind,
} from "../../core/schemas/personnel-export";
import { createAuditRecorder, SYSTEM_ACTOR } from "../../server/audit/audit-recorder";
import { ensureRootUnit } from "../../server/bootstrap";
import { createOrgUnitsRepository } from "../../server/features/org-units/org-units.repository";
import { createPersonnelExportRepository } from "../../server/features/personnel-export/personnel-export.repository";
import {
  createPersonnelExportService,
  type OpenedExport,
} from "../../server/features/personnel-export/personnel-export.service";
import type { Translator } from "../messages";
import { printLine, withDatabase, type CliContext } from "../context";

interface ExportOptions {
  at?: string;
  unit?: string;
  format: ExportFormat;
  output?: string;
}

async function writeToStream(chunks: AsyncIterable<string>, out: NodeJS.WritableStream) {
  for await (const chunk of chunks) {
    if (!out.write(chunk)) await once(out, "drain");
  }
}

/** Writes the export to `file`; a partial file is removed when writing fails. */
async function writeToFile(opened: OpenedExport, format: ExportFormat, file: string) {
  const output = fs.createWriteStream(file);
  try {
    if (format === "csv") {
      await pipeline(Readable.from(opened.csv()), output);
    } else {
      await opened.writeXlsx(output);
      await finished(output);
    }
  } catch (error) {
    output.destroy();
    fs.rmSync(file, { force: true });
    throw error;
  }
}

export function registerExportCommands(
  program: Command,
  i18n: Translator,
  getContext: () => CliContext,
) {
  const { t } = i18n;
  const command = program.command("export").description(t("cli.export.description"));
  for (const kind of exportKinds) {
    command
      .command(kind)
      .description(t(`cli.export.${kind}.description`))
      .option("--at <date>", t("cli.export.at"))
      .option("--unit <code>", t("cli.export.unit"))
      .addOption(
        new Option("--format <format>", t("cli.export.format"))
          .choices(exportFormats)
          .makeOptionMandatory(),
      )
      .option("--output <file>", t("cli.export.output"))
      .action(async (options: ExportOptions) => {
        const ctx = getContext();
        await runExport(ctx, kind, options);
      });
  }
}

async function runExport(ctx: CliContext, kind: ExportKind, options: ExportOptions) {
  if (options.at !== undefined && !calendarDate.safeParse(options.at).success) {
    throw new AppError("request.invalid", { field: "--at", value: options.at });
  }
  const today = new Date().toISOString().slice(0, 10);
  const at = options.at ?? today;
  // A spreadsheet on a terminal is of no use: XLSX always goes to a file.
  const file =
    options.output ?? (options.format === "xlsx" ? exportFileName(kind, at, "xlsx") : undefined);
  await withDatabase(ctx, async (database) => {
    const db = database.db;
    const root = await ensureRootUnit(db);
    const orgUnits = createOrgUnitsRepository(db);
    const rootPath = (await orgUnits.findById(root))?.path ?? `/${root}/`;
    const service = createPersonnelExportService({
      repo: createPersonnelExportRepository(db),
      orgUnits,
      audit: createAuditRecorder(db),
      today: () => today,
    });
    const opened = await service.open(
      { unitPaths: [rootPath] },
      {
        kind,
        format: options.format,
        at,
        ...(options.unit === undefined ? {} : { unit: { code: options.unit } }),
      },
      SYSTEM_ACTOR,
    );
    if (file === undefined) {
      await writeToStream(opened.csv(), ctx.out);
      return;
    }
    await writeToFile(opened, options.format, file);
    printLine(ctx.err, ctx.i18n.t("cli.export.written", { file }));
  });
}
