import type { ExportFormat, ExportKind } from "../../../core/schemas/personnel-export";

/** The People page's search as it sits in the URL (`?q=&page=`, the unit from the header). */
export interface PersonSearchValues {
  readonly q: string | null;
  readonly unit: number | null;
  readonly page: number;
}

const isIsoDate = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** `GET /api/persons` for the search; blank and malformed values are left out. */
export function personSearchUrl(values: PersonSearchValues): string {
  const query = new URLSearchParams();
  const q = values.q?.trim();
  if (q) query.set("q", q);
  if (values.unit !== null && Number.isInteger(values.unit) && values.unit > 0) {
    query.set("unit", String(values.unit));
  }
  if (Number.isInteger(values.page) && values.page > 1) query.set("page", String(values.page));
  const text = query.toString();
  return text ? `/api/persons?${text}` : "/api/persons";
}

/** A download link for the register or its event history, as of a date, for a unit's subtree. */
export function exportUrl(
  kind: ExportKind,
  format: ExportFormat,
  values: { readonly at: string | null; readonly unit: number | null },
): string {
  const query = new URLSearchParams();
  if (isIsoDate(values.at)) query.set("at", values.at);
  if (values.unit !== null && Number.isInteger(values.unit) && values.unit > 0) {
    query.set("unit", String(values.unit));
  }
  query.set("format", format);
  return `/api/exports/${kind}?${query.toString()}`;
}

/** A positive page number from the URL; anything else is page 1. */
export function parsePage(raw: string | null): number {
  const page = raw === null ? NaN : Number(raw);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}
