import type { ColumnType, Generated } from "kysely";
import type { IssueStatus } from "../../core/community/issue-lifecycle";
import type {
  AgeGroup,
  AttendanceAgeGroup,
  FeedbackChannel,
  FeedbackChoice,
  FeedbackQuestionKind,
  IssueActorKind,
  IssueEventKind,
  IssueSource,
  ReferralOutcome,
  ResidentConfirmation,
  StakeholderType,
} from "../../core/community/vocabulary";
import type { Locale } from "../../core/schemas/auth";
import type { Sex } from "../../core/schemas/sex";

/** Kysely's view of the tables of migration 0009 (community policing); part of `DB` in schema.ts. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = ColumnType<string, string, string>;
type BigId = ColumnType<number, number | undefined, number>;
type Flag = ColumnType<boolean, boolean | undefined, boolean>;
type Count = ColumnType<number, number | undefined, number>;

export interface StakeholdersTable {
  id: Generated<number>;
  name: string;
  type: StakeholderType;
  services: ColumnType<string, string | undefined, string>;
  contacts: ColumnType<string, string | undefined, string>;
  is_active: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StakeholderCoverageTable {
  stakeholder_id: number;
  org_unit_id: number;
}

/** outreach_topics and issue_categories share this shape. */
export interface TaxonomyTable {
  id: Generated<number>;
  code: string;
  /** Null for seeded rows: their name is the locale key `community.topics|categories.<code>`. */
  name: string | null;
  is_active: Flag;
  sort_order: Count;
}

export interface OutreachSessionsTable {
  id: BigId;
  org_unit_id: number;
  held_on: DateString;
  place: string;
  latitude: number | null;
  longitude: number | null;
  notes: ColumnType<string, string | undefined, string>;
  officers_f: Count;
  officers_m: Count;
  officers_x: Count;
  officers_u: Count;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OutreachAttendanceTable {
  session_id: number;
  sex: Sex;
  age_group: AttendanceAgeGroup;
  count: number;
}

export interface OutreachSessionTopicsTable {
  session_id: number;
  topic_id: number;
}

export interface OutreachSessionPartnersTable {
  session_id: number;
  stakeholder_id: number;
}

export interface CommunityIssuesTable {
  id: BigId;
  reference: string;
  source: IssueSource;
  category_id: number;
  description: string;
  place: string | null;
  outreach_session_id: number | null;
  raised_by_sex: Sex | null;
  raised_by_age_group: AgeGroup | null;
  is_anonymous: Flag;
  contact_encrypted: string | null;
  woman_officer_requested: Flag;
  woman_officer_assigned: Flag;
  status: ColumnType<IssueStatus, IssueStatus | undefined, IssueStatus>;
  status_reason: string | null;
  first_outcome: IssueStatus | null;
  first_outcome_at: Date | null;
  closed_at: Date | null;
  reopen_count: Count;
  assignee_id: number | null;
  org_unit_id: number;
  due_on: DateString | null;
  follow_up_secret_hash: string | null;
  resident_confirmation: ResidentConfirmation | null;
  resident_confirmed_at: Date | null;
  /** The resident's language (public channel, migration 0010); null when an officer recorded it. */
  language: ColumnType<Locale | null, Locale | null | undefined, Locale | null>;
  /** SHA-256 of the public page's client id, UNIQUE (migration 0012): a retry returns the same receipt. */
  client_key_hash: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CommunityIssueTransitionsTable {
  from_status: IssueStatus;
  to_status: IssueStatus;
}

export interface CommunityIssueEventsTable {
  id: BigId;
  issue_id: number;
  kind: IssueEventKind;
  from_status: IssueStatus | null;
  to_status: IssueStatus | null;
  reason: string | null;
  note: string | null;
  is_internal: Flag;
  assignee_id: number | null;
  referral_id: number | null;
  fields: ColumnType<string[], readonly string[] | undefined, never>;
  actor_kind: IssueActorKind;
  actor_user_id: number | null;
  occurred_at: Timestamp;
  /** The resident's answer of a `resident_confirmation` entry (migration 0010). */
  confirmation: ColumnType<
    ResidentConfirmation | null,
    ResidentConfirmation | null | undefined,
    never
  >;
}

export interface ReferralsTable {
  id: BigId;
  issue_id: number;
  stakeholder_id: number;
  request: string;
  sent_on: DateString;
  response: string | null;
  response_on: DateString | null;
  outcome: ReferralOutcome | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FeedbackSurveysTable {
  id: Generated<number>;
  code: string;
  name: string | null;
  is_active: Flag;
}

export interface FeedbackQuestionsTable {
  id: Generated<number>;
  survey_id: number;
  position: number;
  code: string;
  kind: FeedbackQuestionKind;
  text: string | null;
}

export interface FeedbackResponsesTable {
  id: BigId;
  survey_id: number;
  issue_id: number | null;
  outreach_session_id: number | null;
  org_unit_id: number;
  channel: FeedbackChannel;
  respondent_sex: Sex | null;
  respondent_age_group: AgeGroup | null;
  entered_by: number | null;
  submitted_at: Timestamp;
  /** Migration 0011: the respondent's own words, verbatim. */
  comment: string | null;
}

export interface FeedbackAnswersTable {
  response_id: number;
  question_id: number;
  scale_value: number | null;
  choice: FeedbackChoice | null;
}

export interface CommunityTables {
  stakeholders: StakeholdersTable;
  stakeholder_coverage: StakeholderCoverageTable;
  outreach_topics: TaxonomyTable;
  issue_categories: TaxonomyTable;
  outreach_sessions: OutreachSessionsTable;
  outreach_attendance: OutreachAttendanceTable;
  outreach_session_topics: OutreachSessionTopicsTable;
  outreach_session_partners: OutreachSessionPartnersTable;
  community_issues: CommunityIssuesTable;
  community_issue_transitions: CommunityIssueTransitionsTable;
  community_issue_events: CommunityIssueEventsTable;
  referrals: ReferralsTable;
  feedback_surveys: FeedbackSurveysTable;
  feedback_questions: FeedbackQuestionsTable;
  feedback_responses: FeedbackResponsesTable;
  feedback_answers: FeedbackAnswersTable;
}
