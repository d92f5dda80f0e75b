import type { FastifyReply, FastifyRequest } from "fastify";
import { SESSION_COOKIE } from "../../http/access";
import type { IssuedSession } from "./sessions";

/** HttpOnly (no script reads it), SameSite=Lax, and Secure behind TLS (or when configured). */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  session: IssuedSession,
  options: { secureCookies: boolean },
): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: options.secureCookies || request.protocol === "https",
    expires: session.expiresAt,
  });
}

export function clientOf(request: FastifyRequest) {
  return { ip: request.ip || null, userAgent: request.headers["user-agent"] ?? null };
}
