import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, isAppError } from "../../../core/errors";
import { errorResponse } from "../../../core/schemas/common";
import {
  mappingTemplate,
  personnelImportOptions,
  personnelImportReport,
  personnelInspection,
  personnelMapping,
  personnelReferenceValues,
  type PersonnelImportReport,
} from "../../../core/schemas/personnel-import";
import { recordWrite } from "../../audit/record-write";
import type { AuditRecorder } from "../../audit/recorder";
import { requireAuth } from "../../http/access";
import { auditActorOf } from "../../http/audit-actor";
import { scopeFor } from "../../http/scope";
import { securityHeaders } from "../../http/security-headers";
import { createSpoolDir } from "../../import/spool";
import type { MappingsRepository } from "./mappings.repository";
import type { PersonnelImportService } from "./personnel-import.service";

/** Largest personnel file accepted over HTTP (a national snapshot of 1,000,000 rows is ~60 MB). */
export const PERSONNEL_FILE_LIMIT_BYTES = 512 * 1024 * 1024;

const HEARTBEAT_MS = 15_000;

const inspectOptions = z.object({
  mapping: personnelMapping.partial().optional(),
  template: z.string().max(80).optional(),
});

const runQuery = z.object({ dryRun: z.enum(["true", "false"]).optional() });
const nameParams = z.object({ name: z.string().min(1).max(80) });

/**
 * Reads a multipart upload: the `options` field (JSON, validated by `schema`), then the `file`,
 * spooled to a temporary file that `work` reads; the file is removed afterwards whatever happens.
 */
