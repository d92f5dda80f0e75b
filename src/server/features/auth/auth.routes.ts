import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { localeBody, loginBody, sessionUser } from "../../../core/schemas/auth";
import { errorResponse } from "../../../core/schemas/common";
import { requireAuth, SESSION_COOKIE } from "../../http/access";
import type { AuthService } from "./auth.service";

export function registerAuthRoutes(
  app: FastifyInstance,
  service: AuthService,
  options: { secureCookies: boolean },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/auth/login",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "Sign in with username and password; sets the session cookie",
        body: loginBody,
        response: { 200: z.object({ user: sessionUser }), 401: errorResponse },
      },
    },
    async (request, reply) => {
      const { token, expiresAt, context } = await service.login(
        request.body.username,
        request.body.password,
        {
          ip: request.ip,
          userAgent: request.headers["user-agent"] ?? null,
        },
      );
      reply.setCookie(SESSION_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: options.secureCookies || request.protocol === "https",
        expires: expiresAt,
      });
      return { user: context.user };
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
      if (token) await service.logout(token);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  r.get(
    "/api/auth/me",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["auth"],
        summary: "The signed-in user",
        response: { 200: z.object({ user: sessionUser }), 401: errorResponse },
      },
    },
    (request) => Promise.resolve({ user: requireAuth(request).user }),
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
      await service.setLocale(requireAuth(request).user.id, request.body.locale);
      return reply.status(204).send(null);
    },
  );
}
