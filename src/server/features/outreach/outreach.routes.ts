import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse } from "../../../core/schemas/common";
import { idParams } from "../../../core/schemas/community-common";
import {
  createOutreachSessionBody,
  outreachListQuery,
  outreachSession,
  outreachSessionPage,
  updateOutreachSessionBody,
} from "../../../core/schemas/outreach";
import { requireAuth } from "../../http/access";
import { communityCallerOf } from "../../http/community-caller";
import { scopeFor } from "../../http/scope";
import type { OutreachService } from "./outreach.service";

const tags = ["outreach"];
const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

/** Outreach sessions: attendance by sex and age group, topics, partners, and problems raised. */
export function registerOutreachRoutes(app: FastifyInstance, service: OutreachService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const readScope = (request: FastifyRequest) => scopeFor(requireAuth(request), "community.read");

  r.get(
    "/api/outreach/sessions",
    {
      config: { access: "community.read" },
      schema: {
        tags,
        summary: "Outreach sessions in the caller's subtree, most recent first",
        querystring: outreachListQuery,
        response: { 200: outreachSessionPage, 404: errorResponse },
      },
    },
    (request) => service.list(readScope(request), request.query),
  );

  r.get(
    "/api/outreach/sessions/:id",
    {
      config: { access: "community.read" },
      schema: {
        tags,
        summary: "A session with its attendance cells, partners and the issues raised in it",
        params: idParams,
        response: { 200: outreachSession, 404: errorResponse },
      },
    },
    (request) => service.read(readScope(request), request.params.id),
  );

  r.post(
    "/api/outreach/sessions",
    {
      config: { access: "community.write" },
      schema: {
        tags,
        summary: "Record a session and the problems raised in it (each becomes an issue)",
        description:
          "One transaction: an invalid problem (its field is named problems[i].…) writes nothing.",
        body: createOutreachSessionBody,
        response: { 201: outreachSession, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(communityCallerOf(request), request.body)),
  );

  r.patch(
    "/api/outreach/sessions/:id",
    {
      config: { access: "community.write" },
      schema: {
        tags,
        summary: "Change a session's date, place, notes, topics, partners, officers or attendance",
        params: idParams,
        body: updateOutreachSessionBody,
        response: { 200: outreachSession, ...errors },
      },
    },
    (request) => service.update(communityCallerOf(request), request.params.id, request.body),
  );
}
