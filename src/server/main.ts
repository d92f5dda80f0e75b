import type { FastifyInstance } from "fastify";
import { AppError } from "../core/errors";
import { buildApp } from "./app";
import { createAuditRecorder, DEMO_LOAD_ENTRY } from "./audit/audit-recorder";
import { ensureFirstAdmin, type FirstAdmin } from "./bootstrap";
import { createDemoUsers, type DemoCredential } from "./demo-users";
import type { Config } from "./config";
import { openDatabase, type Database } from "./db/client";
import { migrate } from "./db/migrate";
import { extendHeadcountCube } from "./analytics/headcount-query";
import { sweepStaleSpoolDirs } from "./import/spool";
import { createLogger } from "./logger";
import { resolveSecretKey } from "./security/secret-key";
import { createDemoService, type DemoProgress } from "./features/demo/demo.service";
import { defaultDemoFilesDir, writeDemoFiles } from "./features/demo/demo-files";
import { createUsersRepository } from "./features/users/users.repository";
import { createUsersService } from "./features/users/users.service";
import { readPackageVersion } from "./version";
import {
  DEFAULT_PUBLIC_RATE_LIMITS,
  type PublicRateLimits,
} from "./features/public-channel/rate-limit";

export interface StartedServer {
  readonly app: FastifyInstance;
  readonly database: Database;
  readonly url: string;
  readonly admin: FirstAdmin;
  /** One account per role, created with the demo country; passwords shown once. */
  readonly demoUsers: readonly DemoCredential[];
  readonly demo: {
    readonly isLoaded: boolean;
    readonly units?: number;
    readonly persons?: number;
    readonly events?: number;
    /** Where the sample HR files to import were written (embedded engine only). */
    readonly filesDir?: string;
  };
  close(): Promise<void>;
}

export interface StartHooks {
  onDemoProgress?: (progress: DemoProgress) => void;
  onDemoStart?: () => void;
}

/** The public channel's limits: submissions as configured, follow-up reads as built in. */
function publicRateLimitsOf(config: Config): PublicRateLimits {
  const { perAddressPerHour, perSecond } = config.publicSubmits;
  return {
    ...DEFAULT_PUBLIC_RATE_LIMITS,
    submit: {
      perAddress: { capacity: perAddressPerHour, refillPerSecond: perAddressPerHour / 3600 },
      overall: { capacity: perSecond * 10, refillPerSecond: perSecond },
    },
  };
}

/** config → database → migrations → demo (first run) → first admin → HTTP listener. */
export async function startServer(config: Config, hooks: StartHooks = {}): Promise<StartedServer> {
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config.database);
  let app: FastifyInstance | undefined;
  try {
    const applied = await migrate(database);
    if (applied.length) logger.info({ applied }, "migrations applied");
    const swept = await sweepStaleSpoolDirs();
    if (swept.length) logger.info({ swept }, "removed import files left by an interrupted run");
    const monthEnds = await extendHeadcountCube(database.db);
    if (monthEnds > 0) logger.info({ monthEnds }, "headcount cube extended to the last month-end");

    let demo: StartedServer["demo"] = { isLoaded: false };
    const demoService = createDemoService(database);
    if (config.demo.enabled && (await demoService.isRegisterEmpty())) {
      hooks.onDemoStart?.();
      const summary = await demoService.load({
        seed: config.demo.seed,
        scale: config.demo.scale,
        onProgress: hooks.onDemoProgress,
        secretKey: resolveSecretKey(config),
      });
      demo = {
        isLoaded: true,
        units: summary.units,
        persons: summary.persons,
        events: summary.events,
      };
      logger.info(summary, "demo country loaded");
      await createAuditRecorder(database.db).record(DEMO_LOAD_ENTRY);
      const filesDir = defaultDemoFilesDir(config);
      if (filesDir) {
        // The files are a convenience: a start must not fail because they could not be written.
        try {
          await writeDemoFiles(filesDir, summary);
          demo = { ...demo, filesDir };
        } catch (error) {
          logger.warn({ err: error, dir: filesDir }, "could not write the sample HR files");
        }
      }
    }

    const admin = await ensureFirstAdmin(
      database.db,
      createUsersService(createUsersRepository(database.db), createAuditRecorder(database.db)),
      config.adminPassword,
    );
    const demoUsers = demo.isLoaded
      ? await createDemoUsers(
          database.db,
          createUsersService(createUsersRepository(database.db), createAuditRecorder(database.db)),
        )
      : [];

    app = await buildApp({
      database,
      logger,
      webDir: config.webDir,
      trustProxy: config.trustProxy,
      version: readPackageVersion(),
      secretKey: resolveSecretKey(config),
      chromiumPath: config.chromiumPath,
      publicRateLimits: publicRateLimitsOf(config),
    });
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE" || code === "EACCES") {
        throw new AppError("config.invalid", { variable: "PORT", value: config.port, cause: code });
      }
      throw error;
    }
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const shownHost =
      config.host === "0.0.0.0" || config.host === "127.0.0.1" || config.host === "::"
        ? "localhost"
        : config.host;
    const started = app;
    return {
      app: started,
      database,
      url: `http://${shownHost}:${port}`,
      admin,
      demoUsers,
      demo,
      async close() {
        await started.close();
        await database.close();
      },
    };
  } catch (error) {
    await app?.close();
    await database.close();
    throw error;
  }
}
