import { useQuery } from "@tanstack/react-query";
import { orgUnitList } from "../../../../core/schemas/org-units";
import { apiRequest } from "../../../lib/api-client";

/** The org units within the user's scope (`GET /api/org-units`, flat, parents first). */
export function useOrgUnits() {
  return useQuery({
    queryKey: ["org-units"],
    queryFn: async ({ signal }) =>
      (await apiRequest("GET", "/api/org-units", { schema: orgUnitList, signal })).units,
    staleTime: 5 * 60_000,
  });
}
