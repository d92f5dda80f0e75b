import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/client";
import { getMigrationStatus } from "../../db/migrate";

const readiness = z.object({
  status: z.enum(["ready", "not_ready"]),
  engine: z.enum(["pglite", "postgres"]),
  schemaVersion: z.number().int().nullable(),
  pendingMigrations: z.number().int().nullable(),
  reason: z.string().optional(),
});

export function registerHealthRoutes(app: FastifyInstance, database: Database) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/healthz",
    {
      config: { access: "public" },
      schema: {
        tags: ["operations"],
        summary: "The process is up",
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    () => ({ status: "ok" as const }),
  );

  r.get(
    "/readyz",
    {
      config: { access: "public" },
      schema: {
        tags: ["operations"],
        summary: "The database is reachable and its schema is current",
        response: { 200: readiness, 503: readiness },
      },
    },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(database.db);
        const status = await getMigrationStatus(database.db);
        const schemaVersion = status.applied.length ? Math.max(...status.applied) : null;
        const isReady = status.pending.length === 0;
        return reply.status(isReady ? 200 : 503).send({
          status: isReady ? "ready" : "not_ready",
          engine: database.engine,
          schemaVersion,
          pendingMigrations: status.pending.length,
          ...(isReady ? {} : { reason: "migrations_pending" }),
        });
      } catch (error) {
        request.log.warn({ err: error }, "readiness check failed");
        return reply.status(503).send({
          status: "not_ready",
          engine: database.engine,
          schemaVersion: null,
          pendingMigrations: null,
          reason:
            error instanceof Error && "code" in error ? String(error.code) : "database_unreachable",
        });
      }
    },
  );
}
