import { communityIndicators } from "./community-indicators";
import { workforceIndicators } from "./workforce-indicators";

export * from "./definition";

/**
 * One registry of indicator definitions (INDICATORS.md, docs/indicators.md): the workforce
 * parity indicators and the community policing ones. The API, CLI and reports are driven by it.
 */
export const indicatorRegistry = { ...workforceIndicators, ...communityIndicators };

export type IndicatorId = keyof typeof indicatorRegistry;

export const indicatorIds = Object.keys(indicatorRegistry) as IndicatorId[];

export function isIndicatorId(value: string): value is IndicatorId {
  return Object.hasOwn(indicatorRegistry, value);
}
