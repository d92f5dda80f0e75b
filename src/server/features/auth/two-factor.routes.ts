import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  recoveryCodesBody,
  recoveryCodesResponse,
  twoFactorConfirmBody,
  twoFactorConfirmResponse,
  twoFactorDisableBody,
  twoFactorSetupResponse,
} from "../../../core/schemas/auth";
import { errorResponse } from "../../../core/schemas/common";
import { requireAuth, requireSession } from "../../http/access";
import { clientOf, setSessionCookie } from "./session-cookie";
import type { TwoFactorService } from "./two-factor.service";

/** Enrolment routes are reachable by a session that must enrol (admin, case-officer) before anything else. */
export function registerTwoFactorRoutes(
  app: FastifyInstance,
  service: TwoFactorService,
  options: { secureCookies: boolean },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/auth/2fa/setup",
    {
      config: { access: "authenticated", isEnrolmentRoute: true },
      schema: {
        tags: ["auth"],
        summary: "Start two-factor enrolment: a new TOTP secret and its otpauth URI",
        response: { 200: twoFactorSetupResponse, 409: errorResponse },
      },
    },
    (request) => service.setup(requireSession(request)),
  );

  r.post(
    "/api/auth/2fa/confirm",
    {
      config: { access: "authenticated", isEnrolmentRoute: true },
      schema: {
        tags: ["auth"],
        summary: "Finish enrolment with a first code; returns ten recovery codes (shown once)",
        body: twoFactorConfirmBody,
        response: { 200: twoFactorConfirmResponse, 401: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => {
      const confirmed = await service.confirm(
        requireSession(request),
        request.body.code,
        clientOf(request),
      );
      setSessionCookie(request, reply, confirmed.session, options);
      return {
        user: confirmed.context.user,
        csrfToken: confirmed.session.csrfToken,
        recoveryCodes: confirmed.recoveryCodes,
      };
    },
  );

  r.post(
    "/api/auth/2fa/recovery-codes",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["auth"],
        summary: "New recovery codes (password required); every earlier code stops working",
        body: recoveryCodesBody,
        response: {
          200: recoveryCodesResponse,
          403: errorResponse,
          409: errorResponse,
          429: errorResponse,
        },
      },
    },
    (request) => {
      requireAuth(request);
      return service.regenerateRecoveryCodes(
        requireSession(request),
        request.body.password,
        clientOf(request),
      );
    },
  );

  r.post(
    "/api/auth/2fa/disable",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["auth"],
        summary: "Turn two-factor sign-in off (password required); your other sessions end",
        body: twoFactorDisableBody,
        response: {
          200: z.object({ isEnrolmentRequired: z.boolean() }),
          403: errorResponse,
          409: errorResponse,
          429: errorResponse,
        },
      },
    },
    (request) => {
      requireAuth(request);
      return service.disable(requireSession(request), request.body.password, clientOf(request));
    },
  );
}
