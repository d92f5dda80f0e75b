import type { FastifyInstance, onRequestHookHandler } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse } from "../../../core/schemas/common";
import { transparencyQuery, transparencyReport } from "../../../core/schemas/transparency";
import type { TransparencyService } from "./transparency.service";

/** Monthly figures change rarely once the month is over: a phone may keep them a few minutes. */
const CACHE = "public, max-age=300";

/**
 * `GET /api/public/transparency?month=YYYY-MM`: the public transparency page's figures, without
 * sign-in. Declared public like the public channel's routes (no session, exempt from CSRF, request
 * lines logged at `warn` only) and rate-limited by the hook `app.ts` hands over.
 */
export function registerTransparencyRoutes(
  app: FastifyInstance,
  service: TransparencyService,
  options: { rateLimit: onRequestHookHandler },
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/public/transparency",
    {
      config: { access: "public", isCsrfExempt: true },
      logLevel: "warn",
      onRequest: options.rateLimit,
      schema: {
        tags: ["public-channel"],
        summary: "Monthly community policing figures per province, disclosure-controlled",
        description:
          "Every figure passes statistical disclosure control (INDICATORS.md §8): a hidden count or " +
          "value is null with `suppression` (primary, complementary or derived), never blank.",
        querystring: transparencyQuery,
        response: { 200: transparencyReport, 400: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      void reply.header("Cache-Control", CACHE);
      return service.monthly(request.query.month);
    },
  );
}
