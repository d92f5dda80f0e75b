import type { FastifyRequest } from "fastify";
import type { AuditActor } from "../audit/recorder";

/** Who is acting in this request, for the audit trail: the signed-in user (if any), IP and user agent. */
export function auditActorOf(request: FastifyRequest): AuditActor {
  const user = request.auth?.user;
  return {
    userId: user?.id ?? null,
    username: user?.username ?? null,
    ip: request.ip || null,
    userAgent: request.headers["user-agent"] ?? null,
  };
}
