import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  apiTokenCreateBody,
  apiTokenCreated,
  apiTokenIdParams,
  apiTokenList,
} from "../../../core/schemas/api-tokens";
import { errorResponse } from "../../../core/schemas/common";
import { requireAuth } from "../../http/access";
import { auditActorOf } from "../../http/audit-actor";
import type { ApiTokensService } from "./api-tokens.service";

export function registerApiTokenRoutes(app: FastifyInstance, service: ApiTokensService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/tokens",
    {
      config: { access: "api_tokens.manage" },
      schema: {
        tags: ["api-tokens"],
        summary: "Create an API token (role at an org unit, with expiry); the token is shown once",
        body: apiTokenCreateBody,
        response: { 201: apiTokenCreated, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request, reply) => {
      const created = await service.create(
        requireAuth(request),
        request.body,
        auditActorOf(request),
      );
      return reply.status(201).send(created);
    },
  );

  r.get(
    "/api/tokens",
    {
      config: { access: "api_tokens.manage" },
      schema: {
        tags: ["api-tokens"],
        summary: "API tokens of units in your scope (never the tokens themselves)",
        response: { 200: apiTokenList },
      },
    },
    async (request) => ({ tokens: await service.list(requireAuth(request)) }),
  );

  r.delete(
    "/api/tokens/:id",
    {
      config: { access: "api_tokens.manage" },
      schema: {
        tags: ["api-tokens"],
        summary: "Revoke an API token",
        params: apiTokenIdParams,
        response: { 204: z.null(), 404: errorResponse },
      },
    },
    async (request, reply) => {
      await service.revoke(requireAuth(request), request.params.id, auditActorOf(request));
      return reply.status(204).send(null);
    },
  );
}
