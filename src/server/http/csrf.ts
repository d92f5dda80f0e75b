import type { FastifyRequest } from "fastify";
import { AppError } from "../../core/errors";
import { isSameSecret } from "../security/tokens";
import type { ResolvedSession } from "./auth-context";

export const CSRF_HEADER = "x-csrf-token";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A write (POST, PUT, PATCH, DELETE) authenticated by the session cookie must carry the session's
 * CSRF token in `X-CSRF-Token`: another site can make the browser send the cookie, but cannot read
 * the token. SameSite=Lax already stops most cross-site writes; this closes the rest (same-site
 * subdomains, older browsers). Bearer-token requests carry no ambient credential and need none.
 */
export function checkCsrf(request: FastifyRequest, session: ResolvedSession): void {
  if (safeMethods.has(request.method)) return;
  if (request.routeOptions.config.isCsrfExempt) return;
  const given = request.headers[CSRF_HEADER];
  if (typeof given !== "string" || !isSameSecret(given, session.csrfToken)) {
    throw new AppError("auth.csrf");
  }
}
