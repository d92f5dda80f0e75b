import type { FastifyInstance, FastifyRequest } from "fastify";
import { canPerform, type Action } from "../../core/access/permissions";
import { AppError } from "../../core/errors";
import type { AuthContext, Authenticator, ResolvedSession } from "./auth-context";
import { checkCsrf } from "./csrf";

export const SESSION_COOKIE = "tandem_session";

/** What a route may be reached by: anyone, any signed-in person, or holders of an action. */
export type RouteAccess = "public" | "authenticated" | Action;

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Also reachable by a session that must first enrol in two-factor sign-in (the enrolment routes). */
    isEnrolmentRoute?: boolean;
    /**
     * Exempt from the CSRF check: the sign-in itself, which starts a session, and the public
     * channel's routes, which use no session.
     */
    isCsrfExempt?: boolean;
  }
  interface FastifyRequest {
    /** A fully signed-in person (active session) or an API token; null otherwise. */
    auth: AuthContext | null;
    /** The session cookie's session in any state (second factor pending, enrolment, active). */
    session: ResolvedSession | null;
  }
}

export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError("auth.required");
  return request.auth;
}

/** The cookie session of a person: active, or (on enrolment routes) still enrolling. */
export function requireSession(request: FastifyRequest): ResolvedSession {
  const session = request.session;
  if (!session || (session.state !== "active" && session.state !== "enrolment")) {
    throw new AppError("auth.required");
  }
  return session;
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? "";
}

/**
 * Deny by default: a route under /api without a declared `config.access` cannot be registered.
 * Every request is authenticated once, here: by `Authorization: Bearer tnd_…` (an API token, never
 * combined with a cookie) or by the session cookie. Cookie-authenticated writes need the session's
 * CSRF token. Only active sessions and API tokens reach routes beyond `public`, except that a
 * session that must enrol in two-factor sign-in reaches the enrolment routes.
 */
export function registerAccessControl(app: FastifyInstance, authenticator: Authenticator): void {
  app.decorateRequest("auth", null);
  app.decorateRequest("session", null);

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
    const bearer = bearerOf(request);
    if (bearer !== undefined) {
      request.auth = (await authenticator.resolveApiToken(bearer)) ?? null;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await authenticator.resolveSession(token);
    if (!session) return;
    request.session = session;
    if (session.state === "active") request.auth = session.context;
    // Before the body is read: a forged cross-site write is refused as early as possible.
    checkCsrf(request, session);
  });

  app.addHook("preHandler", (request, _reply, done) => {
    const { access, isEnrolmentRoute } = request.routeOptions.config;
    if (access === undefined || access === "public") return done();
    const auth = request.auth;
    if (!auth) {
      if (request.session?.state === "enrolment") {
        return done(isEnrolmentRoute ? undefined : new AppError("auth.enrolment_required"));
      }
      return done(new AppError("auth.required"));
    }
    if (access === "authenticated") {
      // Own-account routes are for people; an integration's token only performs actions.
      return done(
        auth.apiToken ? new AppError("auth.forbidden", { action: "account" }) : undefined,
      );
    }
    if (
      !canPerform(
        auth.user.roles.map((r) => r.role),
        access,
      )
    ) {
      return done(new AppError("auth.forbidden", { action: access }));
    }
    done();
  });
}
