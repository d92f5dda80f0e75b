import { sql, type Expression, type Kysely, type SqlBool } from "kysely";
import { finalIssueStatuses, type IssueStatus } from "../../../core/community/issue-lifecycle";
import type { Paging } from "../../../core/community/paging";
import type { IssueSource } from "../../../core/community/vocabulary";
import type { IssueEvent, IssueSort, Referral } from "../../../core/schemas/community-issues";
import { findOrgUnitPath } from "../../db/org-unit-path";
import type { DB } from "../../db/schema";
import { inScope, type Scope } from "../../http/scope";
import { createIssueStore, type IssueStore } from "./issue-store";
import { toIssueRecord, type IssueRecord } from "./issue-record";

export interface IssueFilters {
  readonly status?: IssueStatus;
  readonly isOpen?: boolean;
  readonly categoryId?: number;
  readonly source?: IssueSource;
  readonly isOverdue?: boolean;
  /** A user id, or null for unassigned issues. */
  readonly assigneeId?: number | null;
  readonly unitPath?: string;
  readonly isWomanOfficerRequested?: boolean;
}

const finals = sql.join(finalIssueStatuses.map((s) => sql.lit(s)));
const isOpen = sql<SqlBool>`i.status NOT IN (${finals})`;
const overdue = (today: string) => sql<SqlBool>`(i.due_on < ${today}::date AND ${isOpen})`;
const unitPath = sql.ref<string>("ou.path");

