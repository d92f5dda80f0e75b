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
  "request.invalid",
  "request.not_found",
  "user.exists",
  "user.not_found",
  "user.password_too_short",
  "org_unit.not_found",
  "demo.already_loaded",
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
