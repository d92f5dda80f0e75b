import { csvLine } from "../../../core/csv/write";
import type { CommunityDemo } from "../../../core/demo/community";
import type { ContactSealer } from "../../security/contact-sealer";

type Cell = string | number | boolean | null;
const iso = (minute: number) => new Date(minute * 60_000).toISOString();
const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Database ids the rows point at: the first id of each table the loader numbers, and lookups. */
export interface CommunityRowIds {
  readonly stakeholders: number;
  readonly sessions: number;
  readonly issues: number;
  readonly referrals: number;
  readonly responses: number;
  readonly unitId: (index: number) => number | null;
  readonly topics: ReadonlyMap<string, number>;
  readonly categories: ReadonlyMap<string, number>;
  readonly questions: ReadonlyMap<string, { id: number }>;
  readonly surveyId: number | null;
  readonly sealer: ContactSealer | null;
}

/** The demo as CSV lines per table, in an order that satisfies the foreign keys: [table, columns, lines]. */
export function buildCommunityRows(
  demo: CommunityDemo,
  ids: CommunityRowIds,
): Array<[string, string[], string[]]> {
  const table = (name: string, columns: string[]) => ({ name, columns, lines: [] as string[] });
  const t = {
    stakeholders: table("stakeholders", [
      "id",
      "name",
      "type",
      "services",
      "contacts",
      "is_active",
    ]),
    coverage: table("stakeholder_coverage", ["stakeholder_id", "org_unit_id"]),
    sessions: table("outreach_sessions", [
      "id",
      "org_unit_id",
      "held_on",
      "place",
      "latitude",
      "longitude",
      "notes",
      "officers_f",
      "officers_m",
      "officers_x",
      "officers_u",
      "created_at",
      "updated_at",
    ]),
    attendance: table("outreach_attendance", ["session_id", "sex", "age_group", "count"]),
    topics: table("outreach_session_topics", ["session_id", "topic_id"]),
    partners: table("outreach_session_partners", ["session_id", "stakeholder_id"]),
    issues: table("community_issues", [
      "id",
      "reference",
      "source",
      "category_id",
      "description",
      "place",
      "outreach_session_id",
      "raised_by_sex",
      "raised_by_age_group",
      "is_anonymous",
      "contact_encrypted",
      "woman_officer_requested",
      "woman_officer_assigned",
      "status",
      "status_reason",
      "first_outcome",
      "first_outcome_at",
      "closed_at",
      "reopen_count",
      "org_unit_id",
      "due_on",
      "resident_confirmation",
      "resident_confirmed_at",
      "created_at",
      "updated_at",
    ]),
    referrals: table("referrals", [
      "id",
      "issue_id",
      "stakeholder_id",
      "request",
      "sent_on",
      "response",
      "response_on",
      "outcome",
      "created_at",
      "updated_at",
    ]),
    events: table("community_issue_events", [
      "issue_id",
      "kind",
      "from_status",
      "to_status",
      "reason",
      "note",
      "is_internal",
      "referral_id",
      "actor_kind",
      "occurred_at",
    ]),
    responses: table("feedback_responses", [
      "id",
      "survey_id",
      "issue_id",
      "outreach_session_id",
      "org_unit_id",
      "channel",
      "respondent_sex",
      "respondent_age_group",
      "submitted_at",
    ]),
    answers: table("feedback_answers", ["response_id", "question_id", "scale_value", "choice"]),
  };
  const add = (target: { lines: string[] }, values: Cell[]) => target.lines.push(csvLine(values));

  demo.stakeholders.forEach((s, i) => {
    add(t.stakeholders, [ids.stakeholders + i, s.name, s.type, s.services, s.contacts, s.isActive]);
    for (const u of s.unitIndexes) add(t.coverage, [ids.stakeholders + i, ids.unitId(u)]);
  });
  demo.sessions.forEach((s, i) => {
    const id = ids.sessions + i;
    const at = iso(s.day * 1440 + 17 * 60);
    add(t.sessions, [
      id,
      ids.unitId(s.unitIndex),
      isoDay(s.day),
      s.place,
      s.coordinates?.latitude ?? null,
      s.coordinates?.longitude ?? null,
      s.notes,
      s.officers.F,
      s.officers.M,
      s.officers.X,
      s.officers.U,
      at,
      at,
    ]);
    for (const c of s.attendance) add(t.attendance, [id, c.sex, c.ageGroup, c.count]);
    for (const code of s.topicCodes) add(t.topics, [id, ids.topics.get(code) ?? null]);
    for (const p of s.partnerIndexes) add(t.partners, [id, ids.stakeholders + p]);
  });
  let referralId = ids.referrals;
  demo.issues.forEach((issue, i) => {
    const id = ids.issues + i;
    const contact =
      issue.contact !== null && ids.sealer ? ids.sealer.seal(issue.reference, issue.contact) : null;
    const lastAt = issue.events.reduce((max, e) => Math.max(max, e.at), issue.createdAt);
    add(t.issues, [
      id,
      issue.reference,
      issue.source,
      ids.categories.get(issue.categoryCode) ?? null,
      issue.description,
      issue.place,
      issue.sessionIndex === null ? null : ids.sessions + issue.sessionIndex,
      issue.sex,
      issue.ageGroup,
      issue.isAnonymous,
      contact,
      issue.womanOfficerRequested,
      issue.womanOfficerAssigned,
      issue.status,
      issue.statusReason,
      issue.firstOutcome,
      issue.firstOutcomeAt === null ? null : iso(issue.firstOutcomeAt),
      issue.closedAt === null ? null : iso(issue.closedAt),
      issue.reopenCount,
      ids.unitId(issue.unitIndex),
      isoDay(issue.dueDay),
      issue.residentConfirmation,
      issue.residentConfirmedAt === null ? null : iso(issue.residentConfirmedAt),
      iso(issue.createdAt),
      iso(lastAt),
    ]);
    const firstReferral = referralId;
    for (const r of issue.referrals) {
      add(t.referrals, [
        referralId++,
        id,
        ids.stakeholders + r.stakeholderIndex,
        r.request,
        isoDay(Math.floor(r.sentAt / 1440)),
        r.response,
        r.respondedAt === null ? null : isoDay(Math.floor(r.respondedAt / 1440)),
        r.outcome,
        iso(r.sentAt),
        iso(r.respondedAt ?? r.sentAt),
      ]);
    }
    for (const e of issue.events) {
      add(t.events, [
        id,
        e.kind,
        e.from,
        e.to,
        e.reason,
        e.note,
        e.isInternal,
        e.referralIndex === null ? null : firstReferral + e.referralIndex,
        e.actor,
        iso(e.at),
      ]);
    }
  });
  demo.feedback.forEach((f, i) => {
    const id = ids.responses + i;
    add(t.responses, [
      id,
      ids.surveyId,
      f.issueIndex === null ? null : ids.issues + f.issueIndex,
      f.sessionIndex === null ? null : ids.sessions + f.sessionIndex,
      ids.unitId(f.unitIndex),
      f.channel,
      f.sex,
      f.ageGroup,
      iso(f.submittedAt),
    ]);
    for (const a of f.answers)
      add(t.answers, [id, ids.questions.get(a.code)?.id ?? null, a.value, a.choice]);
  });
  return Object.values(t).map((x) => [x.name, x.columns, x.lines]);
}
