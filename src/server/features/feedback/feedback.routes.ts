import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse } from "../../../core/schemas/common";
import {
  createFeedbackBody,
  feedbackListQuery,
  feedbackPage,
  feedbackResponse,
} from "../../../core/schemas/feedback";
import { requireAuth } from "../../http/access";
import { communityCallerOf } from "../../http/community-caller";
import { scopeFor } from "../../http/scope";
import type { FeedbackService } from "./feedback.service";

const tags = ["feedback"];

/** `/api/community/feedback`: survey responses entered by officers, and the list of all responses. */
export function registerFeedbackRoutes(app: FastifyInstance, service: FeedbackService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/community/feedback",
    {
      config: { access: "community.read" },
      schema: {
        tags,
        summary:
          "Survey responses in the caller's subtree (paper, phone, public channel), newest first",
        querystring: feedbackListQuery,
        response: { 200: feedbackPage, 400: errorResponse, 404: errorResponse },
      },
    },
    (request) => service.list(scopeFor(requireAuth(request), "community.read"), request.query),
  );

  r.post(
    "/api/community/feedback",
    {
      config: { access: "community.write" },
      schema: {
        tags,
        summary: "Enter a response from paper (after a session) or by phone (after an issue)",
        description:
          "All or nothing: an invalid answer is refused with feedback.answer_invalid naming the " +
          "question and the reason, and nothing is written.",
        body: createFeedbackBody,
        response: {
          201: feedbackResponse,
          400: errorResponse,
          403: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.enter(communityCallerOf(request), request.body)),
  );
}