/** SQL of community issues; every query is limited to the caller's scope by `inScope`. */
export function createCommunityIssuesRepository(db: Kysely<DB>) {
  /** The store outside any transaction, made once: the public channel's hot path uses it. */
  const databaseStore = createIssueStore(db);
  const issues = (scope: Scope, today: string) =>
    db
      .selectFrom("community_issues as i")
      .innerJoin("org_units as ou", "ou.id", "i.org_unit_id")
      .innerJoin("issue_categories as c", "c.id", "i.category_id")
      .leftJoin("users as au", "au.id", "i.assignee_id")
      .selectAll("i")
      .select([
        "ou.code as unitCode",
        "ou.name as unitName",
        "c.code as categoryCode",
        "c.name as categoryName",
        "au.display_name as assigneeName",
        sql<boolean>`${overdue(today)}`.as("isOverdue"),
      ])
      .where(inScope(unitPath, scope));

  const page = async (query: ReturnType<typeof issues>, paging: Paging): Promise<IssueRecord[]> =>
    (await query.limit(paging.limit).offset(paging.offset).execute()).map(toIssueRecord);

  return {
    async list(
      scope: Scope,
      today: string,
      filters: IssueFilters,
      paging: Paging,
      sort: IssueSort = "newest",
    ): Promise<IssueRecord[]> {
      const conditions: Expression<SqlBool>[] = [];
      if (filters.status !== undefined) conditions.push(sql`i.status = ${filters.status}`);
      if (filters.isOpen !== undefined)
        conditions.push(filters.isOpen ? isOpen : sql`NOT ${isOpen}`);
      if (filters.categoryId !== undefined)
        conditions.push(sql`i.category_id = ${filters.categoryId}`);
      if (filters.source !== undefined) conditions.push(sql`i.source = ${filters.source}`);
      if (filters.isOverdue !== undefined) {
        conditions.push(filters.isOverdue ? overdue(today) : sql`NOT ${overdue(today)}`);
      }
      if (filters.assigneeId === null) conditions.push(sql`i.assignee_id IS NULL`);
      else if (filters.assigneeId !== undefined)
        conditions.push(sql`i.assignee_id = ${filters.assigneeId}`);
      if (filters.unitPath !== undefined) {
        conditions.push(inScope(unitPath, { unitPaths: [filters.unitPath] }));
      }
      if (filters.isWomanOfficerRequested !== undefined) {
        conditions.push(sql`i.woman_officer_requested = ${filters.isWomanOfficerRequested}`);
      }
      const filtered = conditions.reduce(
        (q, condition) => q.where(condition),
        issues(scope, today),
      );
      const ordered =
        sort === "due"
          ? filtered.orderBy(sql`i.due_on ASC NULLS LAST`).orderBy("i.created_at")
          : sort === "updated"
            ? filtered.orderBy("i.updated_at", "desc")
            : filtered.orderBy("i.created_at", "desc");
      return page(ordered.orderBy("i.id", sort === "due" ? "asc" : "desc"), paging);
    },

    /**
     * An officer's queue: open issues assigned to them, or unassigned in `unassignedScope` (where
     * they may take them); overdue first, then by due date, oldest first.
     */
    async myWork(
      scope: Scope,
      unassignedScope: Scope,
      userId: number,
      today: string,
      paging: Paging,
    ): Promise<IssueRecord[]> {
      const query = issues(scope, today)
        .where(isOpen)
        .where(
          sql<SqlBool>`(i.assignee_id = ${userId} OR (i.assignee_id IS NULL AND ${inScope(unitPath, unassignedScope)}))`,
        )
        .orderBy(sql`CASE WHEN ${overdue(today)} THEN 0 ELSE 1 END`)
        .orderBy(sql`i.due_on ASC NULLS LAST`)
        .orderBy("i.created_at")
        .orderBy("i.id");
      return page(query, paging);
    },

    async find(scope: Scope, today: string, id: number): Promise<IssueRecord | undefined> {
      const row = await issues(scope, today).where("i.id", "=", id).executeTakeFirst();
      return row && toIssueRecord(row);
    },

    unitPath: (id: number) => findOrgUnitPath(db, id),

    /**
     * Active users holding one of `roles` at the unit at `path` or above it (a grant covers the
     * subtree), by name.
     */
    async usersServing(
      path: string,
      roles: readonly string[],
    ): Promise<Array<{ id: number; displayName: string }>> {
      return db
        .selectFrom("users as u")
        .select(["u.id", "u.display_name as displayName"])
        .where("u.is_disabled", "=", false)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom("role_assignments as ra")
              .innerJoin("org_units as ou", "ou.id", "ra.org_unit_id")
              .select("ra.user_id")
              .whereRef("ra.user_id", "=", "u.id")
              .where("ra.role", "in", roles)
              .where(sql<SqlBool>`starts_with(${path}, ou.path)`),
          ),
        )
        .orderBy("u.display_name")
        .orderBy("u.id")
        .execute();
    },

    async referrals(issueId: number): Promise<Referral[]> {
      const rows = await db
        .selectFrom("referrals as r")
        .innerJoin("stakeholders as s", "s.id", "r.stakeholder_id")
        .select([
          "r.id",
          "r.issue_id as issueId",
          "s.id as stakeholderId",
          "s.name as stakeholderName",
          "s.type as stakeholderType",
          "r.request",
          "r.sent_on as sentOn",
          "r.response",
          "r.response_on as responseOn",
          "r.outcome",
          "r.created_at as createdAt",
          "r.updated_at as updatedAt",
        ])
        .where("r.issue_id", "=", issueId)
        .orderBy("r.id")
        .execute();
      return rows.map(({ stakeholderId, stakeholderName, stakeholderType, ...r }) => ({
        ...r,
        stakeholder: { id: stakeholderId, name: stakeholderName, type: stakeholderType },
        createdAt: new Date(r.createdAt).toISOString(),
        updatedAt: new Date(r.updatedAt).toISOString(),
      }));
    },

    async history(issueId: number): Promise<IssueEvent[]> {
      const rows = await db
        .selectFrom("community_issue_events as e")
        .leftJoin("users as actor", "actor.id", "e.actor_user_id")
        .leftJoin("users as assignee", "assignee.id", "e.assignee_id")
        .select([
          "e.id",
          "e.kind",
          "e.from_status as fromStatus",
          "e.to_status as toStatus",
          "e.reason",
          "e.note",
          "e.is_internal as isInternal",
          "e.assignee_id as assigneeId",
          "assignee.display_name as assigneeName",
          "e.referral_id as referralId",
          "e.fields",
          "e.actor_kind as actorKind",
          "e.actor_user_id as actorUserId",
          "actor.display_name as actorName",
          "e.occurred_at as occurredAt",
        ])
        .where("e.issue_id", "=", issueId)
        .orderBy("e.id")
        .execute();
      return rows.map((e) => ({
        id: e.id,
        kind: e.kind,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        reason: e.reason,
        note: e.note,
        isInternal: e.isInternal,
        assignee:
          e.assigneeId === null ? null : { id: e.assigneeId, displayName: e.assigneeName ?? "" },
        referralId: e.referralId,
        fields: e.fields,
        actor: {
          kind: e.actorKind,
          user:
            e.actorUserId === null ? null : { id: e.actorUserId, displayName: e.actorName ?? "" },
        },
        occurredAt: new Date(e.occurredAt).toISOString(),
      }));
    },

    /** The reference of the issue a resident's page submitted under this client key (migration 0012). */
    async referenceByClientKey(clientKeyHash: string): Promise<string | undefined> {
      const row = await db
        .selectFrom("community_issues")
        .select("reference")
        .where("client_key_hash", "=", clientKeyHash)
        .executeTakeFirst();
      return row?.reference;
    },

    /** The issue of a reference code with its follow-up secret's hash (the public channel). */
    async followUpHash(
      reference: string,
    ): Promise<{ id: number; followUpSecretHash: string | null } | undefined> {
      return db
        .selectFrom("community_issues")
        .select(["id", "follow_up_secret_hash as followUpSecretHash"])
        .where("reference", "=", reference)
        .executeTakeFirst();
    },

    /** Runs `work` in one transaction: all or nothing. */
    transaction<T>(work: (store: IssueStore) => Promise<T>): Promise<T> {
      return db.transaction().execute((trx) => work(createIssueStore(trx)));
    },

    /**
     * Runs `work` on a store outside any transaction, for a write that is one statement (atomic by
     * itself): a resident's submission, the public channel's hot path, saves the BEGIN and the
     * COMMIT round trips.
     */
    inOneStatement<T>(work: (store: IssueStore) => Promise<T>): Promise<T> {
      return work(databaseStore);
    },
  };
}

export type CommunityIssuesRepository = ReturnType<typeof createCommunityIssuesRepository>;
