import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse } from "../../../core/schemas/common";
import {
  createJobRoleBody,
  createRankBody,
  createRankGroupBody,
  jobRole,
  jobRoleList,
  rank,
  rankGroup,
  rankScheme,
  registerIdParams,
  reorderRanksBody,
  updateJobRoleBody,
  updateRankBody,
  updateRankGroupBody,
} from "../../../core/schemas/register-config";
import { requireAuth } from "../../http/access";
import { auditActorOf } from "../../http/audit-actor";
import { scopeFor } from "../../http/scope";
import type { RegisterConfigService } from "./register-config.service";

const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ["register-config"];

/** The rank scheme and the job roles: read by everyone, configured by administrators of the root. */
export function registerRegisterConfigRoutes(app: FastifyInstance, service: RegisterConfigService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const writer = (request: FastifyRequest) =>
    [scopeFor(requireAuth(request), "register.configure"), auditActorOf(request)] as const;

  r.get(
    "/api/register/ranks",
    {
      config: { access: "org_units.read" },
      schema: {
        tags,
        summary: "Rank groups with their ranks, most junior first",
        response: { 200: rankScheme },
      },
    },
    () => service.scheme(),
  );

  r.post(
    "/api/register/rank-groups",
    {
      config: { access: "register.configure" },
      schema: {
        tags,
        summary: "Add a rank group above the existing ones",
        body: createRankGroupBody,
        response: { 201: rankGroup, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createRankGroup(...writer(request), request.body)),
  );

  r.patch(
    "/api/register/rank-groups/:id",
    {
      config: { access: "register.configure" },
      schema: {
        tags,
        summary: "Rename a rank group, mark it the top group, or change its code while unused",
        params: registerIdParams,
        body: updateRankGroupBody,
        response: { 200: rankGroup, ...errors },
      },
    },
    (request) => service.updateRankGroup(...writer(request), request.params.id, request.body),
  );

  r.post(
    "/api/register/ranks",
    {
      config: { access: "register.configure" },
      schema: {
        tags,
        summary: "Add a rank as the most senior of its group",
        body: createRankBody,
        response: { 201: rank, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createRank(...writer(request), request.body)),
  );

  r.patch(
    "/api/register/ranks/:id",
    {
      config: { access: "register.configure" },
      schema: {
        tags,
        summary:
          "Rename a rank, move it to another group, mark it (in)active, or recode it while unused",
        description:
          "A rank held by anyone today cannot be marked inactive. Codes cannot change once a " +
          "career event names the rank.",
        params: registerIdParams,
        body: updateRankBody,
        response: { 200: rank, ...errors },
      },
    },
    (request) => service.updateRank(...writer(request), request.params.id, request.body),
  );

  r.post(
    "/api/register/ranks/reorder",
    {
      config: { access: "register.configure" },
      schema: {
        tags,
        summary: "Set the seniority order: every rank id once, most junior first",
        description:
          "Each group's ranks stay together and the groups keep their order; ordinals become 1…N " +
          "in one transaction.",
        body: reorderRanksBody,
        response: { 200: rankScheme, ...errors },
      },
    },
    (request) => service.reorderRanks(...writer(request), request.body.rankIds),
  );

  r.get(
    "/api/register/roles",
    {
      config: { access: "org_units.read" },
      schema: {
        tags,
        summary: "Job roles with their specialisation and leadership flag",
        response: { 200: jobRoleList },
      },
    },
    async () => ({ roles: await service.roles() }),
  );

  r.post(
    "/api/register/roles",
    {
      config: { access: "register.configure" },
      schema: {
        tags,
        summary: "Add a job role",
        body: createJobRoleBody,
        response: { 201: jobRole, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createRole(...writer(request), request.body)),
  );

  r.patch(
    "/api/register/roles/:id",
    {
      config: { access: "register.configure" },
      schema: {
        tags,
        summary:
          "Rename a job role, change its specialisation or leadership flag, or mark it (in)active",
        description:
          "A changed leadership flag applies to every career spell in the role. Codes cannot change " +
          "once a career event names the role.",
        params: registerIdParams,
        body: updateJobRoleBody,
        response: { 200: jobRole, ...errors },
      },
    },
    (request) => service.updateRole(...writer(request), request.params.id, request.body),
  );
}
