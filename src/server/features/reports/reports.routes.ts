import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse } from "../../../core/schemas/common";
import { annualReportQuery } from "../../../core/schemas/reports";
import { requireAuth } from "../../http/access";
import { auditActorOf } from "../../http/audit-actor";
import { scopeFor } from "../../http/scope";
import type { ReportsService } from "./reports.service";

/**
 * `GET /api/reports/annual`: the annual gender report as PDF, XLSX, tidy CSV or SDMX-CSV, a
 * download. Readable by whoever reads the headline, scoped to their subtree; a partner-viewer
 * always gets the external (disclosure-controlled) report; every download is audited.
 */
export function registerReportRoutes(app: FastifyInstance, service: ReportsService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/reports/annual",
    {
      config: { access: "workforce.headline.read" },
      schema: {
        tags: ["reports"],
        summary:
          "The annual gender report of a unit's subtree (PDF, XLSX, CSV or SDMX-CSV); audited",
        querystring: annualReportQuery,
        response: {
          200: z.any().describe("application/pdf, an XLSX workbook, text/csv or SDMX-CSV"),
          400: errorResponse,
          404: errorResponse,
          503: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const isPartner = auth.assignments.some((a) => a.role === "partner-viewer");
      const { unit, year, lang, format, audience } = request.query;
      const report = await service.renderAnnual(
        scopeFor(auth, "workforce.headline.read"),
        {
          ...(unit === undefined ? {} : { unit: { id: unit } }),
          ...(year === undefined ? {} : { year }),
          lang,
          format,
          audience: isPartner ? "external" : audience,
        },
        auditActorOf(request),
      );
      return reply
        .header("Content-Type", report.contentType)
        .header("Content-Disposition", `attachment; filename="${report.fileName}"`)
        .header("Cache-Control", "no-store")
        .send(report.body);
    },
  );
}
