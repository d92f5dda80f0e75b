import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse } from "../../../core/schemas/common";
import {
  createTargetBody,
  representationTarget,
  targetIdParams,
  targetList,
  publishedTargetProgressList,
  targetQuery,
  updateTargetBody,
} from "../../../core/schemas/targets";
import { requireAuth } from "../../http/access";
import { auditActorOf } from "../../http/audit-actor";
import { scopeFor } from "../../http/scope";
import type { TargetsService } from "./targets.service";

const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ["targets"];

/** Representation targets: read in the caller's subtree, written on units of the writer's subtree. */
export function registerTargetRoutes(app: FastifyInstance, service: TargetsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const reader = (request: FastifyRequest) => scopeFor(requireAuth(request), "targets.read");
  const writer = (request: FastifyRequest) =>
    [scopeFor(requireAuth(request), "targets.write"), auditActorOf(request)] as const;

  r.get(
    "/api/targets",
    {
      config: { access: "targets.read" },
      schema: {
        tags,
        summary: "Representation targets of the units in your subtree",
        description:
          "`unit` limits the list to that unit's subtree; `at` to the targets already set by then " +
          "(set in the year of `at` or earlier).",
        querystring: targetQuery,
        response: { 200: targetList, 404: errorResponse },
      },
    },
    async (request) => ({
      targets: await service.listTargetsInScope(reader(request), {
        ...(request.query.unit === undefined ? {} : { unitId: request.query.unit }),
        ...(request.query.at === undefined ? {} : { at: request.query.at }),
      }),
    }),
  );

  r.get(
    "/api/targets/status",
    {
      config: { access: "targets.read" },
      schema: {
        tags,
        summary: "Each target with its unit's share of women, gap and status on a date",
        description:
          "Status (docs/indicators.md §1.6): `met`, `on_track` (at least the straight line from the " +
          "share on 1 January of the year the target was set to the target on 31 December of its " +
          "year), `off_track`, `overdue`; null with a `reason` when it cannot be decided. A " +
          "partner-viewer receives no figures for a target whose counts include one from 1 to " +
          "k − 1 (`suppressed`).",
        querystring: targetQuery,
        response: { 200: publishedTargetProgressList, 404: errorResponse },
      },
    },
    async (request) => {
      // A partner-viewer only ever receives disclosure-controlled figures (as from /api/indicators).
      const isPartnerOnly = requireAuth(request).assignments.every(
        (a) => a.role === "partner-viewer",
      );
      const list = await service.progressInScope(reader(request), request.query);
      return isPartnerOnly ? service.forPartners(list) : list;
    },
  );

  r.post(
    "/api/targets",
    {
      config: { access: "targets.write" },
      schema: {
        tags,
        summary: "Set a target: unit, rank group (null for all ranks), year and share in percent",
        body: createTargetBody,
        response: { 201: representationTarget, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(...writer(request), request.body)),
  );

  r.patch(
    "/api/targets/:id",
    {
      config: { access: "targets.write" },
      schema: {
        tags,
        summary: "Change a target",
        params: targetIdParams,
        body: updateTargetBody,
        response: { 200: representationTarget, ...errors },
      },
    },
    (request) => service.update(...writer(request), request.params.id, request.body),
  );

  r.delete(
    "/api/targets/:id",
    {
      config: { access: "targets.write" },
      schema: {
        tags,
        summary: "Delete a target",
        params: targetIdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.remove(...writer(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
