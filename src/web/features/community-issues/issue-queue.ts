import { issueStatuses, type IssueStatus } from "../../../core/community/issue-lifecycle";
import { issueSources, type IssueSource } from "../../../core/community/vocabulary";
import { issueSorts, type IssueSort } from "../../../core/schemas/community-issues";

/** Which queue the page shows: the officer's own work, or every issue in scope with filters. */
export type QueueView = "mine" | "all";

/** The "All issues" filters as they sit in the URL (`?status=&category=&…`); null = any. */
export interface QueueFilters {
  readonly status: IssueStatus | null;
  readonly category: number | null;
  readonly source: IssueSource | null;
  readonly overdue: boolean | null;
  readonly womanOfficer: boolean | null;
  readonly sort: IssueSort;
  readonly page: number;
}

/** The URL parameters the filters use, cleared together by "clear filters". */
export const filterParams = [
  "status",
  "category",
  "source",
  "overdue",
  "womanOfficer",
  "sort",
  "page",
] as const;

const oneOf = <T extends string>(values: readonly T[], raw: string | null): T | null =>
  raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : null;

const flag = (raw: string | null): boolean | null =>
  raw === "true" ? true : raw === "false" ? false : null;

const positiveInt = (raw: string | null): number | null => {
  const value = raw === null ? NaN : Number(raw);
  return Number.isInteger(value) && value > 0 ? value : null;
};

/** Reads the filters from the query string; unknown and malformed values mean "any". */
export function readQueueFilters(params: URLSearchParams): QueueFilters {
  return {
    status: oneOf(issueStatuses, params.get("status")),
    category: positiveInt(params.get("category")),
    source: oneOf(issueSources, params.get("source")),
    overdue: flag(params.get("overdue")),
    womanOfficer: flag(params.get("womanOfficer")),
    sort: oneOf(issueSorts, params.get("sort")) ?? "newest",
    page: positiveInt(params.get("page")) ?? 1,
  };
}

/** The view in the URL (`?view=`); without one, officers who may work on issues start in "my work". */
export function readQueueView(raw: string | null, canWork: boolean): QueueView {
  if (!canWork) return "all";
  return raw === "all" ? "all" : "mine";
}

/** `GET /api/community-issues` for the filters, limited to `unit`'s subtree when one is chosen. */
export function issueListUrl(filters: QueueFilters, unit: number | null): string {
  const query = new URLSearchParams();
  if (filters.status !== null) query.set("status", filters.status);
  if (filters.category !== null) query.set("category", String(filters.category));
  if (filters.source !== null) query.set("source", filters.source);
  if (filters.overdue !== null) query.set("overdue", String(filters.overdue));
  if (filters.womanOfficer !== null) query.set("womanOfficer", String(filters.womanOfficer));
  if (unit !== null) query.set("unit", String(unit));
  if (filters.sort !== "newest") query.set("sort", filters.sort);
  if (filters.page > 1) query.set("page", String(filters.page));
  const text = query.toString();
  return text ? `/api/community-issues?${text}` : "/api/community-issues";
}

/** `GET /api/community-issues/my-work` for a page. */
export function myWorkUrl(page: number): string {
  return page > 1 ? `/api/community-issues/my-work?page=${page}` : "/api/community-issues/my-work";
}

/** How many filters narrow the list (the unit, chosen at the top of the app, is not counted). */
export function activeFilterCount(filters: QueueFilters): number {
  return [
    filters.status,
    filters.category,
    filters.source,
    filters.overdue,
    filters.womanOfficer,
  ].filter((value) => value !== null).length;
}
