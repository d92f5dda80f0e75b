import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { createAuditRecorder } from "./audit/audit-recorder";
import type { AuditRecorder } from "./audit/recorder";
import type { Database } from "./db/client";
import { createAuditRepository } from "./features/audit/audit.repository";
import { createCommunityConfigRepository } from "./features/community-config/community-config.repository";
import { registerCommunityConfigRoutes } from "./features/community-config/community-config.routes";
import { createCommunityConfigService } from "./features/community-config/community-config.service";
import { createCommunityIssuesRepository } from "./features/community-issues/community-issues.repository";
import { registerCommunityIssueRoutes } from "./features/community-issues/community-issues.routes";
import { createCommunityIssuesService } from "./features/community-issues/community-issues.service";
import { createIssueIntake } from "./features/community-issues/issue-intake";
import { createIssueStore } from "./features/community-issues/issue-store";
import { createResidentDesk } from "./features/community-issues/resident-desk";
import { createFeedbackRepository } from "./features/feedback/feedback.repository";
import { registerFeedbackRoutes } from "./features/feedback/feedback.routes";
import { createFeedbackService } from "./features/feedback/feedback.service";
import { createPublicChannelRepository } from "./features/public-channel/public-channel.repository";
import {
  limit as publicRateLimit,
  registerPublicChannelRoutes,
} from "./features/public-channel/public-channel.routes";
import { createPublicChannelService } from "./features/public-channel/public-channel.service";
import {
  createRateLimiter,
  DEFAULT_PUBLIC_RATE_LIMITS,
  type PublicRateLimits,
} from "./features/public-channel/rate-limit";
import { createOutreachRepository } from "./features/outreach/outreach.repository";
import { registerOutreachRoutes } from "./features/outreach/outreach.routes";
import { createOutreachService } from "./features/outreach/outreach.service";
import { createStakeholdersRepository } from "./features/stakeholders/stakeholders.repository";
import { registerStakeholderRoutes } from "./features/stakeholders/stakeholders.routes";
import { createStakeholdersService } from "./features/stakeholders/stakeholders.service";
import { registerAuditRoutes } from "./features/audit/audit.routes";
import { createAuditService } from "./features/audit/audit.service";
import { createApiTokensRepository } from "./features/api-tokens/api-tokens.repository";
import { registerApiTokenRoutes } from "./features/api-tokens/api-tokens.routes";
import { createApiTokensService } from "./features/api-tokens/api-tokens.service";
import { createSignIn } from "./features/auth/sign-in";
import { registerHealthRoutes } from "./features/health/health.routes";
import { registerImportRoute } from "./features/import/import.routes";
import { createOrgUnitImporter } from "./features/org-units/org-units.import";
import { createOrgUnitsRepository } from "./features/org-units/org-units.repository";
import { registerOrgUnitRoutes } from "./features/org-units/org-units.routes";
import { createOrgUnitsService } from "./features/org-units/org-units.service";
import { createMappingsRepository } from "./features/personnel-import/mappings.repository";
import { registerPersonnelImportRoutes } from "./features/personnel-import/personnel-import.routes";
import { createPersonnelImportService } from "./features/personnel-import/personnel-import.service";
import { createPersonnelExportRepository } from "./features/personnel-export/personnel-export.repository";
import { registerPersonnelExportRoutes } from "./features/personnel-export/personnel-export.routes";
import { createPersonnelExportService } from "./features/personnel-export/personnel-export.service";
import { createPersonsRepository } from "./features/persons/persons.repository";
import { registerPersonRoutes } from "./features/persons/persons.routes";
import { createPersonsService } from "./features/persons/persons.service";
import { createProjectionsRepository } from "./features/projections/projections.repository";
import { registerProjectionRoutes } from "./features/projections/projections.routes";
import { createProjectionsService } from "./features/projections/projections.service";
import { createRegisterConfigRepository } from "./features/register-config/register-config.repository";
import { createReportsRepository } from "./features/reports/reports.repository";
import { registerReportRoutes } from "./features/reports/reports.routes";
import { createReportsService } from "./features/reports/reports.service";
import { registerRegisterConfigRoutes } from "./features/register-config/register-config.routes";
import { createRegisterConfigService } from "./features/register-config/register-config.service";
import { createTargetsRepository } from "./features/targets/targets.repository";
import { registerTargetRoutes } from "./features/targets/targets.routes";
import { createTargetsService } from "./features/targets/targets.service";
import { createUsersAdminRepository } from "./features/users/users-admin.repository";
import { createUsersAdminService } from "./features/users/users-admin.service";
import { createUsersRepository } from "./features/users/users.repository";
import { registerUserRoutes } from "./features/users/users.routes";
import { createUsersService } from "./features/users/users.service";
import { createIndicatorsRepository } from "./features/indicators/indicators.repository";
import { registerIndicatorRoutes } from "./features/indicators/indicators.routes";
import { createIndicatorService } from "./features/indicators/indicators.service";
import { registerTransparencyRoutes } from "./features/indicators/transparency.routes";
import { createTransparencyService } from "./features/indicators/transparency.service";
import { DEFAULT_SDC_THRESHOLD } from "../core/sdc/suppress";
import { createWorkforceRepository } from "./features/workforce/workforce.repository";
import { registerWorkforceRoutes } from "./features/workforce/workforce.routes";
import { createWorkforceService } from "./features/workforce/workforce.service";
import { registerAccessControl } from "./http/access";
import { registerErrorHandler } from "./http/error-handler";
import { openapiSecuritySchemes, withRouteSecurity } from "./http/openapi-security";
import { registerRouteRegistry } from "./http/route-registry";
import { registerSecurityHeaders } from "./http/security-headers";
import { createContactSealer } from "./security/contact-sealer";
import { createSecretBox, SECRET_KEY_BYTES } from "./security/secret-box";

