import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { orgUnitList } from "../../../../core/schemas/org-units";
import { apiRequest } from "../../../lib/api-client";

/**
 * The org units within the user's scope (`GET /api/org-units`, flat, parents first): today's
 * tree, or the tree as of `at` (a past date shows the units where they were then).
 */
export function useOrgUnits(at: string | null = null) {
  return useQuery({
    queryKey: ["org-units", "tree", at],
    queryFn: async ({ signal }) => {
      const query = at === null ? "" : `?${new URLSearchParams({ at }).toString()}`;
      return (await apiRequest("GET", `/api/org-units${query}`, { schema: orgUnitList, signal }))
        .units;
    },
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}
