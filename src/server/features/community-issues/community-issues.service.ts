import { rolesWith } from "../../../core/access/permissions";
import { pageOf, pageWindow } from "../../../core/community/paging";
import { AppError } from "../../../core/errors";
import type {
  CreateIssueInput,
  IssueAssignees,
  IssueContact,
  IssueDetail,
  IssueEvent,
  IssueListQuery,
  IssuePage,
} from "../../../core/schemas/community-issues";
import { recordWrite } from "../../audit/record-write";
import type { AuditActor } from "../../audit/recorder";
import { requireUnitPathInScope, type Scope } from "../../http/scope";
import { createIssueActions } from "./issue-actions";
import type { IssueCaller, IssueServiceDeps } from "./issue-caller";
import { toIssueDetail, type IssueRecord } from "./issue-record";

/** Field names recorded when contact details are decrypted (never the values). */
export const CONTACT_READ_FIELDS = ["contact"] as const;

const issueNotFound = (id: number) => new AppError("community.not_found", { entity: "issue", id });

const toPage = (rows: IssueRecord[], page: number): IssuePage => {
  const { items, ...rest } = pageOf(rows, page);
  return { issues: items.map((r) => r.summary), ...rest };
};

/**
 * Community issues: lists and the "my work" queue, one issue with its referrals and history, the
 * audited read of contact details, recording an issue, and (issue-actions.ts) every change.
 * Reads and writes are limited to the caller's org-unit subtree; outside it an issue is "not found".
 */
export function createCommunityIssuesService(deps: IssueServiceDeps) {
  const { repo } = deps;

  const findRecord = async (scope: Scope, id: number): Promise<IssueRecord> => {
    const record = await repo.find(scope, deps.today(), id);
    if (!record) throw issueNotFound(id);
    return record;
  };
  const read = async (scope: Scope, id: number): Promise<IssueDetail> =>
    toIssueDetail(await findRecord(scope, id), await repo.referrals(id));

  return {
    read,

    async list(scope: Scope, userId: number, query: IssueListQuery): Promise<IssuePage> {
      const unitPath =
        query.unit === undefined
          ? undefined
          : await requireUnitPathInScope(scope, query.unit, repo.unitPath);
      const assignee = query.assignee;
      const rows = await repo.list(
        scope,
        deps.today(),
        {
          ...(query.status === undefined ? {} : { status: query.status }),
          ...(query.open === undefined ? {} : { isOpen: query.open }),
          ...(query.category === undefined ? {} : { categoryId: query.category }),
          ...(query.source === undefined ? {} : { source: query.source }),
          ...(query.overdue === undefined ? {} : { isOverdue: query.overdue }),
          ...(assignee === undefined
            ? {}
            : {
                assigneeId:
                  assignee === "none" ? null : assignee === "me" ? userId : Number(assignee),
              }),
          ...(unitPath === undefined ? {} : { unitPath }),
          ...(query.womanOfficer === undefined
            ? {}
            : { isWomanOfficerRequested: query.womanOfficer }),
        },
        pageWindow(query.page),
        query.sort,
      );
      return toPage(rows, query.page);
    },

    /** Open issues assigned to the caller or unassigned where they may work; overdue first. */
    async myWork(caller: IssueCaller, page: number): Promise<IssuePage> {
      const userId = caller.actor.userId ?? 0;
      const rows = await repo.myWork(
        caller.read,
        caller.write,
        userId,
        deps.today(),
        pageWindow(page),
      );
      return toPage(rows, page);
    },

    /** Who the caller may assign the issue to: those who may work on issues of its unit. */
    async assignees(caller: IssueCaller, id: number): Promise<IssueAssignees> {
      const record = await findRecord(caller.write, id);
      const path = await requireUnitPathInScope(
        caller.write,
        record.summary.unit.id,
        repo.unitPath,
      );
      return { assignees: await repo.usersServing(path, rolesWith("community.write")) };
    },

    async history(scope: Scope, id: number): Promise<IssueEvent[]> {
      await findRecord(scope, id);
      return repo.history(id);
    },

    /** Decrypts the resident's contact details: a person-level read, always audited. */
    async readContact(scope: Scope, id: number, actor: AuditActor): Promise<IssueContact> {
      const record = await findRecord(scope, id);
      const { reference, isAnonymous, unit } = record.summary;
      const contact =
        record.contactEncrypted === null
          ? null
          : deps.sealer.open(reference, record.contactEncrypted);
      await deps.audit.record({
        actor,
        action: "community_issue.contact_read",
        entityType: "community_issue",
        entityId: String(id),
        orgUnitId: unit.id,
        fields: CONTACT_READ_FIELDS,
        outcome: "success",
      });
      return { contact, isAnonymous };
    },

    /** Records an issue (and its on-the-spot solution, if so) in one transaction. */
    create(caller: IssueCaller, input: CreateIssueInput): Promise<IssueDetail> {
      const { source, unitId, outreachSessionId, assigneeId, ...problem } = input;
      return recordWrite(
        deps.audit,
        {
          actor: caller.actor,
          action: "community_issue.create",
          entityType: "community_issue",
          entityId: null,
          orgUnitId: unitId,
          fields: Object.keys(input).map((key) => (key === "contact" ? "contact_encrypted" : key)),
        },
        async () => {
          const { id } = await repo.transaction(async (store) => {
            if (outreachSessionId !== undefined) {
              const sessionUnit = await store.sessionUnit(caller.write, outreachSessionId);
              if (sessionUnit === undefined || source !== "outreach") {
                throw new AppError("community.invalid_value", {
                  field: "outreachSessionId",
                  value: outreachSessionId,
                  reason: sessionUnit === undefined ? "unknown" : "not_allowed",
                });
              }
            }
            return deps.intake.record(
              store,
              {
                scope: caller.write,
                actorUserId: caller.actor.userId,
                source,
                unitId,
                outreachSessionId: outreachSessionId ?? null,
                assigneeId: assigneeId ?? null,
                fieldPrefix: "",
              },
              problem,
            );
          });
          return read(caller.read, id);
        },
        (created) => ({ entityId: String(created.id) }),
      );
    },

    ...createIssueActions(deps, read),
  };
}

export type CommunityIssuesService = ReturnType<typeof createCommunityIssuesService>;
