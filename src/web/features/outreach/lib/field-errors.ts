/** A message for one form field: a locale key under `web.outreach.fieldErrors` and its values. */
export interface FieldError {
  readonly key: FieldErrorKey;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** Messages by field name as the API names fields: `place`, `problems[0].description`, … */
export type FieldErrors = Readonly<Record<string, FieldError>>;

export const fieldErrorKeys = [
  "required",
  "invalidDate",
  "invalidNumber",
  "coordinatesPair",
  "latitudeRange",
  "longitudeRange",
  "unknown",
  "duplicate",
  "future",
  "incomplete",
  "notAllowed",
  "invalid",
  "tooLong",
  "unitNotFound",
] as const;
export type FieldErrorKey = (typeof fieldErrorKeys)[number];

/** `community.invalid_value` reasons → messages; any other reason is "invalid". */
const reasonKeys: Readonly<Record<string, FieldErrorKey>> = {
  unknown: "unknown",
  duplicate: "duplicate",
  future: "future",
  incomplete: "incomplete",
  not_allowed: "notAllowed",
};

/** `/problems/0/description` (a request-validation path) → `problems[0].description`. */
export function fieldOfPointer(pointer: string): string {
  return pointer
    .split("/")
    .filter((part) => part !== "")
    .reduce(
      (field, part) =>
        /^\d+$/.test(part) ? `${field}[${part}]` : field ? `${field}.${part}` : part,
      "",
    );
}

/**
 * The form's name for an API field: a cell of a list (`attendance[3].count`, `topicIds[1]`) is
 * shown on the list as a whole; a problem's own fields keep their index.
 */
export function formFieldOf(apiField: string): string {
  const problem = /^problems\[(\d+)\]\.?([A-Za-z]*)/.exec(apiField);
  if (problem) {
    const [, index, name] = problem;
    return name
      ? `problems[${index}].${name === "raisedBy" ? "raisedBySex" : name}`
      : `problems[${index}]`;
  }
  return apiField.replace(/\[\d+\].*$/, "").replace(/\..*$/, "");
}

interface ApiFailure {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;
}

const text = (value: unknown): string | number =>
  typeof value === "number" || typeof value === "string" ? value : "";

/**
 * The fields an API refusal names, with their messages; null when the refusal names no field (the
 * page then shows it as a whole). Codes: `community.invalid_value` and `community.text_too_long`
 * (their `field`), `org_unit.not_found` (the unit), `request.invalid` (its validation paths).
 */
export function fieldErrorsFromApi(error: ApiFailure): FieldErrors | null {
  const { details } = error;
  switch (error.code) {
    case "community.invalid_value":
      if (typeof details.field !== "string") return null;
      return {
        [formFieldOf(details.field)]: {
          key: reasonKeys[String(details.reason)] ?? "invalid",
          values: { value: text(details.value) },
        },
      };
    case "community.text_too_long":
      if (typeof details.field !== "string") return null;
      return {
        [formFieldOf(details.field)]: {
          key: "tooLong",
          values: { maxLength: text(details.maxLength), length: text(details.length) },
        },
      };
    case "org_unit.not_found":
      return { unitId: { key: "unitNotFound" } };
    case "request.invalid": {
      if (!Array.isArray(details.issues)) return null;
      const entries = details.issues
        .map((issue: unknown) =>
          issue !== null && typeof issue === "object" && "path" in issue ? String(issue.path) : "",
        )
        .filter((path) => path !== "" && path !== "/")
        .map((path): [string, FieldError] => [
          formFieldOf(fieldOfPointer(path)),
          { key: "invalid" },
        ]);
      return entries.length > 0 ? Object.fromEntries(entries) : null;
    }
    default:
      return null;
  }
}
