import type { Command } from "commander";
import type { ChainBreak } from "../../core/audit/chain";
import { countPendingAuditEntries, verifyAuditChain } from "../../server/audit/verify";
import type { Translator } from "../messages";
import { CliExit, printLine, withDatabase, type CliContext } from "../context";

function describeBreak(t: Translator["t"], broken: ChainBreak): string {
  const reason = t(`cli.audit.verify.reasons.${broken.reason}`, {
    expectedId: broken.expectedId ?? null,
    linkedId: broken.linkedId ?? null,
  });
  return t("cli.audit.verify.broken", { id: broken.id, reason });
}

export function registerAuditCommands(
  program: Command,
  i18n: Translator,
  getContext: () => CliContext,
) {
  const audit = program.command("audit").description(i18n.t("cli.audit.description"));

  audit
    .command("verify")
    .description(i18n.t("cli.audit.verify.description"))
    .action(async () => {
      const ctx = getContext();
      const { t } = ctx.i18n;
      const { report, pending } = await withDatabase(ctx, async (database) => ({
        report: await verifyAuditChain(database.db),
        pending: await countPendingAuditEntries(database.db),
      }));
      if (report.broken) {
        printLine(ctx.err, describeBreak(t, report.broken));
        printLine(ctx.err, t("cli.audit.verify.intactBefore", { count: report.count }));
        throw new CliExit(1);
      }
      printLine(ctx.out, t("cli.audit.verify.intact", { count: report.count }));
      if (report.count > 0) {
        printLine(ctx.out, t("cli.audit.verify.head", { id: report.count, hash: report.headHash }));
      }
      if (pending > 0) printLine(ctx.out, t("cli.audit.verify.pending", { count: pending }));
    });
}
