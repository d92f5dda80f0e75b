import { AppError } from "../core/errors";
import { formatConfigProblems, loadConfig, readCliLocale, type Config } from "../server/config";
import { openDatabase, type Database } from "../server/db/client";
import { migrate } from "../server/db/migrate";
import { createTranslator, type Translator } from "./messages";

/** What every command receives: validated configuration, translated output, and the streams. */
export interface CliContext {
  readonly config: Config;
  readonly i18n: Translator;
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
}

export class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

export function createCliContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  const i18n = createTranslator(readCliLocale(env));
  const loaded = loadConfig(env);
  if (!loaded.ok) {
    process.stderr.write(formatConfigProblems(loaded.problems) + "\n");
    throw new CliExit(1);
  }
  return { config: loaded.config, i18n, out: process.stdout, err: process.stderr };
}

/** Opens the configured database, brings its schema up to date, runs `work`, and always closes it. */
export async function withDatabase<T>(
  ctx: CliContext,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(ctx.config.database);
  try {
    await migrate(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

export function printLine(stream: NodeJS.WritableStream, line = ""): void {
  stream.write(line + "\n");
}

export function isAppErrorCode(error: unknown, code: AppError["code"]): boolean {
  return error instanceof AppError && error.code === code;
}
