import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../lib/api-client";

const unitNames = z.object({
  units: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
});

/** Code and name of the org units in the user's scope, to label entries (`GET /api/org-units`). */
export function useUnitNames(isEnabled: boolean) {
  return useQuery({
    queryKey: ["audit", "unit-names"],
    queryFn: async ({ signal }) => {
      const { units } = await apiRequest("GET", "/api/org-units", { schema: unitNames, signal });
      return new Map(units.map((unit) => [unit.id, `${unit.name} (${unit.code})`]));
    },
    staleTime: 5 * 60_000,
    enabled: isEnabled,
  });
}
