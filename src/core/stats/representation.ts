import { computeShareOfWomen, type SexCounts, type ShareResult } from "./share";

export type ShareRatioReason = "empty_denominator" | "no_women_in_scope" | "no_women_in_top_grade";

/** A ratio of two shares of women, each with its own counts (so unknown sex stays visible). */
export interface ShareRatioResult<Reason extends ShareRatioReason> {
  readonly value: number | null;
  /** The share of women in the numerator's population; null when it has no one of known sex. */
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly numeratorShare: ShareResult;
  readonly denominatorShare: ShareResult;
  readonly reason?: Reason;
}

/** (F₁/K₁) / (F₂/K₂) computed as F₁·K₂ / (K₁·F₂): one rounding from integers. */
function ratioOfShares(top: ShareResult, bottom: ShareResult): number {
  return (top.numerator * bottom.denominator) / (top.denominator * bottom.numerator);
}

function shareRatio<Reason extends ShareRatioReason>(
  numeratorShare: ShareResult,
  denominatorShare: ShareResult,
  reason: Reason | null,
): ShareRatioResult<Reason> {
  const base = {
    numerator: numeratorShare.value,
    denominator: denominatorShare.value,
    numeratorShare,
    denominatorShare,
  };
  return reason === null
    ? { ...base, value: ratioOfShares(numeratorShare, denominatorShare) }
    : { ...base, value: null, reason };
}

/**
 * Representation ratio RR_L = share_F(L) / share_F(scope) (INDICATORS.md §1.3): level L (a rank,
 * rank group, role, unit or age band) against the whole scope at the same as-of date.
 */
export function computeRepresentationRatio(
  level: SexCounts,
  scope: SexCounts,
): ShareRatioResult<"empty_denominator" | "no_women_in_scope"> {
  const levelShare = computeShareOfWomen(level);
  const scopeShare = computeShareOfWomen(scope);
  const reason =
    levelShare.value === null || scopeShare.value === null
      ? "empty_denominator"
      : scopeShare.value === 0
        ? "no_women_in_scope"
        : null;
  return shareRatio(levelShare, scopeShare, reason);
}

/**
 * Glass Ceiling Index GCI = share_F(all ranks in scope) / share_F(top rank group) (INDICATORS.md
 * §1.4, She Figures; police version with the top group from the rank scheme). 1 = no glass ceiling,
 * above 1 = women under-represented at the top. No women at the top while there are women below is
 * an infinite index: null `no_women_in_top_grade`, with the counts shown.
 */
export function computeGlassCeilingIndex(
  all: SexCounts,
  top: SexCounts,
): ShareRatioResult<ShareRatioReason> {
  const allShare = computeShareOfWomen(all);
  const topShare = computeShareOfWomen(top);
  const reason =
    allShare.value === null || topShare.value === null
      ? "empty_denominator"
      : allShare.value === 0
        ? "no_women_in_scope"
        : topShare.value === 0
          ? "no_women_in_top_grade"
          : null;
  return shareRatio(allShare, topShare, reason);
}
