import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  localeBody,
  loginBody,
  meResponse,
  passwordChangeBody,
  secondFactorBody,
  signedIn,
  signInResult,
  type SignInResult,
} from "../../../core/schemas/auth";
import { errorResponse } from "../../../core/schemas/common";
import { AppError } from "../../../core/errors";
import { requireAuth, requireSession, SESSION_COOKIE } from "../../http/access";
import { auditActorOf } from "../../http/audit-actor";
import type { AuthService, LoginOutcome } from "./auth.service";
import { clientOf, setSessionCookie } from "./session-cookie";
import type { TwoFactorService } from "./two-factor.service";

function resultOf({ session, context }: LoginOutcome): SignInResult {
  const { csrfToken } = session;
  switch (session.state) {
    case "active":
      return { status: "signed_in", user: context.user, csrfToken };
    case "second_factor":
      return { status: "second_factor_required", csrfToken };
    case "enrolment":
      return { status: "enrolment_required", user: context.user, csrfToken };
  }
}

export function registerAuthRoutes(
  app: FastifyInstance,
  service: AuthService,
  twoFactor: TwoFactorService,
  options: { secureCookies: boolean },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/auth/login",
    {
      config: { access: "public", isCsrfExempt: true },
      schema: {
        tags: ["auth"],
        summary: "Sign in with username and password; sets the session cookie",
        description:
          "Throttled per account and per IP: after 5 failures in 15 minutes the account is locked " +
          "for 15 minutes (429 auth.locked with retryAfterSeconds), even for the right password.",
        body: loginBody,
        response: { 200: signInResult, 401: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const outcome = await service.login(
        request.body.username,
        request.body.password,
        clientOf(request),
      );
      setSessionCookie(request, reply, outcome.session, options);
      return resultOf(outcome);
    },
  );

  r.post(
    "/api/auth/login/second-factor",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "Second sign-in step: a TOTP code or a recovery code",
        body: secondFactorBody,
        response: { 200: signedIn, 401: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const pending = request.session;
      if (pending?.state !== "second_factor") throw new AppError("auth.required");
      const outcome = await service.completeSecondFactor(
        pending,
        request.body.code,
        clientOf(request),
      );
      setSessionCookie(request, reply, outcome.session, options);
      return { user: outcome.context.user, csrfToken: outcome.session.csrfToken };
    },
  );

  r.post(
    "/api/auth/logout",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "Sign out and revoke the session",
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      const user = request.session?.context.user;
      const actor = {
        ...auditActorOf(request),
        userId: user?.id ?? null,
        username: user?.username ?? null,
      };
      if (token) await service.logout(token, actor);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  r.get(
    "/api/auth/me",
    {
      config: { access: "authenticated", isEnrolmentRoute: true },
      schema: {
        tags: ["auth"],
        summary: "The signed-in user, the CSRF token for writes, and two-factor status",
        response: { 200: meResponse, 401: errorResponse },
      },
    },
    async (request) => {
      const session = requireSession(request);
      return {
        user: session.context.user,
        csrfToken: session.csrfToken,
        isEnrolmentRequired: session.state === "enrolment",
        twoFactor: await twoFactor.status(session),
      };
    },
  );

  r.put(
    "/api/auth/me/locale",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["auth"],
        summary: "Save the user's language",
        body: localeBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.setLocale(
        requireAuth(request).user.id,
        request.body.locale,
        auditActorOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  r.post(
    "/api/auth/password",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["auth"],
        summary: "Change your own password; every session of yours ends and a fresh one starts",
        body: passwordChangeBody,
        response: { 200: signedIn, 400: errorResponse, 403: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const outcome = await service.changePassword(
        requireSession(request),
        request.body,
        clientOf(request),
      );
      setSessionCookie(request, reply, outcome.session, options);
      return { user: outcome.context.user, csrfToken: outcome.session.csrfToken };
    },
  );
}
