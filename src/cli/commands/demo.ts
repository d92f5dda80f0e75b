import { InvalidArgumentError, type Command } from "commander";
import { createDemoService } from "../../server/features/demo/demo.service";
import type { Translator } from "../messages";
import { printLine, withDatabase, type CliContext } from "../context";
import { createProgressLine } from "../progress";

const scales = ["small", "default", "national"] as const;

export function parseInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a whole number`);
  return Number.parseInt(value, 10);
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
    .action(async (options: { seed: number; scale: (typeof scales)[number]; endYear?: number }) => {
      const ctx = getContext();
      const progress = createProgressLine(ctx.err);
      const summary = await withDatabase(ctx, (database) =>
        createDemoService(database).load({
          seed: options.seed,
          scale: options.scale,
          ...(options.endYear === undefined ? {} : { endYear: options.endYear }),
          onProgress: (p) =>
            progress.update(
              t("cli.demo.progress", {
                percent: Math.min(99, Math.floor((100 * p.persons) / p.expectedPersons)),
                persons: p.persons,
                events: p.events,
              }),
            ),
        }),
      );
      progress.done();
      printLine(
        ctx.out,
        t("cli.demo.done", {
          units: summary.units,
          persons: summary.persons,
          events: summary.events,
        }),
      );
    });
}
