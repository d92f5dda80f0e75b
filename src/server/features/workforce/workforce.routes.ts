import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse } from "../../../core/schemas/common";
import { headline, headlineQuery } from "../../../core/schemas/workforce";
import { requireAuth } from "../../http/access";
import { scopeFor } from "../../http/scope";
import type { WorkforceService } from "./workforce.service";

export function registerWorkforceRoutes(app: FastifyInstance, service: WorkforceService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/workforce/headline",
    {
      config: { access: "workforce.headline.read" },
      schema: {
        tags: ["workforce"],
        summary: "Headcount and share of women by rank group for a unit's subtree at a date",
        querystring: headlineQuery,
        response: { 200: headline, 404: errorResponse },
      },
    },
    async (request) =>
      service.getHeadline(scopeFor(requireAuth(request), "workforce.headline.read"), {
        unitId: request.query.unit,
        asOf: request.query.at,
      }),
  );
}
