import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { targetProgressList } from "../../../../core/schemas/targets";
import { apiRequest } from "../../../lib/api-client";

/** The targets of a unit's subtree with their status on `at` (`GET /api/targets/status`). */
export function useTargetStatus(unit: number | null, at: string) {
  return useQuery({
    queryKey: ["targets", "status", unit, at],
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ at });
      if (unit !== null) query.set("unit", String(unit));
      return apiRequest("GET", `/api/targets/status?${query.toString()}`, {
        schema: targetProgressList,
        signal,
      });
    },
    placeholderData: keepPreviousData,
  });
}
