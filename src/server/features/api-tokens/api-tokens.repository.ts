import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import { inScope, type Scope } from "../../http/scope";
import { findOrgUnitPath } from "../../db/org-unit-path";

export interface ApiTokenRow {
  id: number;
  name: string;
  role: string;
  orgUnitId: number;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface ActiveApiToken {
  id: number;
  name: string;
  role: string;
  orgUnitId: number;
  path: string;
  creatorId: number;
  lastUsedAt: Date | null;
}

export function createApiTokensRepository(db: Kysely<DB>) {
  const listQuery = () =>
    db
      .selectFrom("api_tokens as t")
      .innerJoin("users as u", "u.id", "t.created_by")
      .innerJoin("org_units as ou", "ou.id", "t.org_unit_id")
      .select([
        "t.id as id",
        "t.name as name",
        "t.role as role",
        "t.org_unit_id as orgUnitId",
        "u.username as createdBy",
        "t.created_at as createdAt",
        "t.expires_at as expiresAt",
        "t.last_used_at as lastUsedAt",
        "t.revoked_at as revokedAt",
      ]);

  return {
    findUnitPath: (orgUnitId: number) => findOrgUnitPath(db, orgUnitId),

    async insert(input: {
      name: string;
      tokenHash: string;
      role: string;
      orgUnitId: number;
      createdBy: number;
      createdAt: Date;
      expiresAt: Date;
    }): Promise<number> {
      const row = await db
        .insertInto("api_tokens")
        .values({
          name: input.name,
          token_hash: input.tokenHash,
          role: input.role,
          org_unit_id: input.orgUnitId,
          created_by: input.createdBy,
          created_at: input.createdAt,
          expires_at: input.expiresAt,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Tokens whose unit lies in the caller's scope, newest first. */
    list(scope: Scope): Promise<ApiTokenRow[]> {
      return listQuery()
        .where((eb) => inScope(eb.ref("ou.path"), scope))
        .orderBy("t.created_at", "desc")
        .orderBy("t.id", "desc")
        .execute();
    },

    findInScope(id: number, scope: Scope): Promise<ApiTokenRow | undefined> {
      return listQuery()
        .where("t.id", "=", id)
        .where((eb) => inScope(eb.ref("ou.path"), scope))
        .executeTakeFirst();
    },

    async revoke(id: number, now: Date): Promise<void> {
      await db
        .updateTable("api_tokens")
        .set({ revoked_at: now })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .execute();
    },

    /** A token that is neither revoked nor expired, whose creator's account is still enabled. */
    async findActive(tokenHash: string, now: Date): Promise<ActiveApiToken | undefined> {
      return db
        .selectFrom("api_tokens as t")
        .innerJoin("users as u", "u.id", "t.created_by")
        .innerJoin("org_units as ou", "ou.id", "t.org_unit_id")
        .select([
          "t.id as id",
          "t.name as name",
          "t.role as role",
          "t.org_unit_id as orgUnitId",
          "ou.path as path",
          "t.created_by as creatorId",
          "t.last_used_at as lastUsedAt",
        ])
        .where("t.token_hash", "=", tokenHash)
        .where("t.revoked_at", "is", null)
        .where("t.expires_at", ">", now)
        .where("u.is_disabled", "=", false)
        .executeTakeFirst();
    },

    async touch(id: number, now: Date): Promise<void> {
      await db.updateTable("api_tokens").set({ last_used_at: now }).where("id", "=", id).execute();
    },
  };
}

export type ApiTokensRepository = ReturnType<typeof createApiTokensRepository>;
