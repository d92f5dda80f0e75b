import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { headlineResponse } from "../../../../core/schemas/workforce";
import { apiRequest } from "../../../lib/api-client";

/** Headcount and share of women for a unit's subtree at a date (`GET /api/workforce/headline`). */
export function useHeadline(unitId: number | null, asOf: string) {
  return useQuery({
    queryKey: ["workforce", "headline", unitId, asOf],
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ at: asOf });
      if (unitId !== null) query.set("unit", String(unitId));
      return apiRequest("GET", `/api/workforce/headline?${query.toString()}`, {
        schema: headlineResponse,
        signal,
      });
    },
    placeholderData: keepPreviousData,
  });
}
