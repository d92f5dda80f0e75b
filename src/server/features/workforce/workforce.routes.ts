import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse } from "../../../core/schemas/common";
import { headlineQuery, headlineResponse } from "../../../core/schemas/workforce";
import { requireAuth } from "../../http/access";
import { audienceFor } from "../../http/audience";
import { scopeFor } from "../../http/scope";
import type { WorkforceService } from "./workforce.service";

export function registerWorkforceRoutes(app: FastifyInstance, service: WorkforceService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/workforce/headline",
    {
      config: { access: "workforce.headline.read" },
      schema: {
        tags: ["workforce"],
        summary:
          "Headcount and share of women by rank group for a unit's subtree at a date " +
          "(disclosure-controlled for partner-viewers)",
        querystring: headlineQuery,
        response: { 200: headlineResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      return service.getHeadlineFor(scopeFor(auth, "workforce.headline.read"), {
        unitId: request.query.unit,
        asOf: request.query.at,
        audience: audienceFor(auth, "internal"),
      });
    },
  );
}
