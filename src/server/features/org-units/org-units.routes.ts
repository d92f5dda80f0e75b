import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse } from "../../../core/schemas/common";
import {
  closeOrgUnitBody,
  createOrgUnitBody,
  moveOrgUnitBody,
  orgUnit,
  orgUnitHistory,
  orgUnitIdParams,
  orgUnitList,
  orgUnitListQuery,
  updateOrgUnitBody,
} from "../../../core/schemas/org-units";
import { requireAuth } from "../../http/access";
import { auditActorOf } from "../../http/audit-actor";
import { scopeFor } from "../../http/scope";
import type { OrgUnitsService } from "./org-units.service";

const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };

export function registerOrgUnitRoutes(app: FastifyInstance, service: OrgUnitsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/org-units",
    {
      config: { access: "org_units.read" },
      schema: {
        tags: ["org-units"],
        summary:
          "The org-unit tree within the caller's scope (flat list, parents first), today or as of `at`",
        querystring: orgUnitListQuery,
        response: { 200: orgUnitList },
      },
    },
    async (request) => ({
      units: await service.list(scopeFor(requireAuth(request), "org_units.read"), {
        ...(request.query.at === undefined ? {} : { at: request.query.at }),
        includeClosed: request.query.includeClosed === "true",
      }),
    }),
  );

  r.get(
    "/api/org-units/:id/history",
    {
      config: { access: "org_units.read" },
      schema: {
        tags: ["org-units"],
        summary: "Every version of a unit: name, code, kind, parent and state over time",
        params: orgUnitIdParams,
        response: { 200: orgUnitHistory, 404: errorResponse },
      },
    },
    (request) =>
      service.history(scopeFor(requireAuth(request), "org_units.read"), request.params.id),
  );

  r.post(
    "/api/org-units",
    {
      config: { access: "org_units.write" },
      schema: {
        tags: ["org-units"],
        summary: "Open a unit under a parent in the caller's scope",
        body: createOrgUnitBody,
        response: { 201: orgUnit, ...errors },
      },
    },
    async (request, reply) => {
      const scope = scopeFor(requireAuth(request), "org_units.write");
      const unit = await service.create(scope, auditActorOf(request), request.body);
      return reply.status(201).send(unit);
    },
  );

  r.patch(
    "/api/org-units/:id",
    {
      config: { access: "org_units.write" },
      schema: {
        tags: ["org-units"],
        summary: "Rename a unit or change its code, kind or specialisation from a date",
        params: orgUnitIdParams,
        body: updateOrgUnitBody,
        response: { 200: orgUnit, ...errors },
      },
    },
    (request) =>
      service.update(
        scopeFor(requireAuth(request), "org_units.write"),
        auditActorOf(request),
        request.params.id,
        request.body,
      ),
  );

  r.post(
    "/api/org-units/:id/move",
    {
      config: { access: "org_units.write" },
      schema: {
        tags: ["org-units"],
        summary: "Move a unit and its subtree under another parent from a date",
        params: orgUnitIdParams,
        body: moveOrgUnitBody,
        response: { 200: orgUnit, ...errors },
      },
    },
    (request) =>
      service.move(
        scopeFor(requireAuth(request), "org_units.write"),
        auditActorOf(request),
        request.params.id,
        request.body,
      ),
  );

  r.post(
    "/api/org-units/:id/close",
    {
      config: { access: "org_units.write" },
      schema: {
        tags: ["org-units"],
        summary: "Close a unit without open child units or staff in post",
        params: orgUnitIdParams,
        body: closeOrgUnitBody,
        response: { 200: orgUnit, ...errors },
      },
    },
    (request) =>
      service.close(
        scopeFor(requireAuth(request), "org_units.write"),
        auditActorOf(request),
        request.params.id,
        request.body,
      ),
  );
}
