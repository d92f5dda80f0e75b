import { useQuery } from "@tanstack/react-query";
import { rankScheme } from "../../../../core/schemas/register-config";
import { apiRequest } from "../../../lib/api-client";
import { rankOrderOf } from "../lib/rank-order";

/**
 * The seniority order of rank groups and ranks (`GET /api/register/ranks`), to lay out charts from
 * junior to senior. Shares its cache entry with the rank-scheme admin page.
 */
export function useRankOrder() {
  return useQuery({
    queryKey: ["register", "ranks"],
    queryFn: async ({ signal }) =>
      (await apiRequest("GET", "/api/register/ranks", { schema: rankScheme, signal })).groups,
    select: rankOrderOf,
    staleTime: 5 * 60_000,
  });
}
