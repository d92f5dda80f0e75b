import { Select, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TaxonomyEntry } from "../../../../core/schemas/community-config";
import { useIssueLabels } from "../use-issue-labels";

/** The category of an issue: the active ones, and `keptId` (an issue's own, even if retired). */
export function IssueCategorySelect(props: {
  readonly categories: readonly TaxonomyEntry[];
  readonly value: string | null;
  readonly onChange: (value: string | null) => void;
  readonly error: string | undefined;
  readonly keptId?: number;
}) {
  const { t } = useTranslation();
  const labels = useIssueLabels();
  return (
    <Select
      label={t("web.communityIssues.form.category")}
      data={props.categories
        .filter((entry) => entry.isActive || entry.id === props.keptId)
        .map((entry) => ({ value: String(entry.id), label: labels.categoryEntry(entry) }))}
      value={props.value}
      onChange={props.onChange}
      searchable
      required
      allowDeselect={props.keptId === undefined}
      error={props.error}
    />
  );
}

/** Where the problem is: village, commune or address, optional. */
export function IssuePlaceInput(props: {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error: string | undefined;
  /** Focused first when it opens a modal. */
  readonly isAutofocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t("web.communityIssues.form.place")}
      description={t("web.communityIssues.form.placeHint")}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      error={props.error}
      data-autofocus={props.isAutofocus}
    />
  );
}
