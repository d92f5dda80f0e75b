import type { Command } from "commander";
import { redactUrl } from "../../server/db/client";
import { startServer } from "../../server/main";
import type { Translator } from "../messages";
import { printLine, type CliContext } from "../context";
import { printDemoUsers } from "./demo";
import { createProgressLine } from "../progress";

export function registerServeCommand(
  program: Command,
  i18n: Translator,
  getContext: () => CliContext,
) {
  program
    .command("serve")
    .description(i18n.t("cli.serve.description"))
    .action(async () => {
      const ctx = getContext();
      const { t } = ctx.i18n;
      const progress = createProgressLine(ctx.err);
      const server = await startServer(ctx.config, {
        onDemoStart: () => printLine(ctx.err, t("cli.demo.starting")),
        onDemoProgress: (p) =>
          progress.update(
            t("cli.demo.progress", {
              percent: Math.min(99, Math.floor((100 * p.persons) / p.expectedPersons)),
              persons: p.persons,
              events: p.events,
            }),
          ),
      });
      progress.done();
      if (server.demo.isLoaded) {
        printLine(
          ctx.err,
          t("cli.demo.done", {
            units: server.demo.units ?? 0,
            persons: server.demo.persons ?? 0,
            events: server.demo.events ?? 0,
          }),
        );
      }
      const { admin } = server;
      const db = ctx.config.database;
      printLine(ctx.out);
      printLine(ctx.out, t("cli.serve.running", { url: server.url }));
      printLine(ctx.out, "  " + t("cli.serve.signInAs", { username: admin.username }));
      if (admin.isCreated && admin.isGenerated) {
        printLine(ctx.out, "  " + t("cli.serve.password", { password: admin.password }));
        printLine(ctx.out, "  " + t("cli.serve.passwordOnce", { username: admin.username }));
      } else if (admin.isCreated) {
        printLine(ctx.out, "  " + t("cli.serve.passwordFromEnv"));
      } else {
        printLine(ctx.out, "  " + t("cli.serve.passwordKnown", { username: admin.username }));
      }
      printDemoUsers(ctx, server.demoUsers, "  ");
      printLine(ctx.out, "  " + t("cli.serve.apiDocs", { url: `${server.url}/api/docs` }));
      printLine(
        ctx.out,
        "  " +
          (db.kind === "pglite"
            ? t("cli.serve.databaseEmbedded", { dir: db.dataDir })
            : t("cli.serve.databaseServer", { url: redactUrl(db.url) })),
      );
      if (server.demo.filesDir)
        printLine(ctx.out, "  " + t("cli.serve.demoFiles", { dir: server.demo.filesDir }));
      printLine(ctx.out, t("cli.serve.stop"));

      await new Promise<void>((resolve) => {
        let isStopping = false;
        const stop = (signal: NodeJS.Signals) => {
          if (isStopping) return;
          isStopping = true;
          server.app.log.info({ signal }, "shutting down");
          printLine(ctx.err, t("cli.serve.stopping"));
          const timer = setTimeout(() => {
            server.app.log.error("shutdown timed out; exiting");
            process.exit(1);
          }, ctx.config.shutdownTimeoutMs);
          timer.unref();
          server
            .close()
            .then(() => {
              printLine(ctx.err, t("cli.serve.stopped"));
              resolve();
            })
            .catch((error: unknown) => {
              server.app.log.error({ err: error }, "error while shutting down");
              process.exitCode = 1;
              resolve();
            });
        };
        process.once("SIGTERM", stop);
        process.once("SIGINT", stop);
      });
    });
}
