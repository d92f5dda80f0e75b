import type { ErrorCode } from "../../core/errors";

/** The one table from error code to HTTP status. */
export const errorStatus: Readonly<Record<ErrorCode, number>> = {
  "config.invalid": 500,
  "db.unreachable": 503,
  "db.schema_newer_than_code": 503,
  "db.migration_changed": 503,
  "db.data_dir_locked": 503,
  "db.data_dir_not_writable": 503,
  "db.data_dir_corrupt": 503,
  "auth.invalid_credentials": 401,
  "auth.required": 401,
  "auth.forbidden": 403,
  "request.invalid": 400,
  "request.not_found": 404,
  "user.exists": 409,
  "user.not_found": 404,
  "user.password_too_short": 400,
  "org_unit.not_found": 404,
  "demo.already_loaded": 409,
  internal: 500,
};
