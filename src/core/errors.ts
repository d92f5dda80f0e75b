/** Stable error codes. The HTTP status of each lives in `server/http/error-status.ts`; the UI text in `errors.<code>`. */
export const errorCodes = [
  "config.invalid",
  "db.unreachable",
  "db.schema_newer_than_code",
  "db.migration_changed",
  "db.data_dir_locked",
  "db.data_dir_not_writable",
  "db.data_dir_corrupt",
  "auth.invalid_credentials",
  "auth.required",
  "auth.forbidden",
  "auth.locked",
  "auth.csrf",
  "auth.second_factor_invalid",
  "auth.enrolment_required",
  "auth.password_incorrect",
  "auth.two_factor_already_enabled",
  "auth.two_factor_not_started",
  "auth.two_factor_not_enabled",
  "request.invalid",
  "request.not_found",
  "user.exists",
  "user.not_found",
  "user.password_too_short",
  "user.password_common",
  "api_token.not_found",
  "org_unit.not_found",
  "indicators.breakdown_not_allowed",
  "indicators.period_invalid",
  "cli.option_invalid",
  "org_unit.code_taken",
  "org_unit.cycle",
  "org_unit.is_root",
  "org_unit.is_closed",
  "org_unit.has_open_children",
  "org_unit.has_staff",
  "org_unit.history_conflict",
  "org_unit.date_out_of_range",
  "import.encoding_unsupported",
  "import.rows_invalid",
  "import.encoding_invalid",
  "import.file_type_mismatch",
  "import.file_type_unsupported",
  "import.file_corrupt",
  "import.cell_too_large",
  "import.row_too_large",
  "import.too_many_rows",
  "import.truncated",
  "import.archive_too_large",
  "import.sheet_not_found",
  "import.file_too_large",
  "import.register_changed",
  "user.cannot_change_self",
  "user.last_admin",
  "user.two_factor_reset_self",
  "role_assignment.not_found",
  "role_assignment.exists",
  "demo.already_loaded",
  "person.not_found",
  "career_event.not_found",
  "career_event.already_retracted",
  "career_event.correction_inconsistent",
  "register.not_found",
  "register.code_taken",
  "register.code_in_use",
  "register.rank_order_invalid",
  "register.rank_in_post",
  "projection.grade_without_history",
  "projection.rank_group_unknown",
  "projection.target_year_out_of_range",
  "projection.hiring_share_required",
  "target.not_found",
  "target.exists",
  "target.share_invalid",
  "target.year_invalid",
  "reports.chromium_missing",
  "community.not_found",
  "community.transition_not_allowed",
  "community.reason_required",
  "community.text_too_long",
  "community.invalid_value",
  "community.issue_closed",
  "community.code_taken",
  "public.not_found",
  "public.rate_limited",
  "public.encoding_invalid",
  "public.text_invalid",
  "public.body_too_large",
  "public.submission_refused",
  "public.contact_required",
  "public.confirmation_not_open",
  "feedback.answer_invalid",
  "feedback.not_open",
  "feedback.already_answered",
  "internal",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type ErrorDetails = Record<string, string | number | boolean | null | string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, details: ErrorDetails = {}, message?: string) {
    super(message ?? code);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
