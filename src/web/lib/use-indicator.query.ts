import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { IndicatorId } from "../../core/indicators/registry";
import {
  indicatorList,
  indicatorResult,
  trendResult,
  type RowDisaggregation,
} from "../../core/schemas/indicators";
import { apiRequest } from "./api-client";

export interface IndicatorParams {
  /** null: the user's own top unit. */
  readonly unit: number | null;
  /** The as-of date of a stock indicator, or the end of a trend. */
  readonly at?: string;
  /** The period [from, to) of a flow indicator. */
  readonly from?: string;
  readonly to?: string;
  readonly by?: readonly RowDisaggregation[];
}

function queryString(params: IndicatorParams, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams(extra);
  if (params.unit !== null) query.set("unit", String(params.unit));
  for (const key of ["at", "from", "to"] as const) {
    const value = params[key];
    if (value !== undefined) query.set(key, value);
  }
  if (params.by?.length) query.set("by", params.by.join(","));
  return query.toString();
}

/** The indicator definitions and the last day the register has data for (`GET /api/indicators`). */
export function useIndicatorList() {
  return useQuery({
    queryKey: ["indicators"],
    queryFn: ({ signal }) =>
      apiRequest("GET", "/api/indicators", { schema: indicatorList, signal }),
  });
}

/** One indicator for a unit's subtree (`GET /api/indicators/:id`). */
export function useIndicator(id: IndicatorId, params: IndicatorParams, enabled = true) {
  return useQuery({
    queryKey: ["indicators", id, params],
    enabled,
    queryFn: ({ signal }) =>
      apiRequest("GET", `/api/indicators/${id}?${queryString(params)}`, {
        schema: indicatorResult,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Yearly points of an indicator back from `at` (`GET /api/indicators/:id/trend`). */
export function useIndicatorTrend(id: IndicatorId, params: IndicatorParams, years = 10) {
  return useQuery({
    queryKey: ["indicators", id, "trend", params, years],
    queryFn: ({ signal }) =>
      apiRequest(
        "GET",
        `/api/indicators/${id}/trend?${queryString(params, { years: String(years) })}`,
        { schema: trendResult, signal },
      ),
    placeholderData: keepPreviousData,
  });
}
