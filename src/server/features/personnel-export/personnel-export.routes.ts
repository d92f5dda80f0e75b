import { PassThrough, Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse } from "../../../core/schemas/common";
import { personnelExportQuery, type ExportKind } from "../../../core/schemas/personnel-export";
import { requireAuth } from "../../http/access";
import { auditActorOf } from "../../http/audit-actor";
import { scopeFor } from "../../http/scope";
import type { PersonnelExportService } from "./personnel-export.service";

const summaries: Readonly<Record<ExportKind, string>> = {
  personnel:
    "The register as of a date (one row per person in post) as CSV or XLSX, streamed; audited",
  events: "The career events up to a date of the people in scope as CSV or XLSX, streamed; audited",
};

/** `GET /api/exports/personnel` and `GET /api/exports/events`. */
export function registerPersonnelExportRoutes(
  app: FastifyInstance,
  service: PersonnelExportService,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const kind of ["personnel", "events"] as const) {
    r.get(
      `/api/exports/${kind}`,
      {
        config: { access: "personnel.export", personLevel: true },
        schema: {
          tags: ["exports"],
          summary: summaries[kind],
          querystring: personnelExportQuery,
          response: {
            200: z.any().describe("text/csv (UTF-8 with BOM) or an XLSX workbook"),
            403: errorResponse,
            404: errorResponse,
          },
        },
      },
      async (request, reply) => {
        const { at, unit, format } = request.query;
        const opened = await service.open(
          scopeFor(requireAuth(request), "personnel.export"),
          {
            kind,
            format,
            ...(at === undefined ? {} : { at }),
            ...(unit === undefined ? {} : { unit: { id: unit } }),
          },
          auditActorOf(request),
        );
        reply
          .header("Content-Type", opened.contentType)
          .header("Content-Disposition", `attachment; filename="${opened.fileName}"`)
          .header("Cache-Control", "no-store");
        if (format === "csv") return reply.send(Readable.from(opened.csv()));
        const body = new PassThrough();
        opened.writeXlsx(body).catch((error: unknown) => {
          request.log.error({ err: error }, "XLSX export failed while streaming");
          body.destroy(error instanceof Error ? error : new Error(String(error)));
        });
        return reply.send(body);
      },
    );
  }
}
