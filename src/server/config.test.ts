import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  formatConfigProblems,
  loadConfig,
  packageRoot,
  readCliLocale,
  type Config,
} from "./config";

const KEY_HEX = "0123456789abcdef".repeat(4);

function configOf(env: NodeJS.ProcessEnv): Config {
  const result = loadConfig(env, "/srv/tandem");
  if (!result.ok) throw new Error(formatConfigProblems(result.problems));
  return result.config;
}

describe("loadConfig", () => {
  it("has defaults for an empty environment: embedded database in ./data, demo on", () => {
    expect(configOf({})).toEqual({
      port: 3000,
      host: "127.0.0.1",
      database: { kind: "pglite", dataDir: "/srv/tandem/data" },
      adminPassword: undefined,
      demo: { enabled: true, scale: "default", seed: 1 },
      trustProxy: false,
      webDir: path.join(packageRoot, "dist/web"),
      shutdownTimeoutMs: 10_000,
      logLevel: "info",
      secretKey: null,
      chromiumPath: null,
      publicSubmits: { perAddressPerHour: 10, perSecond: 20 },
    });
  });

  it("switches to PostgreSQL with DATABASE_URL, where the demo is off by default", () => {
    const config = configOf({
      DATABASE_URL: "postgresql://tandem:pw@db:5432/tandem",
      TANDEM_SECRET_KEY: KEY_HEX,
    });
    expect(config.database).toEqual({
      kind: "postgres",
      url: "postgresql://tandem:pw@db:5432/tandem",
    });
    expect(config.demo.enabled).toBe(false);
  });

  it.each([
    [{ TANDEM_DEMO: "false" }, false],
    [{ TANDEM_DEMO: "0" }, false],
    [{ TANDEM_DEMO: "yes", DATABASE_URL: "postgres://db/x", TANDEM_SECRET_KEY: KEY_HEX }, true],
    [{ TANDEM_DEMO: "1", DATABASE_URL: "postgres://db/x", TANDEM_SECRET_KEY: KEY_HEX }, true],
  ])("lets TANDEM_DEMO override the engine's default (%o)", (env, isEnabled) => {
    expect(configOf(env).demo.enabled).toBe(isEnabled);
  });

  it("reads every variable and resolves directories against the working directory", () => {
    const config = configOf({
      PORT: "8080",
      HOST: "0.0.0.0",
      TANDEM_DATA_DIR: "var/db",
      TANDEM_ADMIN_PASSWORD: "a-long-enough-password",
      TANDEM_DEMO_SCALE: "small",
      TANDEM_DEMO_SEED: "42",
      TANDEM_TRUST_PROXY: "true",
      TANDEM_WEB_DIR: "/opt/web",
      TANDEM_SHUTDOWN_TIMEOUT_MS: "2500",
      LOG_LEVEL: "warn",
      TANDEM_PUBLIC_SUBMITS_PER_ADDRESS_HOUR: "100000",
      TANDEM_PUBLIC_SUBMITS_PER_SECOND: "5000",
    });
    expect(config).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
      database: { kind: "pglite", dataDir: "/srv/tandem/var/db" },
      adminPassword: "a-long-enough-password",
      demo: { enabled: true, scale: "small", seed: 42 },
      trustProxy: true,
      webDir: "/opt/web",
      shutdownTimeoutMs: 2500,
      logLevel: "warn",
      publicSubmits: { perAddressPerHour: 100_000, perSecond: 5000 },
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("treats blank variables as unset", () => {
    expect(configOf({ PORT: "", DATABASE_URL: "", TANDEM_DEMO: "" })).toMatchObject({
      port: 3000,
      database: { kind: "pglite" },
      demo: { enabled: true },
    });
  });

  it("lists every bad variable at once", () => {
    const result = loadConfig({
      PORT: "eighty",
      DATABASE_URL: "mysql://db/x",
      TANDEM_ADMIN_PASSWORD: "short",
      TANDEM_DEMO: "maybe",
      TANDEM_DEMO_SCALE: "huge",
      TANDEM_DEMO_SEED: "-1",
      LOG_LEVEL: "loud",
      UNRELATED: "ignored",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.variable).sort()).toEqual([
      "DATABASE_URL",
      "LOG_LEVEL",
      "PORT",
      "TANDEM_ADMIN_PASSWORD",
      "TANDEM_DEMO",
      "TANDEM_DEMO_SCALE",
      "TANDEM_DEMO_SEED",
      "TANDEM_SECRET_KEY",
    ]);
    const text = formatConfigProblems(result.problems);
    expect(text.split("\n")[0]).toBe("Tandem cannot start: the configuration is invalid.");
    expect(text).toContain("  DATABASE_URL: must start with postgres:// or postgresql://");
    expect(text).toContain("  TANDEM_ADMIN_PASSWORD: must be at least 12 characters");
  });

  it("reads TANDEM_SECRET_KEY as hex or base64, and requires it with DATABASE_URL", () => {
    expect(configOf({ TANDEM_SECRET_KEY: KEY_HEX }).secretKey?.toString("hex")).toBe(KEY_HEX);
    const base64 = Buffer.alloc(32, 9).toString("base64");
    expect(configOf({ TANDEM_SECRET_KEY: base64 }).secretKey).toEqual(Buffer.alloc(32, 9));
    const bad = loadConfig({ TANDEM_SECRET_KEY: "not-a-key" });
    expect(bad.ok ? [] : bad.problems).toEqual([
      {
        variable: "TANDEM_SECRET_KEY",
        message: "must be 32 random bytes: 64 hex digits or base64 (openssl rand -base64 32)",
      },
    ]);
    const missing = loadConfig({ DATABASE_URL: "postgres://db/x" });
    expect(missing.ok ? [] : missing.problems.map((p) => p.variable)).toEqual([
      "TANDEM_SECRET_KEY",
    ]);
  });

  it.each(["65536", "-1", "3000.5"])("refuses PORT=%s", (port) => {
    const result = loadConfig({ PORT: port });
    expect(result.ok ? [] : result.problems.map((p) => p.variable)).toEqual(["PORT"]);
  });
});

describe("readCliLocale", () => {
  it.each([
    [{ TANDEM_LANG: "km" }, "km"],
    [{ TANDEM_LANG: "fr", LANG: "ru_RU.UTF-8" }, "ru"],
    [{ LC_ALL: "th_TH.UTF-8", LANG: "vi_VN" }, "th"],
    [{ LANG: "C.UTF-8" }, "en"],
    [{}, "en"],
  ])("picks the CLI language from %o", (env, locale) => {
    expect(readCliLocale(env)).toBe(locale);
  });
});
