import type { FastifyInstance } from "fastify";
import { permissions, personLevelActions } from "../../core/access/permissions";
import type { RouteAccess } from "./access";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * The route returns person-level data (one row per person or user account). Such a route must
     * be reached through an action a partner-viewer does not hold; registration fails otherwise.
     */
    personLevel?: boolean;
  }
  interface FastifyInstance {
    /** Every /api route, as registered: the scope property tests enumerate them. */
    readonly registeredRoutes: readonly RegisteredRoute[];
  }
}

export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess;
  readonly personLevel: boolean;
  /** Names of the query-string parameters declared by the route's schema. */
  readonly queryKeys: readonly string[];
}

function keysOf(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * Keeps a list of the /api routes with their declared access and person-level flag, and refuses a
 * person-level route that a partner-viewer (aggregates only) or an anonymous caller could reach.
 * Register after `registerAccessControl` (which refuses routes without `config.access`).
 */
export function registerRouteRegistry(app: FastifyInstance): void {
  const routes: RegisteredRoute[] = [];
  app.decorate("registeredRoutes", routes);
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || route.url.startsWith("/api/docs")) return;
    const access = route.config?.access;
    if (access === undefined) return;
    const personLevel = route.config?.personLevel === true;
    if (personLevel) {
      const isOpen = access === "public" || access === "authenticated";
      if (
        isOpen ||
        permissions["partner-viewer"].includes(access) ||
        !personLevelActions.includes(access)
      ) {
        throw new Error(
          `Route ${String(route.method)} ${route.url} returns person-level data under "${access}", ` +
            "which is not a person-level action (see personLevelActions)",
        );
      }
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD") continue;
      routes.push({
        method,
        url: route.url,
        access,
        personLevel,
        queryKeys: keysOf(route.schema?.querystring),
      });
    }
  });
}
