import type { Translator } from "./i18n";
import type { ApiFailure } from "./outbox";

/**
 * A failure in the resident's language: the API's code as `errors.<code>` with its details, a
 * missing connection, or an unexpected answer (with its status).
 */
export function errorMessage(translator: Translator, failure: ApiFailure): string {
  if (failure.code === "network") return translator.t("web.publicChannel.errors.network");
  const key = `errors.${failure.code}`;
  if (failure.code !== "unexpected" && translator.has(key)) {
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(failure.details)) {
      if (typeof value === "string" || typeof value === "number") values[name] = value;
    }
    return translator.t(key, values);
  }
  const { status } = failure.details;
  return translator.t("web.publicChannel.errors.unexpected", {
    status: typeof status === "number" ? status : failure.code,
  });
}
