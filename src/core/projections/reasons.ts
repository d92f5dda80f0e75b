import type { HiringShareEstimate } from "./estimate";
import type { LongRunReason } from "./long-run";
import type { RequiredHiresReason } from "./required-hires";
import type { YearsToTargetResult } from "./years-to-target";

/** Every reason code a projection result can carry, each with its text at `web.projections.reasons.<code>`. */
export const projectionReasons = [
  "not_within_horizon",
  "already_on_track",
  "infeasible_with_total_hires",
  "no_steady_state",
  "empty_denominator",
] as const satisfies readonly (
  | NonNullable<YearsToTargetResult["reason"]>
  | RequiredHiresReason
  | LongRunReason
  | NonNullable<HiringShareEstimate["reason"]>
)[];
export type ProjectionReason = (typeof projectionReasons)[number];
