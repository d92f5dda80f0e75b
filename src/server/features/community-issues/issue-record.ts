import type { Selectable } from "kysely";
import { nextStatuses } from "../../../core/community/issue-lifecycle";
import type { IssueDetail, IssueSummary, Referral } from "../../../core/schemas/community-issues";
import type { CommunityIssuesTable } from "../../db/schema-community";

/** An issue row joined to its unit, category and assignee (see the repository's query). */
export type IssueRow = Selectable<CommunityIssuesTable> & {
  unitCode: string;
  unitName: string;
  categoryCode: string;
  categoryName: string | null;
  assigneeName: string | null;
  isOverdue: boolean | null;
};

/** What the service works with: the API summary plus the columns a detail or a contact read needs. */
export interface IssueRecord {
  readonly summary: IssueSummary;
  readonly contactEncrypted: string | null;
  readonly statusReason: string | null;
  readonly firstOutcome: IssueDetail["firstOutcome"];
  readonly firstOutcomeAt: Date | null;
  readonly closedAt: Date | null;
  readonly residentConfirmation: IssueDetail["residentConfirmation"];
  readonly residentConfirmedAt: Date | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

export function toIssueRecord(row: IssueRow): IssueRecord {
  return {
    summary: {
      id: row.id,
      reference: row.reference,
      source: row.source,
      status: row.status,
      category: { id: row.category_id, code: row.categoryCode, name: row.categoryName },
      unit: { id: row.org_unit_id, code: row.unitCode, name: row.unitName },
      place: row.place,
      description: row.description,
      raisedBy: { sex: row.raised_by_sex, ageGroup: row.raised_by_age_group },
      isAnonymous: row.is_anonymous,
      hasContact: row.contact_encrypted !== null,
      womanOfficerRequested: row.woman_officer_requested,
      womanOfficerAssigned: row.woman_officer_assigned,
      assignee:
        row.assignee_id === null
          ? null
          : { id: row.assignee_id, displayName: row.assigneeName ?? "" },
      dueOn: row.due_on,
      isOverdue: row.isOverdue === true,
      reopenCount: row.reopen_count,
      outreachSessionId: row.outreach_session_id,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    },
    contactEncrypted: row.contact_encrypted,
    statusReason: row.status_reason,
    firstOutcome: row.first_outcome,
    firstOutcomeAt: row.first_outcome_at,
    closedAt: row.closed_at,
    residentConfirmation: row.resident_confirmation,
    residentConfirmedAt: row.resident_confirmed_at,
  };
}

export function toIssueDetail(record: IssueRecord, referrals: Referral[]): IssueDetail {
  return {
    ...record.summary,
    statusReason: record.statusReason,
    firstOutcome: record.firstOutcome,
    firstOutcomeAt: isoOrNull(record.firstOutcomeAt),
    closedAt: isoOrNull(record.closedAt),
    residentConfirmation: record.residentConfirmation,
    residentConfirmedAt: isoOrNull(record.residentConfirmedAt),
    nextStatuses: nextStatuses(record.summary.status, "staff"),
    referrals,
  };
}
