import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditFilters, auditListQuery, auditPage } from "../../../core/schemas/audit";
import { errorResponse } from "../../../core/schemas/common";
import { requireAuth } from "../../http/access";
import { auditActorOf } from "../../http/audit-actor";
import { scopeFor } from "../../http/scope";
import type { AuditService } from "./audit.service";

export function registerAuditRoutes(app: FastifyInstance, service: AuditService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/audit",
    {
      config: { access: "audit.read", personLevel: true },
      schema: {
        tags: ["audit"],
        summary: "Audit trail entries in the caller's scope, newest first (keyset paginated)",
        querystring: auditListQuery,
        response: { 200: auditPage, 403: errorResponse, 404: errorResponse },
      },
    },
    async (request) =>
      service.list(
        scopeFor(requireAuth(request), "audit.read"),
        request.query,
        auditActorOf(request),
      ),
  );

  r.get(
    "/api/audit/export.csv",
    {
      config: { access: "audit.export", personLevel: true },
      schema: {
        tags: ["audit"],
        summary: "The same entries as CSV (streamed; text cells are spreadsheet-formula-safe)",
        querystring: auditFilters,
        response: {
          200: z.any().describe("text/csv: a header line, then one line per entry"),
          403: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const lines = await service.exportCsv(
        scopeFor(requireAuth(request), "audit.export"),
        request.query,
        auditActorOf(request),
      );
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .header("Content-Type", "text/csv; charset=utf-8")
        .header("Content-Disposition", `attachment; filename="tandem-audit-${day}.csv"`)
        .header("Cache-Control", "no-store")
        .send(Readable.from(lines));
    },
  );
}
