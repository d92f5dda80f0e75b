import type { IndicatorAudience } from "../../core/schemas/indicators";
import type { AuthContext } from "./auth-context";

/**
 * Partner-viewers only ever receive disclosure-controlled results, whatever they ask for; anyone
 * else may ask for the external view (what a partner would see) to check it before sharing.
 */
export function audienceFor(auth: AuthContext, asked: IndicatorAudience): IndicatorAudience {
  const isPartnerOnly = auth.assignments.every((a) => a.role === "partner-viewer");
  return isPartnerOnly ? "external" : asked;
}
