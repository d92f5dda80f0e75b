import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  indicatorIds,
  indicatorRegistry,
  type IndicatorId,
} from "../../../core/indicators/registry";
import { errorResponse } from "../../../core/schemas/common";
import {
  indicatorList,
  indicatorParams,
  indicatorQuery,
  indicatorResult,
  trendQuery,
  trendResult,
} from "../../../core/schemas/indicators";
import { requireAuth } from "../../http/access";
import { audienceFor } from "../../http/audience";
import { scopeFor } from "../../http/scope";
import type { IndicatorService } from "./indicators.service";

const ACTION = "workforce.headline.read";

export function registerIndicatorRoutes(app: FastifyInstance, service: IndicatorService) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    "/api/indicators",
    {
      config: { access: ACTION },
      schema: {
        tags: ["indicators"],
        summary: "The indicators Tandem publishes, with their unit and allowed breakdowns",
        response: { 200: indicatorList },
      },
    },
    async () => ({
      dataAsOf: await service.dataAsOf(),
      indicators: indicatorIds.map((id) => {
        const d = indicatorRegistry[id];
        return {
          id,
          definitionKey: d.definitionKey,
          unitOfMeasure: d.unit,
          basis: d.basis,
          disaggregations: [...d.disaggregations],
        };
      }),
    }),
  );

  routes.get(
    "/api/indicators/:indicator",
    {
      config: { access: ACTION },
      schema: {
        tags: ["indicators"],
        summary:
          "One indicator for a unit's subtree: at a date (stocks) or over [from, to) (flows)",
        params: indicatorParams,
        querystring: indicatorQuery,
        response: { 200: indicatorResult, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      return service.compute(scopeFor(auth, ACTION), {
        ...request.query,
        id: request.params.indicator as IndicatorId,
        audience: audienceFor(auth, request.query.audience),
      });
    },
  );

  routes.get(
    "/api/indicators/:indicator/trend",
    {
      config: { access: ACTION },
      schema: {
        tags: ["indicators"],
        summary: "Yearly series of one indicator (stocks on the same day each year, flows by year)",
        params: indicatorParams,
        querystring: trendQuery,
        response: { 200: trendResult, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      return service.trend(scopeFor(auth, ACTION), {
        ...request.query,
        id: request.params.indicator as IndicatorId,
        audience: audienceFor(auth, request.query.audience),
      });
    },
  );
}
