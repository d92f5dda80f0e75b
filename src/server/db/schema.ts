import type { ColumnType, Generated } from "kysely";

/** Kysely's view of the tables created by `migrations/*.sql`. Keep in step with the SQL. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns are read as ISO strings (`YYYY-MM-DD`) on both engines (see db/client.ts). */
type DateString = ColumnType<string, string, string>;
/** `bigint` ids are read as JavaScript numbers (see db/client.ts); safe below 2^53. */
type BigId = ColumnType<number, number | undefined, number>;

export type { Sex } from "../../core/schemas/sex";
import type { Sex } from "../../core/schemas/sex";
export type OrgUnitKind = "hq" | "province" | "district" | "station" | "national_unit";
export type { CareerEventType } from "../../core/schemas/workforce-events";
import type { CareerEventType } from "../../core/schemas/workforce-events";
import type { CommunityTables } from "./schema-community";

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

export interface AppMetaTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}

export interface OrgUnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: OrgUnitKind;
  specialisation: string | null;
  parent_id: number | null;
  path: string;
  opened_on: ColumnType<string, string | undefined, string>;
  closed_on: DateString | null;
}

export interface OrgUnitVersionsTable {
  id: Generated<number>;
  org_unit_id: number;
  valid_from: DateString;
  valid_to: DateString | null;
  code: string;
  name: string;
  kind: OrgUnitKind;
  specialisation: string | null;
  parent_id: number | null;
  path: string;
  is_closed: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface RankGroupsTable {
  id: Generated<number>;
  code: string;
  name: string;
  ordinal: number;
  is_top: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface RanksTable {
  id: Generated<number>;
  code: string;
  name: string;
  ordinal: number;
  rank_group_id: number;
  is_active: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface JobRolesTable {
  id: Generated<number>;
  code: string;
  name: string;
  specialisation: string | null;
  is_leadership: ColumnType<boolean, boolean | undefined, boolean>;
  is_active: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface PersonsTable {
  id: BigId;
  service_number: string;
  sex: Sex;
  birth_year: number | null;
  created_at: Timestamp;
}

export interface CareerEventsTable {
  id: BigId;
  person_id: number;
  event_type: CareerEventType;
  effective_date: DateString;
  rank_id: number | null;
  org_unit_id: number | null;
  job_role_id: number | null;
  reason: string | null;
  recorded_at: Timestamp;
  import_batch_id: number | null;
}

export interface ImportBatchesTable {
  id: BigId;
  kind: "personnel_snapshot" | "personnel_events";
  file_name: string;
  file_sha256: string;
  as_of: DateString | null;
  options: ColumnType<unknown, string, string>;
  counts: ColumnType<unknown, string, string>;
  imported_by: number | null;
  org_unit_id: number | null;
  imported_at: Timestamp;
}

export interface CareerEventRetractionsTable {
  event_id: number;
  replacement_event_id: number | null;
  reason: string;
  retracted_by: number | null;
  retracted_at: Timestamp;
}

export interface ImportMappingsTable {
  id: Generated<number>;
  kind: "personnel";
  name: string;
  mapping: ColumnType<unknown, string, string>;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface CareerSpellsTable {
  person_id: number;
  valid_from: DateString;
  valid_to: DateString | null;
  rank_id: number;
  org_unit_id: number;
  job_role_id: number | null;
  is_leadership: ColumnType<boolean, boolean | undefined, boolean>;
  on_leave: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  locale: ColumnType<string, string | undefined, string>;
  is_disabled: ColumnType<boolean, boolean | undefined, boolean>;
  password_changed_at: Timestamp;
  created_at: Timestamp;
}

export interface RoleAssignmentsTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  org_unit_id: number;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
  state: ColumnType<SessionState, SessionState | undefined, SessionState>;
  csrf_token: string;
}

export type SessionState = "active" | "second_factor" | "enrolment";

export interface SignInThrottleTable {
  kind: "account" | "ip";
  key: string;
  window_started_at: Timestamp;
  failures: number;
  locked_until: Date | null;
}

export interface UserTotpTable {
  user_id: number;
  secret_encrypted: string;
  created_at: Timestamp;
  confirmed_at: Date | null;
  last_used_step: number | null;
}

export interface UserRecoveryCodesTable {
  user_id: number;
  code_hash: string;
  used_at: Date | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  role: string;
  org_unit_id: number;
  created_by: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/** The columns of an audit entry, in `audit_log` and in `audit_inbox` alike. */
interface AuditEntryColumns {
  occurred_at: ColumnType<Date, Date, never>;
  actor_user_id: number | null;
  actor_username: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  org_unit_id: number | null;
  fields: ColumnType<string[], readonly string[], never>;
  outcome: "success" | "failure" | "denied";
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable extends AuditEntryColumns {
  id: BigId;
  prev_hash: string;
  hash: string;
}

/** Migration 0014 (decision 0017): entries appended inside writes, waiting to be linked into the chain. */
export interface AuditInboxTable extends AuditEntryColumns {
  id: ColumnType<number, never, never>;
}

/** Migration 0008: a target share of women per unit, rank group (null = all ranks) and year. */
export interface RepresentationTargetsTable {
  id: Generated<number>;
  org_unit_id: number;
  rank_group_id: number | null;
  target_year: number;
  /** Basis points, 0–10000 (15.5% is 1550). */
  target_share_bp: number;
  note: string | null;
  created_by: number | null;
  updated_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Every table; the community tables (migration 0009) are declared in schema-community.ts. */
export interface DB extends CommunityTables {
  schema_migrations: SchemaMigrationsTable;
  app_meta: AppMetaTable;
  org_units: OrgUnitsTable;
  org_unit_versions: OrgUnitVersionsTable;
  rank_groups: RankGroupsTable;
  ranks: RanksTable;
  job_roles: JobRolesTable;
  persons: PersonsTable;
  career_events: CareerEventsTable;
  career_spells: CareerSpellsTable;
  import_batches: ImportBatchesTable;
  career_event_retractions: CareerEventRetractionsTable;
  import_mappings: ImportMappingsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  sign_in_throttle: SignInThrottleTable;
  user_totp: UserTotpTable;
  user_recovery_codes: UserRecoveryCodesTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  audit_inbox: AuditInboxTable;
  representation_targets: RepresentationTargetsTable;
}
