import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse } from "../../../core/schemas/common";
import { idParams } from "../../../core/schemas/community-common";
import {
  createStakeholderBody,
  stakeholder,
  stakeholderList,
  stakeholderListQuery,
  updateStakeholderBody,
} from "../../../core/schemas/stakeholders";
import { requireAuth } from "../../http/access";
import { auditActorOf } from "../../http/audit-actor";
import { scopeFor } from "../../http/scope";
import type { StakeholdersService } from "./stakeholders.service";

const tags = ["stakeholders"];
const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

/** The stakeholder directory: organisations problems are referred to, with the areas they serve. */
export function registerStakeholderRoutes(app: FastifyInstance, service: StakeholdersService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const reader = (request: FastifyRequest) => scopeFor(requireAuth(request), "community.read");
  const writer = (request: FastifyRequest) => {
    const auth = requireAuth(request);
    return [scopeFor(auth, "community.write"), reader(request), auditActorOf(request)] as const;
  };

  r.get(
    "/api/stakeholders",
    {
      config: { access: "community.read" },
      schema: {
        tags,
        summary:
          "Stakeholders serving the caller's area (covering a unit in or above their subtree)",
        querystring: stakeholderListQuery,
        response: { 200: stakeholderList, 404: errorResponse },
      },
    },
    async (request) => ({ stakeholders: await service.list(reader(request), request.query) }),
  );

  r.get(
    "/api/stakeholders/:id",
    {
      config: { access: "community.read" },
      schema: {
        tags,
        summary: "A stakeholder serving the caller's area; 404 otherwise",
        params: idParams,
        response: { 200: stakeholder, 404: errorResponse },
      },
    },
    (request) => service.read(reader(request), request.params.id),
  );

  r.post(
    "/api/stakeholders",
    {
      config: { access: "community.write" },
      schema: {
        tags,
        summary: "Add a stakeholder covering units of the caller's subtree",
        body: createStakeholderBody,
        response: { 201: stakeholder, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(...writer(request), request.body)),
  );

  r.patch(
    "/api/stakeholders/:id",
    {
      config: { access: "community.write" },
      schema: {
        tags,
        summary: "Change a stakeholder whose every covered unit lies in the caller's subtree",
        description: "Mark it inactive instead of deleting it: referrals name it.",
        params: idParams,
        body: updateStakeholderBody,
        response: { 200: stakeholder, ...errors },
      },
    },
    (request) => service.update(...writer(request), request.params.id, request.body),
  );
}
