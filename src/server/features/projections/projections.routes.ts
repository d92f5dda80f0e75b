import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse } from "../../../core/schemas/common";
import { projection, projectionQuery } from "../../../core/schemas/projections";
import { requireAuth } from "../../http/access";
import { scopeFor } from "../../http/scope";
import type { ProjectionsService } from "./projections.service";

export function registerProjectionRoutes(app: FastifyInstance, service: ProjectionsService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/projections",
    {
      config: { access: "projections.read" },
      schema: {
        tags: ["projections"],
        summary:
          "Markov projection of headcount and share of women by rank group for a unit's subtree",
        description:
          "INDICATORS.md §5 and docs/indicators.md §5: estimated from the last `years` complete " +
          "years, projected `horizon` years from 1 January of this year, with what-if controls " +
          "(`hiringShare`, `totalHires`, `promotionParity`, `constantSize`, `gradeRow` = " +
          "`CODE:p1,p2,…`), a bootstrap band over the estimation years, and for a `targetShare` " +
          "(optionally of `targetRankGroup`) the years to reach it and, with `targetYear`, the " +
          "women hires per year needed.",
        querystring: projectionQuery,
        response: {
          200: projection,
          400: errorResponse,
          404: errorResponse,
          422: errorResponse,
        },
      },
    },
    async (request) =>
      service.getProjection(scopeFor(requireAuth(request), "projections.read"), request.query),
  );
}
