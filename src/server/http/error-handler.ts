import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isAppError } from "../../core/errors";
import { errorStatus } from "./error-status";

/** Every error leaves as `{ error: { code, details } }`; no stack trace ever reaches a client. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) {
      // A lockout tells the client when to come back, in the body and in the standard header.
      const retryAfter = error.details.retryAfterSeconds;
      if (typeof retryAfter === "number") reply.header("Retry-After", String(retryAfter));
      return reply
        .status(errorStatus[error.code])
        .send({ error: { code: error.code, details: error.details } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: v.instancePath || "/",
        message: v.message ?? "invalid",
      }));
      return reply.status(400).send({ error: { code: "request.invalid", details: { issues } } });
    }
    if (typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({
        error: { code: "request.invalid", details: { reason: error.code ?? "bad_request" } },
      });
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.status(500).send({ error: { code: "internal", details: {} } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: { code: "request.not_found", details: { path: request.url.split("?")[0] ?? "" } },
    }),
  );
}
