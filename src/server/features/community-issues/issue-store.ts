import { sql, type Kysely } from "kysely";
import type { IssueStatus } from "../../../core/community/issue-lifecycle";
import type {
  AgeGroup,
  IssueActorKind,
  IssueEventKind,
  IssueSource,
  ReferralOutcome,
  ResidentConfirmation,
} from "../../../core/community/vocabulary";
import type { Locale } from "../../../core/schemas/auth";
import type { Sex } from "../../../core/schemas/sex";
import type { DB } from "../../db/schema";
import type { AuditInboxRow } from "../../audit/recorder";
import { inScope, scopeLikePatterns, type Scope } from "../../http/scope";
import { createIssueLookups } from "./issue-lookups";

/** An issue as a write sees it, locked until the transaction ends. */
export interface LockedIssue {
  readonly id: number;
  readonly reference: string;
  readonly status: IssueStatus;
  readonly orgUnitId: number;
  readonly unitPath: string;
}

export interface NewIssue {
  readonly reference: string;
  readonly source: IssueSource;
  readonly categoryId: number;
  readonly description: string;
  readonly place: string | null;
  readonly outreachSessionId: number | null;
  readonly raisedBySex: Sex | null;
  readonly raisedByAgeGroup: AgeGroup | null;
  readonly isAnonymous: boolean;
  readonly contactEncrypted: string | null;
  readonly womanOfficerRequested: boolean;
  readonly assigneeId: number | null;
  readonly orgUnitId: number;
  readonly dueOn: string | null;
  readonly followUpSecretHash: string | null;
  /** The resident's language (public channel); absent for issues an officer records. */
  readonly language?: Locale | null;
  /** SHA-256 of the public page's client id (idempotency key); absent for issues an officer records. */
  readonly clientKeyHash?: string | null;
  readonly createdBy: number | null;
  readonly createdAt: Date;
}

export interface NewIssueEvent {
  readonly issueId: number;
  readonly kind: IssueEventKind;
  readonly fromStatus?: IssueStatus;
  readonly toStatus?: IssueStatus;
  readonly reason?: string | null;
  readonly note?: string;
  readonly isInternal?: boolean;
  readonly assigneeId?: number | null;
  readonly referralId?: number;
  readonly fields?: readonly string[];
  /** The resident's answer, in a `resident_confirmation` entry. */
  readonly confirmation?: ResidentConfirmation;
  readonly actorKind: IssueActorKind;
  readonly actorUserId: number | null;
  readonly occurredAt: Date;
}

export interface StatusChange {
  readonly status: IssueStatus;
  readonly statusReason: string | null;
  readonly firstOutcome?: IssueStatus;
  readonly closedAt: Date | null;
  readonly isReopening: boolean;
  readonly at: Date;
}

/** What `insertIssueWithHistory` found, and the new issue's id if it wrote one. */
export interface IssueInsertion {
  /** The path of the issue's unit if it exists and is open, in scope or not. */
  readonly unitPath: string | undefined;
  readonly isCategoryActive: boolean;
  /** Undefined when a check failed and nothing was written. */
  readonly id: number | undefined;
}

/** The columns of a new issue's row. */
function issueColumns(issue: NewIssue) {
  return {
    reference: issue.reference,
    source: issue.source,
    category_id: issue.categoryId,
    description: issue.description,
    place: issue.place,
    outreach_session_id: issue.outreachSessionId,
    raised_by_sex: issue.raisedBySex,
    raised_by_age_group: issue.raisedByAgeGroup,
    is_anonymous: issue.isAnonymous,
    contact_encrypted: issue.contactEncrypted,
    woman_officer_requested: issue.womanOfficerRequested,
    assignee_id: issue.assigneeId,
    org_unit_id: issue.orgUnitId,
    due_on: issue.dueOn,
    follow_up_secret_hash: issue.followUpSecretHash,
    language: issue.language ?? null,
    client_key_hash: issue.clientKeyHash ?? null,
    created_by: issue.createdBy,
    created_at: issue.createdAt,
    updated_at: issue.createdAt,
  };
}

/** The columns of a history entry, but for the issue's id. */
function eventColumns(event: Omit<NewIssueEvent, "issueId">) {
  return {
    kind: event.kind,
    from_status: event.fromStatus ?? null,
    to_status: event.toStatus ?? null,
    reason: event.reason ?? null,
    note: event.note ?? null,
    is_internal: event.isInternal ?? true,
    assignee_id: event.assigneeId ?? null,
    referral_id: event.referralId ?? null,
    fields: event.fields ?? [],
    confirmation: event.confirmation ?? null,
    actor_kind: event.actorKind,
    actor_user_id: event.actorUserId,
    occurred_at: event.occurredAt,
  };
}

/**
 * The write statements on community issues, bound to one transaction (or, for a write that is one
 * statement, to the database: `inOneStatement` of the repository). Both the issues feature and the
 * outreach feature (problems raised in a session) write through it; app.ts hands it over.
 */
