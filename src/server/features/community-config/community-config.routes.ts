import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse } from "../../../core/schemas/common";
import { idParams } from "../../../core/schemas/community-common";
import {
  createTaxonomyEntryBody,
  feedbackSurveyList,
  taxonomyEntry,
  taxonomyKinds,
  taxonomyList,
  updateTaxonomyEntryBody,
} from "../../../core/schemas/community-config";
import { requireAuth } from "../../http/access";
import { auditActorOf } from "../../http/audit-actor";
import { scopeFor } from "../../http/scope";
import type { CommunityConfigService } from "./community-config.service";

const tags = ["community-config"];
const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const labels = { topics: "outreach topics", categories: "issue categories" } as const;

/** `/api/community/topics`, `/api/community/categories` and `/api/community/surveys`. */
export function registerCommunityConfigRoutes(
  app: FastifyInstance,
  service: CommunityConfigService,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const writer = (request: FastifyRequest) =>
    [scopeFor(requireAuth(request), "community.configure"), auditActorOf(request)] as const;

  for (const kind of taxonomyKinds) {
    r.get(
      `/api/community/${kind}`,
      {
        config: { access: "community.read" },
        schema: {
          tags,
          summary: `The ${labels[kind]}, active or not; seeded ones are named by their nameKey`,
          response: { 200: taxonomyList },
        },
      },
      async () => ({ entries: await service.list(kind) }),
    );

    r.post(
      `/api/community/${kind}`,
      {
        config: { access: "community.configure" },
        schema: {
          tags,
          summary: `Add one of the ${labels[kind]} (needs community.configure at the root)`,
          body: createTaxonomyEntryBody,
          response: { 201: taxonomyEntry, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.create(...writer(request), kind, request.body)),
    );

    r.patch(
      `/api/community/${kind}/:id`,
      {
        config: { access: "community.configure" },
        schema: {
          tags,
          summary: `Rename, reorder or (de)activate one of the ${labels[kind]}`,
          params: idParams,
          body: updateTaxonomyEntryBody,
          response: { 200: taxonomyEntry, ...errors },
        },
      },
      (request) => service.update(...writer(request), kind, request.params.id, request.body),
    );
  }

  r.get(
    "/api/community/surveys",
    {
      config: { access: "community.read" },
      schema: {
        tags,
        summary: "Feedback surveys with their questions; seeded texts are locale keys",
        response: { 200: feedbackSurveyList },
      },
    },
    async () => ({ surveys: await service.surveys() }),
  );
}
