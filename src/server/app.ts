import fs from "node:fs";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import type { Database } from "./db/client";
import { createAuthRepository } from "./features/auth/auth.repository";
import { registerAuthRoutes } from "./features/auth/auth.routes";
import { createAuthService } from "./features/auth/auth.service";
import { registerHealthRoutes } from "./features/health/health.routes";
import { createOrgUnitsRepository } from "./features/org-units/org-units.repository";
import { registerOrgUnitRoutes } from "./features/org-units/org-units.routes";
import { createUsersRepository } from "./features/users/users.repository";
import { createWorkforceRepository } from "./features/workforce/workforce.repository";
import { registerWorkforceRoutes } from "./features/workforce/workforce.routes";
import { createWorkforceService } from "./features/workforce/workforce.service";
import { registerAccessControl } from "./http/access";
import { registerErrorHandler } from "./http/error-handler";
import { registerSecurityHeaders } from "./http/security-headers";

export interface AppDeps {
  readonly database: Database;
  readonly logger?: FastifyBaseLogger;
  /** Directory of the built web app; served with an SPA fallback when it exists. */
  readonly webDir?: string;
  readonly trustProxy?: boolean;
  readonly secureCookies?: boolean;
  readonly now?: () => Date;
  readonly version?: string;
}

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the HTTP application. Every feature is registered here, explicitly. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const now = deps.now ?? (() => new Date());
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    trustProxy: deps.trustProxy ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Tandem API",
        version: deps.version ?? "0.0.0",
        description: "Gender-responsive policing platform",
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  registerErrorHandler(app);
  registerSecurityHeaders(app);

  const db = deps.database.db;
  const users = createUsersRepository(db);
  const orgUnits = createOrgUnitsRepository(db);
  const authService = createAuthService({ auth: createAuthRepository(db), users, now });
  registerAccessControl(app, authService);

  registerHealthRoutes(app, deps.database);
  registerAuthRoutes(app, authService, { secureCookies: deps.secureCookies ?? false });
  registerOrgUnitRoutes(app, orgUnits);
  registerWorkforceRoutes(
    app,
    createWorkforceService({
      workforce: createWorkforceRepository(db),
      orgUnits,
      today: () => now().toISOString().slice(0, 10),
    }),
  );

  app.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, () =>
    app.swagger(),
  );

  if (deps.webDir && fs.existsSync(deps.webDir)) {
    await app.register(fastifyStatic, {
      root: deps.webDir,
      wildcard: false,
      index: ["index.html"],
    });
    app.get("/*", { config: { access: "public" }, schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith("/api/")) {
        return reply.status(404).send({
          error: { code: "request.not_found", details: { path: request.url.split("?")[0] ?? "" } },
        });
      }
      return reply.sendFile("index.html");
    });
  }

  await app.ready();
  return app;
}