export function createIssueStore(trx: Kysely<DB>) {
  return {
    ...createIssueLookups(trx),

    async lockInScope(scope: Scope, id: number): Promise<LockedIssue | undefined> {
      return trx
        .selectFrom("community_issues as i")
        .innerJoin("org_units as ou", "ou.id", "i.org_unit_id")
        .select([
          "i.id",
          "i.reference",
          "i.status",
          "i.org_unit_id as orgUnitId",
          "ou.path as unitPath",
        ])
        .where("i.id", "=", id)
        .where(inScope(sql.ref<string>("ou.path"), scope))
        .forUpdate("i")
        .executeTakeFirst();
    },

    /** The issue of a reference code, locked, with its follow-up secret's hash (public channel). */
    async lockByReference(
      reference: string,
    ): Promise<(LockedIssue & { followUpSecretHash: string | null }) | undefined> {
      return trx
        .selectFrom("community_issues as i")
        .innerJoin("org_units as ou", "ou.id", "i.org_unit_id")
        .select([
          "i.id",
          "i.reference",
          "i.status",
          "i.org_unit_id as orgUnitId",
          "ou.path as unitPath",
          "i.follow_up_secret_hash as followUpSecretHash",
        ])
        .where("i.reference", "=", reference)
        .forUpdate("i")
        .executeTakeFirst();
    },

    /** The resident's latest answer to "is it fixed?" (the history keeps each one). */
    async setResidentConfirmation(id: number, answer: ResidentConfirmation, at: Date) {
      await trx
        .updateTable("community_issues")
        .set({ resident_confirmation: answer, resident_confirmed_at: at, updated_at: at })
        .where("id", "=", id)
        .execute();
    },

    /**
     * Writes a new issue and its `created` history entry in one statement, if its unit is open and
     * in `scope` and its category active; otherwise writes nothing. Answers what it found, so the
     * caller can say which check failed.
     */
    /**
     * The issue, its `created` history entry and, when given, its audit entry (the entity id set
     * to the new issue's) in one statement (`record_community_issue`, migration 0014), which writes
     * only if the unit is open and in `scope` and the category active.
     */
    async insertIssueWithHistory(
      issue: NewIssue,
      created: Omit<NewIssueEvent, "issueId" | "occurredAt">,
      scope: Scope,
      audit: AuditInboxRow | null = null,
    ): Promise<IssueInsertion> {
      const event = eventColumns({ ...created, occurredAt: issue.createdAt });
      const { rows } = await sql<{
        unitPath: string | null;
        isCategoryActive: boolean;
        id: number | null;
      }>`
        SELECT unit_path AS "unitPath", category_active AS "isCategoryActive", issue_id AS id
        FROM record_community_issue(${JSON.stringify(issueColumns(issue))}::jsonb,
          ${JSON.stringify(event)}::jsonb, ${scopeLikePatterns(scope)}::text[],
          ${audit === null ? null : JSON.stringify(audit)}::jsonb)`.execute(trx);
      const found = rows[0];
      return {
        unitPath: found?.unitPath ?? undefined,
        isCategoryActive: found?.isCategoryActive === true,
        id: found?.id ?? undefined,
      };
    },

    async setStatus(id: number, change: StatusChange): Promise<void> {
      await trx
        .updateTable("community_issues")
        .set((eb) => ({
          status: change.status,
          status_reason: change.statusReason,
          closed_at: change.closedAt,
          updated_at: change.at,
          ...(change.firstOutcome === undefined
            ? {}
            : { first_outcome: change.firstOutcome, first_outcome_at: change.at }),
          ...(change.isReopening ? { reopen_count: eb("reopen_count", "+", 1) } : {}),
        }))
        .where("id", "=", id)
        .execute();
    },

    async update(
      id: number,
      changes: {
        category_id?: number;
        place?: string | null;
        due_on?: string | null;
        woman_officer_requested?: boolean;
        assignee_id?: number | null;
        woman_officer_assigned?: boolean;
      },
      at: Date,
    ): Promise<void> {
      await trx
        .updateTable("community_issues")
        .set({ ...changes, updated_at: at })
        .where("id", "=", id)
        .execute();
    },

    /** Appends to the issue's history (the table refuses updates and deletes). */
    async appendEvent(event: NewIssueEvent): Promise<void> {
      await trx
        .insertInto("community_issue_events")
        .values({ issue_id: event.issueId, ...eventColumns(event) })
        .execute();
    },

    async insertReferral(referral: {
      issueId: number;
      stakeholderId: number;
      request: string;
      sentOn: string;
      createdBy: number | null;
      at: Date;
    }): Promise<number> {
      const row = await trx
        .insertInto("referrals")
        .values({
          issue_id: referral.issueId,
          stakeholder_id: referral.stakeholderId,
          request: referral.request,
          sent_on: referral.sentOn,
          created_by: referral.createdBy,
          created_at: referral.at,
          updated_at: referral.at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async lockReferral(
      issueId: number,
      referralId: number,
    ): Promise<
      | {
          sentOn: string;
          response: string | null;
          responseOn: string | null;
          outcome: ReferralOutcome | null;
        }
      | undefined
    > {
      return trx
        .selectFrom("referrals")
        .select(["sent_on as sentOn", "response", "response_on as responseOn", "outcome"])
        .where("id", "=", referralId)
        .where("issue_id", "=", issueId)
        .forUpdate()
        .executeTakeFirst();
    },

    async updateReferral(
      referralId: number,
      changes: {
        response?: string | null;
        response_on?: string | null;
        outcome?: ReferralOutcome | null;
      },
      at: Date,
    ): Promise<void> {
      await trx
        .updateTable("referrals")
        .set({ ...changes, updated_at: at })
        .where("id", "=", referralId)
        .execute();
    },
  };
}

export type IssueStore = ReturnType<typeof createIssueStore>;
