import type { FastifyInstance, FastifyRequest } from "fastify";
import { canPerform, type Action } from "../../core/access/permissions";
import { AppError } from "../../core/errors";
import type { AuthContext, AuthService } from "../features/auth/auth.service";

export const SESSION_COOKIE = "tandem_session";

/** What a route may be reached by: anyone, any signed-in user, or users holding an action. */
export type RouteAccess = "public" | "authenticated" | Action;

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError("auth.required");
  return request.auth;
}

/**
 * Deny by default: a route under /api without a declared `config.access` cannot be registered.
 * Resolves the session cookie on every request and checks the route's action before its handler.
 */
export function registerAccessControl(app: FastifyInstance, authService: AuthService): void {
  app.decorateRequest("auth", null);

  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || route.url.startsWith("/api/docs")) return;
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} declares no config.access (deny by default)`,
      );
    }
  });

  app.addHook("onRequest", async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.auth = (await authService.resolve(token)) ?? null;
  });

  app.addHook("preHandler", (request, _reply, done) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === "public") return done();
    if (!request.auth) return done(new AppError("auth.required"));
    if (
      access !== "authenticated" &&
      !canPerform(
        request.auth.user.roles.map((r) => r.role),
        access,
      )
    ) {
      return done(new AppError("auth.forbidden", { action: access }));
    }
    done();
  });
}
