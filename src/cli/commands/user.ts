import type { Command } from "commander";
import { AppError } from "../../core/errors";
import { createAuditRecorder, SYSTEM_ACTOR } from "../../server/audit/audit-recorder";
import { ensureRootUnit } from "../../server/bootstrap";
import { createOrgUnitsRepository } from "../../server/features/org-units/org-units.repository";
import { createUsersAdminRepository } from "../../server/features/users/users-admin.repository";
import { createUsersAdminService } from "../../server/features/users/users-admin.service";
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

  user
    .command("reset-2fa")
    .description(t("cli.user.resetTwoFactor.description"))
    .argument("<username>")
    .action(async (username: string) => {
      const ctx = getContext();
      await withDatabase(ctx, async (database) => {
        const users = createUsersRepository(database.db);
        const account = await users.findByUsername(username);
        if (!account) throw new AppError("user.not_found", { username });
        const audit = createAuditRecorder(database.db);
        const repo = createUsersAdminRepository(database.db);
        const rootPath = await repo.rootPath();
        // The operator of the command line administers the whole tree, like `tandem import`.
        const scope = { unitPaths: rootPath === undefined ? [] : [rootPath] };
        await createUsersAdminService({
          repo,
          users: createUsersService(users, audit),
          audit,
        }).resetTwoFactor(scope, SYSTEM_ACTOR, account.id);
      });
      printLine(ctx.out, t("cli.user.resetTwoFactor.done", { username }));
    });
}
