import { useTranslation } from "react-i18next";
import { fieldErrorOf } from "./field-errors";

/** The message to show beside `field` when the API's refusal names that field; else undefined. */
export function useFieldErrorFor(error: unknown): (field: string) => string | undefined {
  const { t } = useTranslation();
  const fieldError = fieldErrorOf(error);
  return (field) =>
    fieldError?.field === field ? t(fieldError.key, fieldError.values) : undefined;
}
