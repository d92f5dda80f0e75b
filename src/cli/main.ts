import { Command, CommanderError } from "commander";
import { readCliLocale } from "../server/config";
import { readPackageVersion } from "../server/version";
import { registerAuditCommands } from "./commands/audit";
import { registerDemoCommand } from "./commands/demo";
import { registerExportCommands } from "./commands/export";
import { registerImportCommands } from "./commands/import";
import { registerMigrateCommand } from "./commands/migrate";
import { registerReportCommands } from "./commands/report";
import { registerServeCommand } from "./commands/serve";
import { registerUserCommands } from "./commands/user";
import { CliExit, createCliContext, type CliContext } from "./context";
import { createTranslator } from "./messages";

/** Builds the `tandem` program. Configuration is read lazily, so `--help` works with a broken environment. */
export function buildProgram(): Command {
  let context: CliContext | undefined;
  const getContext = () => (context ??= createCliContext());
  const i18n = createTranslator(readCliLocale(process.env));
  const program = new Command("tandem")
    .description(i18n.t("cli.description"))
    .version(readPackageVersion())
    .showHelpAfterError()
    .exitOverride();
  registerServeCommand(program, i18n, getContext);
  registerMigrateCommand(program, i18n, getContext);
  registerDemoCommand(program, i18n, getContext);
  registerUserCommands(program, i18n, getContext);
  registerImportCommands(program, i18n, getContext);
  registerAuditCommands(program, i18n, getContext);
  registerExportCommands(program, i18n, getContext);
  registerReportCommands(program, i18n, getContext);
  // Actions read the real context: a broken environment fails there, with every problem listed.
  program.hook("preAction", () => {
    getContext();
  });
  return program;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const i18n = createTranslator(readCliLocale(process.env));
  try {
    await buildProgram().parseAsync([...argv], { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CliExit) return error.exitCode;
    if (error instanceof CommanderError) return error.exitCode;
    process.stderr.write(`${i18n.t("cli.errorPrefix")} ${i18n.describeError(error)}\n`);
    return 1;
  }
}
