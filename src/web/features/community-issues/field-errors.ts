import { ApiError } from "../../lib/api-client";

/** A refusal the form can show beside one of its fields: the message key and its values. */
export interface FieldError {
  readonly field: string;
  readonly key: string;
  readonly values: Readonly<Record<string, string | number>>;
}

const invalidReasons = new Set([
  "unknown",
  "duplicate",
  "future",
  "too_early",
  "incomplete",
  "not_eligible",
  "not_allowed",
]);

/** `problems[2].description` or `/raisedBy/sex` → the form's name for it (`description`, `raisedBy.sex`). */
function formField(name: string): string {
  return name
    .replace(/^problems\[\d+\]\./, "")
    .replace(/^\//, "")
    .replaceAll("/", ".");
}

/**
 * The field an API refusal is about, with a short message for beside that field, or null when
 * the refusal concerns no field (then the form shows the whole error). Reads the AppError codes of
 * community writes: `community.text_too_long`, `community.invalid_value`, `org_unit.not_found`
 * (the unit) and `request.invalid` (schema checks, with the JSON path of each issue).
 */
export function fieldErrorOf(error: unknown): FieldError | null {
  if (!(error instanceof ApiError)) return null;
  const { code, details } = error;
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  const count = (value: unknown) => (typeof value === "number" ? value : 0);
  switch (code) {
    case "community.text_too_long": {
      const field = text(details.field);
      if (field === null) return null;
      return {
        field: formField(field),
        key: "web.communityIssues.fieldError.tooLong",
        values: { length: count(details.length), maxLength: count(details.maxLength) },
      };
    }
    case "community.invalid_value": {
      const field = text(details.field);
      if (field === null) return null;
      const reason = text(details.reason) ?? "other";
      return {
        field: formField(field),
        key: `web.communityIssues.fieldError.${invalidReasons.has(reason) ? reason : "other"}`,
        values: {},
      };
    }
    case "org_unit.not_found":
      return { field: "unitId", key: "web.communityIssues.fieldError.unit", values: {} };
    case "request.invalid": {
      const issues = Array.isArray(details.issues) ? (details.issues as unknown[]) : [];
      const first = issues[0];
      const path =
        typeof first === "object" && first !== null
          ? text((first as { path?: unknown }).path)
          : null;
      if (path === null || path === "/") return null;
      return { field: formField(path), key: "web.communityIssues.fieldError.other", values: {} };
    }
    default:
      return null;
  }
}
