import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Action } from "../../../core/access/permissions";
import { AppError } from "../../../core/errors";
import { errorResponse } from "../../../core/schemas/common";
import {
  importFailure,
  importQuery,
  importReport,
  type ImportReport,
} from "../../../core/schemas/import";
import type { AuditActor } from "../../audit/recorder";
import { requireAuth } from "../../http/access";
import { auditActorOf } from "../../http/audit-actor";
import { scopeFor, type Scope } from "../../http/scope";

/** What an importer receives: the file's bytes and who imports within which scope. */
export interface ImportRequest {
  readonly bytes: Uint8Array;
  readonly scope: Scope;
  readonly actor: AuditActor;
  readonly isDryRun: boolean;
}

export type Importer = (request: ImportRequest) => Promise<ImportReport>;

/** Content types an import accepts as the raw file (browsers label CSV files inconsistently). */
export const CSV_CONTENT_TYPES = [
  "text/csv",
  "application/csv",
  "application/octet-stream",
  "application/vnd.ms-excel",
];

export const IMPORT_BODY_LIMIT_BYTES = 20 * 1024 * 1024;

/**
 * The HTTP side of every import: the CSV file is the request body (Content-Type `text/csv`),
 * `?dryRun=true` validates without writing. 200 with the report when the file was accepted
 * (`validated`, `imported` or `unchanged`); 422 `import.rows_invalid` with the same report
 * (row-level errors) when nothing was written.
 */
export function registerImportRoute(
  app: FastifyInstance,
  options: { url: string; action: Action; summary: string; importer: Importer },
): void {
  if (!app.hasContentTypeParser("text/csv")) {
    app.addContentTypeParser(CSV_CONTENT_TYPES, { parseAs: "buffer" }, (_request, body, done) =>
      done(null, body),
    );
  }
  app.withTypeProvider<ZodTypeProvider>().post(
    options.url,
    {
      config: { access: options.action },
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags: ["import"],
        summary: options.summary,
        querystring: importQuery,
        consumes: CSV_CONTENT_TYPES,
        response: { 200: importReport, 400: errorResponse, 422: importFailure },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError("request.invalid", {
          reason: "expected a CSV file as the request body",
        });
      }
      const report = await options.importer({
        bytes: request.body,
        scope: scopeFor(requireAuth(request), options.action),
        actor: auditActorOf(request),
        isDryRun: request.query.dryRun === "true",
      });
      if (report.outcome === "invalid") {
        return reply.status(422).send({
          error: { code: "import.rows_invalid", details: { errorCount: report.errors.length } },
          report,
        });
      }
      return reply.status(200).send(report);
    },
  );
}
