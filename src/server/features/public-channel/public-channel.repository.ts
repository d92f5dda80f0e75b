import { sql, type Kysely } from "kysely";
import type { PublicUpdate } from "../../../core/schemas/public-channel";
import type { DB } from "../../db/schema";

/** Kinds of units a resident may choose (the root, provinces, districts). */
const choosableKinds = ["hq", "province", "district"] as const;

/** History entries a resident sees; notes only when an officer marked them public. */
const publicKinds = ["created", "status", "reopen", "note", "referral", "resident_confirmation"];

export interface ChoosableUnit {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly kind: (typeof choosableKinds)[number];
  readonly path: string;
  readonly isRoot: boolean;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

/**
 * SQL of the public channel: the lists a resident chooses from and what the follow-up page shows.
 * It reads only columns meant for the resident: never contact details, assignees, reasons,
 * internal notes or referral details.
 */
export function createPublicChannelRepository(db: Kysely<DB>) {
  return {
    /** Open units of the kinds a resident may choose, by code. */
    async choosableUnits(): Promise<ChoosableUnit[]> {
      const rows = await db
        .selectFrom("org_units")
        .select(["id", "code", "name", "kind", "path", "parent_id as parentId"])
        .where("closed_on", "is", null)
        .where("kind", "in", choosableKinds)
        .orderBy(sql`code COLLATE "C"`)
        .execute();
      return rows.map(({ parentId, ...row }) => ({
        ...row,
        kind: row.kind as ChoosableUnit["kind"],
        isRoot: parentId === null,
      }));
    },

    async activeCategories(): Promise<Array<{ id: number; code: string; name: string | null }>> {
      return db
        .selectFrom("issue_categories")
        .select(["id", "code", "name"])
        .where("is_active", "=", true)
        .orderBy("sort_order")
        .orderBy(sql`code COLLATE "C"`)
        .execute();
    },

    async view(id: number) {
      const row = await db
        .selectFrom("community_issues as i")
        .innerJoin("org_units as ou", "ou.id", "i.org_unit_id")
        .innerJoin("issue_categories as c", "c.id", "i.category_id")
        .select([
          "i.reference",
          "i.status",
          "c.code as categoryCode",
          "c.name as categoryName",
          "ou.code as unitCode",
          "ou.name as unitName",
          "i.description",
          "i.place",
          "i.is_anonymous as isAnonymous",
          "i.woman_officer_requested as womanOfficerRequested",
          "i.woman_officer_assigned as womanOfficerAssigned",
          "i.language",
          "i.created_at as createdAt",
          "i.updated_at as updatedAt",
          "i.closed_at as closedAt",
          "i.resident_confirmation as residentConfirmation",
          "i.resident_confirmed_at as residentConfirmedAt",
        ])
        .where("i.id", "=", id)
        .executeTakeFirstOrThrow();
      return {
        ...row,
        createdAt: iso(row.createdAt),
        updatedAt: iso(row.updatedAt),
        closedAt: isoOrNull(row.closedAt),
        residentConfirmedAt: isoOrNull(row.residentConfirmedAt),
      };
    },

    /** The history as the resident sees it, oldest first. */
    async updates(id: number): Promise<PublicUpdate[]> {
      const rows = await db
        .selectFrom("community_issue_events")
        .select([
          "kind",
          "to_status as toStatus",
          "note",
          "is_internal as isInternal",
          "confirmation",
          "actor_kind as actorKind",
          "occurred_at as occurredAt",
        ])
        .where("issue_id", "=", id)
        .where("kind", "in", publicKinds as Array<PublicUpdate["kind"]>)
        .where((eb) => eb.or([eb("kind", "<>", "note"), eb("is_internal", "=", false)]))
        .orderBy("id")
        .execute();
      return rows.map((e) => ({
        kind: e.kind as PublicUpdate["kind"],
        status: e.kind === "note" || e.kind === "referral" ? null : e.toStatus,
        note: e.kind === "note" ? e.note : null,
        confirmation: e.confirmation,
        byResident: e.actorKind === "resident",
        at: iso(e.occurredAt),
      }));
    },
  };
}

export type PublicChannelRepository = ReturnType<typeof createPublicChannelRepository>;
