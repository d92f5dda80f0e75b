import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, clientErrorCodes } from "./api-client";

const clientErrorKeys: Readonly<Record<string, string>> = {
  [clientErrorCodes.network]: "web.errors.network",
  [clientErrorCodes.badResponse]: "web.errors.badResponse",
};

type Printable = string | number | boolean;

/** ICU arguments must be plain values: lists are joined and null is shown as a dash. */
function toMessageValues(details: Record<string, unknown>): Record<string, Printable> {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]): [string, Printable] => {
      if (Array.isArray(value)) return [key, value.join(", ")];
      if (value === null || value === undefined) return [key, "—"];
      if (typeof value === "object") return [key, JSON.stringify(value)];
      return [key, value as Printable];
    }),
  );
}

/** Turns any failure into a sentence in the current language: `errors.<code>` with its details. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        const key = clientErrorKeys[error.code] ?? `errors.${error.code}`;
        if (i18n.exists(key)) return t(key, toMessageValues(error.details));
      }
      return t("errors.internal");
    },
    [t, i18n],
  );
}
