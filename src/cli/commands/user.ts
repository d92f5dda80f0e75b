import type { Command } from "commander";
import { AppError } from "../../core/errors";
import { createAuditRecorder } from "../../server/audit/audit-recorder";
import { ensureRootUnit } from "../../server/bootstrap";
import { createOrgUnitsRepository } from "../../server/features/org-units/org-units.repository";
import { createUsersRepository } from "../../server/features/users/users.repository";
import { createUsersService } from "../../server/features/users/users.service";
import type { Translator } from "../messages";
import { printLine, withDatabase, type CliContext } from "../context";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

export function registerUserCommands(
  program: Command,
  i18n: Translator,
  getContext: () => CliContext,
) {
  const { t } = i18n;
  const user = program.command("user").description(t("cli.user.description"));

  user
    .command("add")
    .description(t("cli.user.add.description"))
    .argument("<username>")
    .requiredOption("--role <role>", t("cli.user.add.role"))
    .option("--unit <code>", t("cli.user.add.unit"))
    .option("--name <name>", t("cli.user.add.name"))
    .option("--password-stdin", t("cli.user.add.passwordStdin"))
    .action(
      async (
        username: string,
        options: { role: string; unit?: string; name?: string; passwordStdin?: boolean },
      ) => {
        const ctx = getContext();
        const password = options.passwordStdin ? await readStdin() : undefined;
        const result = await withDatabase(ctx, async (database) => {
          const orgUnits = createOrgUnitsRepository(database.db);
          const unitId =
            options.unit === undefined
              ? await ensureRootUnit(database.db)
              : (await orgUnits.findByCode(options.unit))?.id;
          if (unitId === undefined)
            throw new AppError("org_unit.not_found", { code: options.unit ?? null });
          return createUsersService(
            createUsersRepository(database.db),
            createAuditRecorder(database.db),
          ).addUser({
            username,
            role: options.role,
            orgUnitId: unitId,
            ...(options.name === undefined ? {} : { displayName: options.name }),
            ...(password === undefined ? {} : { password }),
          });
        });
        printLine(ctx.out, t("cli.user.add.created", { username }));
        if (result.isGenerated)
          printLine(ctx.out, t("cli.user.generatedPassword", { password: result.password }));
      },
    );

  user
    .command("reset-password")
    .description(t("cli.user.resetPassword.description"))
    .argument("<username>")
    .option("--password-stdin", t("cli.user.add.passwordStdin"))
    .action(async (username: string, options: { passwordStdin?: boolean }) => {
      const ctx = getContext();
      const password = options.passwordStdin ? await readStdin() : undefined;
      const result = await withDatabase(ctx, (database) =>
        createUsersService(
          createUsersRepository(database.db),
          createAuditRecorder(database.db),
        ).resetPassword(username, password),
      );
      printLine(ctx.out, t("cli.user.resetPassword.done", { username }));
      if (result.isGenerated)
        printLine(ctx.out, t("cli.user.generatedPassword", { password: result.password }));
    });
}
