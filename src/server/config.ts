import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { parseSecretKey } from "./security/secret-key";

const demoScales = ["small", "default", "national"] as const;
export type DemoScale = (typeof demoScales)[number];

const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  TANDEM_DATA_DIR: z.string().min(1).default("./data"),
  TANDEM_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  TANDEM_DEMO: booleanString.optional(),
  TANDEM_DEMO_SCALE: z.enum(demoScales).default("default"),
  TANDEM_DEMO_SEED: z.coerce.number().int().min(0).default(1),
  TANDEM_TRUST_PROXY: booleanString.default(false),
  TANDEM_SECRET_KEY: z
    .string()
    .refine(
      (value) => parseSecretKey(value) !== null,
      "must be 32 random bytes: 64 hex digits or base64 (openssl rand -base64 32)",
    )
    .optional(),
  TANDEM_WEB_DIR: z.string().min(1).optional(),
  TANDEM_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  CHROMIUM_PATH: z.string().min(1).optional(),
  TANDEM_PUBLIC_SUBMITS_PER_ADDRESS_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(10),
  TANDEM_PUBLIC_SUBMITS_PER_SECOND: z.coerce.number().int().min(1).max(100_000).default(20),
});

/** The installed package root (two levels above this file), where the built web app lives. */
export const packageRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly database:
    | { readonly kind: "pglite"; readonly dataDir: string }
    | { readonly kind: "postgres"; readonly url: string };
  readonly adminPassword: string | undefined;
  readonly demo: { readonly enabled: boolean; readonly scale: DemoScale; readonly seed: number };
  readonly trustProxy: boolean;
  /** Encrypts TOTP secrets at rest; null on the embedded engine, which keeps a key file in its data directory. */
  readonly secretKey: Buffer | null;
  readonly webDir: string;
  readonly shutdownTimeoutMs: number;
  readonly logLevel: string;
  /** Chromium that prints PDF reports (CHROMIUM_PATH); null: look in the usual places. */
  readonly chromiumPath: string | null;
  /**
   * Problems the public channel accepts: per client address per hour (also the burst), and from
   * everyone per second (burst: ten seconds' worth). Benchmarks and large NATs raise them.
   */
  readonly publicSubmits: { readonly perAddressPerHour: number; readonly perSecond: number };
}

export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

export type ConfigResult =
  | { readonly ok: true; readonly config: Config }
  | { readonly ok: false; readonly problems: ConfigProblem[] };

/** The only reader of the environment. Returns every problem at once, never the first only. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): ConfigResult {
  const blankAsMissing = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = envSchema.safeParse(blankAsMissing);
  const problems: ConfigProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        variable: issue.path.join("."),
        message: issue.message,
      }));
  // On a server the key cannot live beside the data: it must come from the operator.
  if (blankAsMissing.DATABASE_URL && !blankAsMissing.TANDEM_SECRET_KEY) {
    problems.push({
      variable: "TANDEM_SECRET_KEY",
      message: "is required with DATABASE_URL (32 random bytes: openssl rand -base64 32)",
    });
  }
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const e = parsed.data;
  const database = e.DATABASE_URL
    ? ({ kind: "postgres", url: e.DATABASE_URL } as const)
    : ({ kind: "pglite", dataDir: path.resolve(cwd, e.TANDEM_DATA_DIR) } as const);
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    database,
    adminPassword: e.TANDEM_ADMIN_PASSWORD,
    demo: {
      enabled: e.TANDEM_DEMO ?? database.kind === "pglite",
      scale: e.TANDEM_DEMO_SCALE,
      seed: e.TANDEM_DEMO_SEED,
    },
    trustProxy: e.TANDEM_TRUST_PROXY,
    secretKey: e.TANDEM_SECRET_KEY === undefined ? null : parseSecretKey(e.TANDEM_SECRET_KEY),
    webDir: e.TANDEM_WEB_DIR
      ? path.resolve(cwd, e.TANDEM_WEB_DIR)
      : path.join(packageRoot, "dist/web"),
    shutdownTimeoutMs: e.TANDEM_SHUTDOWN_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    chromiumPath: e.CHROMIUM_PATH ?? null,
    publicSubmits: {
      perAddressPerHour: e.TANDEM_PUBLIC_SUBMITS_PER_ADDRESS_HOUR,
      perSecond: e.TANDEM_PUBLIC_SUBMITS_PER_SECOND,
    },
  };
  return { ok: true, config: Object.freeze(config) };
}

export function formatConfigProblems(problems: readonly ConfigProblem[]): string {
  return [
    "Tandem cannot start: the configuration is invalid.",
    ...problems.map((p) => `  ${p.variable}: ${p.message}`),
    "See README.md, section Configuration.",
  ].join("\n");
}

const supportedLocales = ["en", "km", "vi", "th", "ru", "kk"] as const;
export type CliLocale = (typeof supportedLocales)[number];

/** The language of command-line output: TANDEM_LANG, else the POSIX locale (LC_ALL, LANG), else English. */
export function readCliLocale(env: NodeJS.ProcessEnv): CliLocale {
  for (const value of [env.TANDEM_LANG, env.LC_ALL, env.LANG]) {
    const code = value?.slice(0, 2).toLowerCase();
    const match = supportedLocales.find((l) => l === code);
    if (match) return match;
  }
  return "en";
}
