import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { projection } from "../../../../core/schemas/projections";
import { apiRequest } from "../../../lib/api-client";

/** The what-if choices of the projection chart; null leaves a choice at today's pace. */
export interface ProjectionScenario {
  readonly unit: number | null;
  readonly horizon: number;
  /** Women's share of hires of known sex (0–1). */
  readonly hiringShare: number | null;
  readonly promotionParity: boolean;
  readonly targetShare: number;
  readonly targetYear: number | null;
  /** A rank-group code, or null for all ranks. */
  readonly targetRankGroup: string | null;
}

function queryString(scenario: ProjectionScenario): string {
  const query = new URLSearchParams({
    horizon: String(scenario.horizon),
    targetShare: String(scenario.targetShare),
  });
  if (scenario.unit !== null) query.set("unit", String(scenario.unit));
  if (scenario.hiringShare !== null) query.set("hiringShare", String(scenario.hiringShare));
  if (scenario.promotionParity) query.set("promotionParity", "true");
  if (scenario.targetYear !== null) query.set("targetYear", String(scenario.targetYear));
  if (scenario.targetRankGroup !== null) query.set("targetRankGroup", scenario.targetRankGroup);
  return query.toString();
}

/** The Markov projection of the unit's subtree under a scenario (`GET /api/projections`). */
export function useProjection(scenario: ProjectionScenario) {
  return useQuery({
    queryKey: ["projections", scenario],
    queryFn: ({ signal }) =>
      apiRequest("GET", `/api/projections?${queryString(scenario)}`, {
        schema: projection,
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}
