import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { IssueStatus } from "../../../core/community/issue-lifecycle";
import type {
  AgeGroup,
  IssueSource,
  ReferralOutcome,
  ResidentConfirmation,
  StakeholderType,
} from "../../../core/community/vocabulary";
import type { TaxonomyRef } from "../../../core/schemas/community-common";
import type { TaxonomyEntry } from "../../../core/schemas/community-config";
import type { Sex } from "../../../core/schemas/sex";

/** The words for the closed vocabularies of community issues, in the current language. */
export function useIssueLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      status: (status: IssueStatus) => t(`web.communityIssues.status.${status}`),
      source: (source: IssueSource) => t(`web.communityIssues.source.${source}`),
      /** A category as a record names it: seeded ones by their locale key, others by their name. */
      category: (category: TaxonomyRef) =>
        category.name ?? t(`community.categories.${category.code}`),
      categoryEntry: (entry: TaxonomyEntry) =>
        entry.nameKey === null ? (entry.name ?? entry.code) : t(entry.nameKey),
      ageGroup: (group: AgeGroup) => t(`web.communityIssues.ageGroup.${group}`),
      sex: (sex: Sex) => t(`web.communityIssues.sex.${sex}`),
      stakeholderType: (type: StakeholderType) => t(`web.communityIssues.stakeholderType.${type}`),
      outcome: (outcome: ReferralOutcome) => t(`web.communityIssues.outcome.${outcome}`),
      confirmation: (answer: ResidentConfirmation) =>
        t(`web.communityIssues.confirmation.${answer}`),
    }),
    [t],
  );
}
