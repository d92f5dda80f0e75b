import type { FastifyContextConfig, FastifySchema } from "fastify";
import type { SwaggerTransform } from "@fastify/swagger";

export const API_TOKEN_SCHEME = "apiToken";
export const SESSION_CSRF_SCHEME = "sessionCsrf";

/**
 * How a client authenticates, as Swagger UI's "Authorize" dialog at /api/docs offers it. Under our
 * CSP no inline script can add a `requestInterceptor` that copies the CSRF token into each request,
 * so "Try it out" takes its credentials from these schemes: an API token (no cookie credential, so
 * no CSRF token needed), or, for someone signed in in the same browser, the session's CSRF token
 * pasted from GET /api/auth/me (the session cookie goes along by itself).
 */
export const openapiSecuritySchemes = {
  [API_TOKEN_SCHEME]: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "tnd_…",
    description:
      "An API token (the API tokens page): a role at an org unit. Requests with it need no CSRF " +
      "token, even when the browser also sends a session cookie. Not for your own account's routes.",
  },
  [SESSION_CSRF_SCHEME]: {
    type: "apiKey",
    in: "header",
    name: "X-CSRF-Token",
    description:
      "Signed in to Tandem in this browser: the session cookie is sent by itself, and writes also " +
      "need the session's CSRF token, the `csrfToken` of GET /api/auth/me.",
  },
} as const;

type SecurityRequirement = Record<string, string[]>;

/** The credentials a route accepts, from its declared access (see `registerAccessControl`). */
export function securityOf(
  config: Pick<FastifyContextConfig, "access" | "isCsrfExempt">,
): SecurityRequirement[] {
  const session = { [SESSION_CSRF_SCHEME]: [] };
  if (config.access === undefined || config.access === "public") {
    // Open to anyone; a cookie session that is present must still prove itself on writes.
    return config.isCsrfExempt ? [] : [{}, session];
  }
  if (config.access === "authenticated") return [session];
  return [{ [API_TOKEN_SCHEME]: [] }, session];
}

/** Wraps the Zod schema transform so that each operation in the document names its credentials. */
export function withRouteSecurity<S extends FastifySchema>(
  transform: SwaggerTransform<S>,
): SwaggerTransform<S> {
  return (input) => {
    const result = transform(input);
    const security = securityOf(input.route.config ?? {});
    return { ...result, schema: { ...result.schema, security } };
  };
}