export interface AppDeps {
  readonly database: Database;
  readonly logger?: FastifyBaseLogger;
  /** Directory of the built web app; served with an SPA fallback when it exists. */
  readonly webDir?: string;
  readonly trustProxy?: boolean;
  readonly secureCookies?: boolean;
  readonly now?: () => Date;
  /** The audit trail; by default the hash chain in the database, timed by `now`. */
  readonly audit?: AuditRecorder;
  readonly version?: string;
  /** 32 bytes that encrypt TOTP secrets at rest (server/main.ts resolves it from the configuration). */
  readonly secretKey?: Buffer;
  /** Disclosure-control threshold k for external results (INDICATORS.md §8); default 5. */
  readonly sdcThreshold?: number;
  /** Chromium that prints PDF reports; null or absent: look in the usual places. */
  readonly chromiumPath?: string | null;
  /** Rate limits of the public channel (per address and overall); default: the built-in ones. */
  readonly publicRateLimits?: PublicRateLimits;
}

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The residents' page in the built web app (src/web/resident.html), served at /report and /follow-up/…. */
const RESIDENT_PAGE = "resident.html";

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
  await app.register(fastifyMultipart);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Tandem API",
        version: deps.version ?? "0.0.0",
        description: "Gender-responsive policing platform",
      },
      components: { securitySchemes: openapiSecuritySchemes },
    },
    transform: withRouteSecurity(jsonSchemaTransform),
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  registerErrorHandler(app);
  registerSecurityHeaders(app);

  const db = deps.database.db;
  const audit =
    deps.audit ??
    createAuditRecorder(db, {
      now,
      onLinkError: (error) => app.log.error({ err: error }, "audit entries wait to be linked"),
    });
  // Entries a stopped process left in the inbox are linked now; the last ones before stopping.
  await audit.linkPending();
  app.addHook("onClose", () => audit.linkPending());
  const users = createUsersRepository(db);
  const orgUnits = createOrgUnitsRepository(db);
  const signIn = createSignIn({ db, users, audit, now, secretKey: deps.secretKey });
  const apiTokens = createApiTokensService({ repo: createApiTokensRepository(db), audit, now });
  registerAccessControl(app, {
    resolveSession: (token) => signIn.authService.resolve(token),
    resolveApiToken: (token) => apiTokens.resolve(token),
  });
  registerRouteRegistry(app);
  const today = () => now().toISOString().slice(0, 10);

  registerHealthRoutes(app, deps.database);
  signIn.registerRoutes(app, { secureCookies: deps.secureCookies ?? false });
  registerApiTokenRoutes(app, apiTokens);
  registerOrgUnitRoutes(app, createOrgUnitsService({ repo: orgUnits, audit, today }));
  registerImportRoute(app, {
    url: "/api/org-units/import",
    action: "org_units.write",
    summary:
      "Import the org-unit tree from CSV (code, name, kind, parent_code, specialisation, opened_on)",
    importer: createOrgUnitImporter({ repo: orgUnits, audit, today }),
  });
  registerUserRoutes(
    app,
    createUsersAdminService({
      repo: createUsersAdminRepository(db),
      users: createUsersService(users, audit),
      audit,
    }),
  );
  const sdcThreshold = deps.sdcThreshold ?? DEFAULT_SDC_THRESHOLD;
  const indicatorsRepo = createIndicatorsRepository(db);
  const indicators = createIndicatorService({ repo: indicatorsRepo, today, sdcThreshold });
  registerIndicatorRoutes(app, indicators);
  // The public transparency page: the indicator service with disclosure control, rate-limited
  // like the public channel's follow-up page.
  registerTransparencyRoutes(
    app,
    createTransparencyService({ indicators, repo: indicatorsRepo, today }),
    {
      rateLimit: publicRateLimit(
        createRateLimiter((deps.publicRateLimits ?? DEFAULT_PUBLIC_RATE_LIMITS).follow, {
          now: () => now().getTime(),
        }),
      ),
    },
  );
  const workforce = createWorkforceService({
    workforce: createWorkforceRepository(db),
    orgUnits,
    today,
    sdcThreshold,
  });
  registerWorkforceRoutes(app, workforce);

  registerProjectionRoutes(
    app,
    createProjectionsService({ repo: createProjectionsRepository(db), orgUnits, today }),
  );
  registerAuditRoutes(app, createAuditService({ repo: createAuditRepository(db), audit }));
  registerPersonRoutes(
    app,
    createPersonsService({
      repo: createPersonsRepository(deps.database),
      orgUnits,
      audit,
      today,
      now,
    }),
  );
  registerPersonnelExportRoutes(
    app,
    createPersonnelExportService({
      repo: createPersonnelExportRepository(db),
      orgUnits,
      audit,
      today,
    }),
  );
  registerRegisterConfigRoutes(
    app,
    createRegisterConfigService({ repo: createRegisterConfigRepository(db), audit }),
  );
  const targets = createTargetsService({
    repo: createTargetsRepository(db),
    audit,
    headcount: (scope, request) => indicators.compute(scope, request),
    today,
    now,
    sdcThreshold,
  });
  registerTargetRoutes(app, targets);
  registerReportRoutes(
    app,
    createReportsService({
      indicators,
      repo: createReportsRepository(db),
      orgUnits,
      audit,
      today,
      chromiumPath: deps.chromiumPath ?? null,
      targets: (scope, query) => targets.progressInScope(scope, query),
    }),
  );
  registerCommunityPolicing(app, {
    db,
    audit,
    now,
    today,
    secretKey: deps.secretKey,
    publicRateLimits: deps.publicRateLimits ?? DEFAULT_PUBLIC_RATE_LIMITS,
  });
  const mappings = createMappingsRepository(db);
  registerPersonnelImportRoutes(app, {
    service: createPersonnelImportService({ database: deps.database, mappings, audit, today }),
    mappings,
    audit,
  });

  app.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, () =>
    app.swagger(),
  );

  if (deps.webDir && fs.existsSync(deps.webDir)) {
    await app.register(fastifyStatic, {
      root: deps.webDir,
      wildcard: false,
      index: ["index.html"],
    });
    // The residents' page (public channel, no sign-in): its own small entry, not the staff app.
    for (const url of ["/report", "/follow-up/:reference"]) {
      app.get(url, { config: { access: "public" }, schema: { hide: true } }, (_request, reply) =>
        reply.sendFile(RESIDENT_PAGE),
      );
    }
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

/**
 * Community policing (issue 7): stakeholders, taxonomies, outreach and community issues. Problems
 * raised in an outreach session are recorded by the issues feature's intake, in the session's
 * transaction. Contact details are sealed with the app's secret key (decision 0012). The public
 * channel (no sign-in) records residents' own problems through the issues feature's resident desk,
 * and their survey answers through the feedback feature.
 */
function registerCommunityPolicing(
  app: FastifyInstance,
  deps: {
    db: Database["db"];
    audit: AuditRecorder;
    now: () => Date;
    today: () => string;
    secretKey: Buffer | undefined;
    publicRateLimits: PublicRateLimits;
  },
): void {
  const { db, audit, now, today } = deps;
  const sealer = createContactSealer(
    createSecretBox(deps.secretKey ?? randomBytes(SECRET_KEY_BYTES)),
  );
  const intake = createIssueIntake({ sealer, now, today });
  registerStakeholderRoutes(
    app,
    createStakeholdersService({ repo: createStakeholdersRepository(db), audit, now }),
  );
  registerCommunityConfigRoutes(
    app,
    createCommunityConfigService({ repo: createCommunityConfigRepository(db), audit }),
  );
  registerOutreachRoutes(
    app,
    createOutreachService({
      repo: createOutreachRepository(db),
      problems: {
        record: (trx, context, problem) =>
          intake.record(
            createIssueStore(trx),
            { ...context, source: "outreach", assigneeId: null },
            problem,
          ),
      },
      audit,
      now,
      today,
    }),
  );
  registerCommunityIssueRoutes(
    app,
    createCommunityIssuesService({
      repo: createCommunityIssuesRepository(db),
      intake,
      sealer,
      audit,
      now,
      today,
    }),
  );
  const feedback = createFeedbackService({ repo: createFeedbackRepository(db), audit, now });
  registerFeedbackRoutes(app, feedback);
  registerPublicChannelRoutes(
    app,
    createPublicChannelService({
      repo: createPublicChannelRepository(db),
      issues: createResidentDesk({
        repo: createCommunityIssuesRepository(db),
        intake,
        audit,
        now,
      }),
      feedback: {
        view: (issueId) => feedback.residentView(issueId),
        answer: (issueId, input) => feedback.answerAsResident(issueId, input),
      },
    }),
    { limits: deps.publicRateLimits, now: () => now().getTime() },
  );
}
