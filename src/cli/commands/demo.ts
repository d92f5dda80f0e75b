import path from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { createAuditRecorder, DEMO_LOAD_ENTRY } from "../../server/audit/audit-recorder";
import { createDemoUsers, type DemoCredential } from "../../server/demo-users";
import { defaultDemoFilesDir, writeDemoFiles } from "../../server/features/demo/demo-files";
import { createDemoService } from "../../server/features/demo/demo.service";
import { createUsersRepository } from "../../server/features/users/users.repository";
import { createUsersService } from "../../server/features/users/users.service";
import { resolveSecretKey } from "../../server/security/secret-key";
import type { Translator } from "../messages";
import { printLine, withDatabase, type CliContext } from "../context";
import { createProgressLine } from "../progress";

const scales = ["small", "default", "national"] as const;

export function parseInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a whole number`);
  return Number.parseInt(value, 10);
}

/** The demo accounts and their one-time passwords, one line each. */
export function printDemoUsers(
  ctx: CliContext,
  users: readonly DemoCredential[],
  indent = "",
): void {
  if (users.length === 0) return;
  printLine(ctx.out, indent + ctx.i18n.t("cli.demo.users.title"));
  for (const user of users) {
    printLine(
      ctx.out,
      `${indent}  ` +
        ctx.i18n.t("cli.demo.users.line", {
          username: user.username,
          role: user.role,
          unit: user.unitCode,
          password: user.password,
        }),
    );
  }
}

interface DemoCommandOptions {
  seed: number;
  scale: (typeof scales)[number];
  endYear?: number;
  /** Where to write the sample HR files (default: beside the embedded database). */
  files?: string;
}

export function registerDemoCommand(
  program: Command,
  i18n: Translator,
  getContext: () => CliContext,
) {
  const { t } = i18n;
  program
    .command("demo")
    .description(t("cli.demo.description"))
    .option("--seed <n>", t("cli.demo.seed"), parseInteger, 1)
    .option(
      "--scale <scale>",
      t("cli.demo.scale"),
      (value: string) => {
        if (!(scales as readonly string[]).includes(value))
          throw new InvalidArgumentError(`use one of: ${scales.join(", ")}`);
        return value as (typeof scales)[number];
      },
      "default" as (typeof scales)[number],
    )
    .option("--end-year <year>", t("cli.demo.endYear"), parseInteger)
    .option("--files <dir>", t("cli.demo.files"))
    .action(async (options: DemoCommandOptions) => {
      const ctx = getContext();
      const progress = createProgressLine(ctx.err);
      const { summary, users } = await withDatabase(ctx, async (database) => {
        const loaded = await createDemoService(database).load({
          seed: options.seed,
          scale: options.scale,
          ...(options.endYear === undefined ? {} : { endYear: options.endYear }),
          // Without a key (PostgreSQL, TANDEM_SECRET_KEY unset) the demo leaves contacts out.
          secretKey:
            ctx.config.secretKey ??
            (ctx.config.database.kind === "pglite" ? resolveSecretKey(ctx.config) : undefined),
          onProgress: (p) =>
            progress.update(
              t("cli.demo.progress", {
                percent: Math.min(99, Math.floor((100 * p.persons) / p.expectedPersons)),
                persons: p.persons,
                events: p.events,
              }),
            ),
        });
        await createAuditRecorder(database.db).record(DEMO_LOAD_ENTRY);
        const accounts = createUsersService(
          createUsersRepository(database.db),
          createAuditRecorder(database.db),
        );
        return { summary: loaded, users: await createDemoUsers(database.db, accounts) };
      });
      progress.done();
      printLine(
        ctx.out,
        t("cli.demo.done", {
          units: summary.units,
          persons: summary.persons,
          events: summary.events,
        }),
      );
      const filesDir = options.files
        ? path.resolve(options.files)
        : defaultDemoFilesDir(ctx.config);
      if (filesDir) {
        await writeDemoFiles(filesDir, summary);
        printLine(ctx.out, t("cli.demo.filesWritten", { dir: filesDir }));
      }
      printDemoUsers(ctx, users);
    });
}
