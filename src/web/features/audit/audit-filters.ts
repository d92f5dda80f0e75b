import type { AuditFilters } from "../../../core/schemas/audit";

/** The audit browser's filters as they sit in the page URL and go to the API (absent = no filter). */
export interface AuditFilterValues {
  readonly user: string | null;
  readonly unit: number | null;
  readonly action: string | null;
  readonly from: string | null;
  readonly to: string | null;
}

const isIsoDate = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Query string for `GET /api/audit` and the CSV export; blank and malformed values are left out. */
export function toAuditQuery(filters: AuditFilterValues): URLSearchParams {
  const query: Partial<Record<keyof AuditFilters, string>> = {};
  const user = filters.user?.trim().toLowerCase();
  if (user) query.user = user;
  if (filters.unit !== null && Number.isInteger(filters.unit) && filters.unit > 0)
    query.unit = String(filters.unit);
  const action = filters.action?.trim();
  if (action) query.action = action;
  if (isIsoDate(filters.from)) query.from = filters.from;
  if (isIsoDate(filters.to)) query.to = filters.to;
  return new URLSearchParams(query);
}

/** The export link for the same filters. */
export function auditExportUrl(filters: AuditFilterValues): string {
  const query = toAuditQuery(filters).toString();
  return query ? `/api/audit/export.csv?${query}` : "/api/audit/export.csv";
}

/** Actions offered in the action filter (any other action, or a prefix ending in ".", can be typed). */
export const suggestedAuditActions = [
  "auth.",
  "auth.sign_in",
  "auth.sign_out",
  "user.",
  "user.create",
  "user.update",
  "user.password_reset",
  "user.two_factor_reset",
  "audit.",
  "audit.read",
  "audit.export",
] as const;

/** `2025-03-01T10:00:05.123Z` → `2025-03-01 10:00:05` (UTC, like the date filters). */
export function formatUtcTimestamp(iso: string): string {
  return iso.slice(0, 19).replace("T", " ");
}
