import { AppError } from "../../../core/errors";
import {
  API_TOKEN_MAX_DAYS,
  type ApiToken,
  type ApiTokenCreate,
} from "../../../core/schemas/api-tokens";
import type { AuditActor, AuditRecorder } from "../../audit/recorder";
import type { AuthContext } from "../../http/auth-context";
import { isPathInScope, scopeFor } from "../../http/scope";
import { generateApiToken, hashToken, isApiTokenFormat } from "../../security/tokens";
import type { ApiTokenRow, ApiTokensRepository } from "./api-tokens.repository";

const DAY_MS = 24 * 60 * 60 * 1000;
/** last_used_at is written at most this often per token. */
const TOUCH_INTERVAL_MS = 60 * 1000;

function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Bearer tokens for integrations: one role at one unit, shown once, stored as SHA-256. */
export function createApiTokensService(deps: {
  repo: ApiTokensRepository;
  audit: AuditRecorder;
  now: () => Date;
}) {
  const scopeOf = (auth: AuthContext) => scopeFor(auth, "api_tokens.manage");

  return {
    async create(
      auth: AuthContext,
      input: ApiTokenCreate,
      actor: AuditActor,
    ): Promise<{ token: string; apiToken: ApiToken }> {
      const path = await deps.repo.findUnitPath(input.orgUnitId);
      if (path === undefined || !isPathInScope(scopeOf(auth), path)) {
        throw new AppError("org_unit.not_found", { id: input.orgUnitId });
      }
      const now = deps.now();
      // Valid through the whole of the last day (UTC).
      const expiresAt = new Date(Date.parse(`${input.expiresOn}T00:00:00Z`) + DAY_MS);
      if (
        Number.isNaN(expiresAt.getTime()) ||
        expiresAt <= now ||
        expiresAt.getTime() > now.getTime() + API_TOKEN_MAX_DAYS * DAY_MS
      ) {
        throw new AppError("request.invalid", {
          field: "expiresOn",
          value: input.expiresOn,
          maxDays: API_TOKEN_MAX_DAYS,
        });
      }
      const token = generateApiToken();
      const id = await deps.repo.insert({
        name: input.name,
        tokenHash: hashToken(token),
        role: input.role,
        orgUnitId: input.orgUnitId,
        createdBy: auth.user.id,
        createdAt: now,
        expiresAt,
      });
      await deps.audit.record({
        actor,
        action: "api_token.create",
        entityType: "api_token",
        entityId: String(id),
        orgUnitId: input.orgUnitId,
        fields: ["name", "role", "org_unit_id", "expires_at"],
        outcome: "success",
      });
      const row = await deps.repo.findInScope(id, scopeOf(auth));
      if (!row) throw new Error("the new API token cannot be read back");
      return { token, apiToken: toApiToken(row) };
    },

    async list(auth: AuthContext): Promise<ApiToken[]> {
      return (await deps.repo.list(scopeOf(auth))).map(toApiToken);
    },

    async revoke(auth: AuthContext, id: number, actor: AuditActor): Promise<void> {
      const row = await deps.repo.findInScope(id, scopeOf(auth));
      if (!row) throw new AppError("api_token.not_found", { id });
      await deps.repo.revoke(id, deps.now());
      await deps.audit.record({
        actor,
        action: "api_token.revoke",
        entityType: "api_token",
        entityId: String(id),
        orgUnitId: row.orgUnitId,
        fields: ["revoked_at"],
        outcome: "success",
      });
    },

    /**
     * `Authorization: Bearer tnd_…` → the token's role at its unit, acting through the same access
     * table and scope code as a person. The creator is named as the accountable user.
     */
    async resolve(token: string): Promise<AuthContext | undefined> {
      if (!isApiTokenFormat(token)) return undefined;
      const now = deps.now();
      const row = await deps.repo.findActive(hashToken(token), now);
      if (!row) return undefined;
      if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
        await deps.repo.touch(row.id, now);
      }
      return {
        user: {
          id: row.creatorId,
          username: `token:${row.name}`,
          displayName: row.name,
          locale: "en",
          roles: [{ role: row.role, orgUnitId: row.orgUnitId }],
        },
        assignments: [{ role: row.role, orgUnitId: row.orgUnitId, path: row.path }],
        apiToken: { id: row.id, name: row.name },
      };
    },
  };
}

export type ApiTokensService = ReturnType<typeof createApiTokensService>;
