import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { auditPage } from "../../../../core/schemas/audit";
import { apiRequest } from "../../../lib/api-client";
import { toAuditQuery, type AuditFilterValues } from "../audit-filters";

const PAGE_SIZE = 50;

/** Audit entries, newest first, one keyset page at a time (`GET /api/audit`). */
export function useAuditEntries(filters: AuditFilterValues, isEnabled: boolean) {
  const query = toAuditQuery(filters).toString();
  return useInfiniteQuery({
    queryKey: ["audit", "entries", query],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(query);
      params.set("limit", String(PAGE_SIZE));
      if (pageParam !== null) params.set("before", String(pageParam));
      return apiRequest("GET", `/api/audit?${params.toString()}`, { schema: auditPage, signal });
    },
    getNextPageParam: (last) => last.nextBefore,
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });
}
