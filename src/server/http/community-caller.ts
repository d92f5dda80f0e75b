import type { FastifyRequest } from "fastify";
import type { AuditActor } from "../audit/recorder";
import { requireAuth } from "./access";
import { auditActorOf } from "./audit-actor";
import { scopeFor, type Scope } from "./scope";

/** Who calls a community-policing route: where they may read, where they may write, who they are. */
export interface CommunityCaller {
  readonly read: Scope;
  readonly write: Scope;
  readonly actor: AuditActor;
}

/** The signed-in caller of a community route (`community.read` and `community.write` scopes). */
export function communityCallerOf(request: FastifyRequest): CommunityCaller {
  const auth = requireAuth(request);
  return {
    read: scopeFor(auth, "community.read"),
    write: scopeFor(auth, "community.write"),
    actor: auditActorOf(request),
  };
}
