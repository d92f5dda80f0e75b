import type { Command } from "commander";
import { openDatabase } from "../../server/db/client";
import { migrate } from "../../server/db/migrate";
import type { Translator } from "../messages";
import { printLine, type CliContext } from "../context";

export function registerMigrateCommand(
  program: Command,
  i18n: Translator,
  getContext: () => CliContext,
) {
  program
    .command("migrate")
    .description(i18n.t("cli.migrate.description"))
    .action(async () => {
      const ctx = getContext();
      const database = await openDatabase(ctx.config.database);
      try {
        const applied = await migrate(database);
        printLine(
          ctx.out,
          ctx.i18n.t("cli.migrate.applied", {
            count: applied.length,
            versions: applied.join(", "),
          }),
        );
      } finally {
        await database.close();
      }
    });
}