async function withUpload<O, T>(
  request: FastifyRequest,
  schema: z.ZodType<O>,
  work: (file: { path: string; fileName: string }, options: O) => Promise<T>,
): Promise<T> {
  const dir = await createSpoolDir();
  try {
    let options: unknown = {};
    let upload: { path: string; fileName: string } | null = null;
    for await (const part of request.parts({
      limits: { fileSize: PERSONNEL_FILE_LIMIT_BYTES, files: 1 },
    })) {
      if (part.type === "field") {
        if (part.fieldname === "options") {
          try {
            options = JSON.parse(String(part.value));
          } catch {
            throw new AppError("request.invalid", { reason: "options is not JSON" });
          }
        }
        continue;
      }
      const file = part;
      const target = path.join(dir, "upload");
      await pipeline(file.file, fs.createWriteStream(target));
      if (file.file.truncated) {
        throw new AppError("import.file_too_large", { limitBytes: PERSONNEL_FILE_LIMIT_BYTES });
      }
      upload = { path: target, fileName: file.filename || "upload" };
    }
    if (!upload)
      throw new AppError("request.invalid", { reason: "expected a file in the field “file”" });
    const parsed = schema.safeParse(options);
    if (!parsed.success) {
      throw new AppError("request.invalid", {
        reason: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
      });
    }
    return await work(upload, parsed.data);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

const wantsEvents = (request: FastifyRequest) =>
  (request.headers.accept ?? "").includes("text/event-stream");

/**
 * Answers as server-sent events: `progress` while the import runs, then one `report` or `error`.
 * The browser cancels by closing the connection, which aborts the import (nothing is written).
 */
async function streamEvents(
  reply: FastifyReply,
  run: (
    signal: AbortSignal,
    send: (event: string, data: unknown) => void,
  ) => Promise<PersonnelImportReport>,
): Promise<void> {
  const controller = new AbortController();
  reply.raw.on("close", () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  reply.hijack();
  reply.raw.writeHead(200, {
    ...securityHeaders(reply.request),
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    "x-accel-buffering": "no",
  });
  const send = (event: string, data: unknown) => {
    if (!reply.raw.destroyed) reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  // A comment line every 15 s keeps proxies from closing a quiet stream (index rebuilds are silent).
  const heartbeat = setInterval(() => {
    if (!reply.raw.destroyed) reply.raw.write(": keep-alive\n\n");
  }, HEARTBEAT_MS);
  try {
    send("report", await run(controller.signal, send));
  } catch (error) {
    send("error", {
      error: isAppError(error)
        ? { code: error.code, details: error.details }
        : { code: "internal", details: {} },
    });
    if (!isAppError(error)) reply.log.error({ err: error }, "personnel import failed");
  } finally {
    clearInterval(heartbeat);
    reply.raw.end();
  }
}

export function registerPersonnelImportRoutes(
  app: FastifyInstance,
  deps: { service: PersonnelImportService; mappings: MappingsRepository; audit: AuditRecorder },
) {
  const { service, mappings, audit } = deps;
  const mappingEntry = (request: FastifyRequest, action: string, name: string) => ({
    actor: auditActorOf(request),
    action,
    entityType: "import_mapping",
    entityId: name,
    orgUnitId: null,
    fields: ["mapping"],
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const route = { access: "personnel.write" as const, personLevel: true };

  r.post(
    "/api/imports/personnel/inspect",
    {
      config: route,
      bodyLimit: PERSONNEL_FILE_LIMIT_BYTES,
      schema: {
        tags: ["import"],
        summary:
          "Reads the start of a personnel file (CSV or XLSX, multipart fields `options` then `file`): format, encoding, sheets, header row, preview and a suggested mapping",
        consumes: ["multipart/form-data"],
        response: { 200: personnelInspection, 400: errorResponse, 422: errorResponse },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      return withUpload(request, inspectOptions, (file, options) =>
        service.inspect({
          path: file.path,
          fileName: file.fileName,
          ...(options.mapping ? { mapping: options.mapping } : {}),
          ...(options.template ? { template: options.template } : {}),
          scope: scopeFor(auth, "personnel.write"),
        }),
      );
    },
  );

  r.post(
    "/api/imports/personnel/run",
    {
      config: route,
      bodyLimit: PERSONNEL_FILE_LIMIT_BYTES,
      schema: {
        tags: ["import"],
        summary:
          "Imports a personnel file all or nothing (multipart fields `options` then `file`); `dryRun=true` validates and reviews without writing. With `Accept: text/event-stream`, progress arrives as server-sent events",
        consumes: ["multipart/form-data"],
        querystring: runQuery,
        response: {
          200: personnelImportReport,
          400: errorResponse,
          422: z.object({ error: errorResponse.shape.error, report: personnelImportReport }),
        },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const isDryRun = request.query.dryRun === "true";
      return withUpload(request, personnelImportOptions, async (file, options) => {
        const input = {
          path: file.path,
          options: {
            ...options,
            fileName: options.fileName === "upload" ? file.fileName : options.fileName,
          },
          isDryRun,
          scope: scopeFor(auth, "personnel.write"),
          actor: auditActorOf(request),
        };
        if (wantsEvents(request)) {
          await streamEvents(reply, (signal, send) =>
            service.run({ ...input, signal, onProgress: (progress) => send("progress", progress) }),
          );
          return reply;
        }
        const report = await service.run(input);
        if (report.outcome === "invalid") {
          return reply.status(422).send({
            error: { code: "import.rows_invalid", details: { errorCount: report.errorCount } },
            report,
          });
        }
        return reply.status(200).send(report);
      });
    },
  );

  r.get(
    "/api/imports/personnel/reference",
    {
      config: { access: "personnel.write" },
      schema: {
        tags: ["import"],
        summary:
          "What a personnel file's unrecognised values can be mapped to: ranks, roles and the open units in the caller's scope",
        response: { 200: personnelReferenceValues },
      },
    },
    (request) => service.referenceValues(scopeFor(requireAuth(request), "personnel.write")),
  );

  r.get(
    "/api/imports/personnel/mappings",
    {
      config: { access: "personnel.write" },
      schema: {
        tags: ["import"],
        summary: "Saved mapping templates of personnel files",
        response: { 200: z.array(mappingTemplate) },
      },
    },
    () => mappings.list(),
  );

  r.put(
    "/api/imports/personnel/mappings/:name",
    {
      config: { access: "personnel.write" },
      schema: {
        tags: ["import"],
        summary: "Saves a mapping template under a name (replacing one of the same name)",
        params: nameParams,
        body: z.object({ mapping: personnelMapping }),
        response: { 200: mappingTemplate, 400: errorResponse },
      },
    },
    (request) =>
      recordWrite(audit, mappingEntry(request, "import_mapping.save", request.params.name), () =>
        mappings.put(request.params.name, request.body.mapping, requireAuth(request).user.id),
      ),
  );

  r.delete(
    "/api/imports/personnel/mappings/:name",
    {
      config: { access: "personnel.write" },
      schema: {
        tags: ["import"],
        summary: "Deletes a mapping template",
        params: nameParams,
        response: { 204: z.null(), 404: errorResponse },
      },
    },
    async (request, reply) => {
      await recordWrite(
        audit,
        mappingEntry(request, "import_mapping.delete", request.params.name),
        async () => {
          if (!(await mappings.remove(request.params.name))) {
            throw new AppError("request.not_found", { template: request.params.name });
          }
        },
      );
      return reply.status(204).send(null);
    },
  );
}
