import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { AppError } from "../../../core/errors";
import { errorResponse } from "../../../core/schemas/common";
import {
  createPublicIssueBody,
  FOLLOW_UP_SECRET_HEADER,
  followUpHeaders,
  publicCategories,
  publicConfirmationBody,
  publicIssueReceipt,
  publicIssueView,
  publicReferenceParams,
  publicUnits,
} from "../../../core/schemas/public-channel";
import { publicFeedbackBody, publicFeedbackView } from "../../../core/schemas/feedback";
import type { PublicChannelService } from "./public-channel.service";
import { createRateLimiter, type PublicRateLimits, type RateLimiter } from "./rate-limit";
import { useStrictJson } from "./strict-json";

/** Largest submission: 4,000 + 200 + 500 characters, each up to 12 bytes as JSON escapes, and keys. */
export const SUBMIT_BODY_LIMIT_BYTES = 64 * 1024;
export const CONFIRM_BODY_LIMIT_BYTES = 1024;
/** Survey answers and a comment of 1,000 characters, each up to 12 bytes as JSON escapes. */
export const FEEDBACK_BODY_LIMIT_BYTES = 16 * 1024;

const tags = ["public-channel"];
const errors = { 400: errorResponse, 404: errorResponse, 413: errorResponse, 429: errorResponse };
/** Cheap lists of public facts: a slow connection may keep them a few minutes. */
const LIST_CACHE = "public, max-age=300";

/**
 * Declared public, explicitly, and exempt from CSRF: they use no session (a cookie that comes along
 * is ignored) and act for no signed-in person. Their request lines are not logged (`warn`): the
 * address of a resident is never written next to a submission.
 */
const publicRoute = {
  config: { access: "public", isCsrfExempt: true },
  logLevel: "warn",
} as const;

/** An `onRequest` hook: a request over the limit is turned away before its body is read. */
export function limit(limiter: RateLimiter) {
  return (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) => {
    const retryAfterSeconds = limiter.take(request.ip);
    done(
      retryAfterSeconds === null
        ? undefined
        : new AppError("public.rate_limited", { retryAfterSeconds }),
    );
  };
}

/**
 * The public channel (issue 7), without sign-in: `GET /api/public/units` and `/categories`,
 * `POST /api/public/issues`, and the follow-up `GET /api/public/issues/:reference` and
 * `POST …/:reference/confirmation` and the feedback survey (`GET`/`POST …/:reference/feedback`),
 * which need the link's secret in `X-Follow-Up-Secret`.
 * Rate-limited per address and overall; JSON bodies must be valid UTF-8 and within the limits.
 */
export function registerPublicChannelRoutes(
  app: FastifyInstance,
  service: PublicChannelService,
  options: { limits: PublicRateLimits; now: () => number },
): void {
  const submitLimit = limit(createRateLimiter(options.limits.submit, { now: options.now }));
  const followLimit = limit(createRateLimiter(options.limits.follow, { now: options.now }));
  const cacheList = (reply: FastifyReply) => reply.header("Cache-Control", LIST_CACHE);

  void app.register((scope, _options, done) => {
    useStrictJson(scope);
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get(
      "/api/public/units",
      {
        ...publicRoute,
        onRequest: followLimit,
        schema: {
          tags,
          summary: "Units a resident may choose: the national root, provinces and their districts",
          response: { 200: publicUnits, 429: errorResponse },
        },
      },
      async (_request, reply) => {
        cacheList(reply);
        return service.units();
      },
    );

    r.get(
      "/api/public/categories",
      {
        ...publicRoute,
        onRequest: followLimit,
        schema: {
          tags,
          summary: "Active issue categories (seeded ones are named community.categories.<code>)",
          response: { 200: publicCategories, 429: errorResponse },
        },
      },
      async (_request, reply) => {
        cacheList(reply);
        return service.categories();
      },
    );

    r.post(
      "/api/public/issues",
      {
        ...publicRoute,
        bodyLimit: SUBMIT_BODY_LIMIT_BYTES,
        onRequest: submitLimit,
        schema: {
          tags,
          summary: "Raise a problem or give feedback, anonymously or with contact details",
          description:
            "Answers once the issue is committed. The follow-up secret is shown only here; the " +
            "database keeps its hash. A filled `website` (honeypot) is refused with nothing written.",
          body: createPublicIssueBody,
          response: { 201: publicIssueReceipt, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await service.submit(request.body)),
    );

    r.get(
      "/api/public/issues/:reference",
      {
        ...publicRoute,
        onRequest: followLimit,
        schema: {
          tags,
          summary: "The follow-up page: status, dates and public notes (needs X-Follow-Up-Secret)",
          description:
            "An unknown reference and a wrong secret get the same 404 (public.not_found).",
          params: publicReferenceParams,
          headers: followUpHeaders,
          response: { 200: publicIssueView, ...errors },
        },
      },
      (request) =>
        service.follow(request.params.reference, request.headers[FOLLOW_UP_SECRET_HEADER]),
    );

    r.post(
      "/api/public/issues/:reference/confirmation",
      {
        ...publicRoute,
        bodyLimit: CONFIRM_BODY_LIMIT_BYTES,
        onRequest: followLimit,
        schema: {
          tags,
          summary:
            "The resident's answer after a resolution (fixed / not fixed / don't know), and reopening",
          params: publicReferenceParams,
          headers: followUpHeaders,
          body: publicConfirmationBody,
          response: { 200: publicIssueView, 409: errorResponse, ...errors },
        },
      },
      (request) =>
        service.confirm(
          request.params.reference,
          request.headers[FOLLOW_UP_SECRET_HEADER],
          request.body,
        ),
    );

    r.get(
      "/api/public/issues/:reference/feedback",
      {
        ...publicRoute,
        onRequest: followLimit,
        schema: {
          tags,
          summary: "The feedback survey of an issue (needs X-Follow-Up-Secret)",
          description:
            "Open once the issue is resolved, partly resolved or closed, until the resident has " +
            "answered once. Seeded question texts are locale keys (community.feedback.<code>).",
          params: publicReferenceParams,
          headers: followUpHeaders,
          response: { 200: publicFeedbackView, ...errors },
        },
      },
      (request) =>
        service.feedback(request.params.reference, request.headers[FOLLOW_UP_SECRET_HEADER]),
    );

    r.post(
      "/api/public/issues/:reference/feedback",
      {
        ...publicRoute,
        bodyLimit: FEEDBACK_BODY_LIMIT_BYTES,
        onRequest: followLimit,
        schema: {
          tags,
          summary: "The resident's answers to the feedback survey (once per issue)",
          description:
            "feedback.not_open before the issue is closed, feedback.already_answered after the " +
            "first answer; an invalid answer (feedback.answer_invalid) writes nothing.",
          params: publicReferenceParams,
          headers: followUpHeaders,
          body: publicFeedbackBody,
          response: { 201: publicFeedbackView, 409: errorResponse, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await service.answerFeedback(
              request.params.reference,
              request.headers[FOLLOW_UP_SECRET_HEADER],
              request.body,
            ),
          ),
    );

    done();
  });
}
