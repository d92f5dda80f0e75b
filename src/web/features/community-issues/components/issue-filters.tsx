import { Button, Collapse, Group, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { issueStatuses } from "../../../../core/community/issue-lifecycle";
import { issueSources } from "../../../../core/community/vocabulary";
import { issueSorts, type IssueSort } from "../../../../core/schemas/community-issues";
import { useIssueCategories } from "../api/use-community-issues";
import { activeFilterCount, type QueueFilters } from "../issue-queue";
import { useIssueLabels } from "../use-issue-labels";

const ANY = "";

interface IssueFiltersProps {
  readonly filters: QueueFilters;
  /** Sets one URL parameter (null clears it) and goes back to page 1. */
  readonly onChange: (name: string, value: string | null) => void;
  readonly onClear: () => void;
}

/** The "All issues" filters and order; each choice is a URL parameter, so a view can be shared. */
export function IssueFilters({ filters, onChange, onClear }: IssueFiltersProps) {
  const { t } = useTranslation();
  const labels = useIssueLabels();
  const categories = useIssueCategories();
  const any = { value: ANY, label: t("web.communityIssues.filter.any") };
  const flag = (value: boolean | null) => (value === null ? ANY : String(value));
  const set = (name: string) => (value: string | null) =>
    onChange(name, value === ANY ? null : value);
  const count = activeFilterCount(filters);
  // On a phone the six filters fold away behind one button, so the list stays in view.
  const isPhone = useMediaQuery("(max-width: 48em)") ?? false;
  const [isUnfolded, fold] = useDisclosure(false);
  return (
    <Stack gap="xs" component="section" aria-label={t("web.communityIssues.filter.label")}>
      {isPhone ? (
        <Button
          variant="default"
          onClick={fold.toggle}
          aria-expanded={isUnfolded}
          aria-controls="issue-filters"
          justify="space-between"
          fullWidth
        >
          {t("web.communityIssues.filter.toggle", { count })}
        </Button>
      ) : null}
      <Collapse expanded={!isPhone || isUnfolded} id="issue-filters">
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="sm">
            <Select
              label={t("web.communityIssues.filter.status")}
              data={[any, ...issueStatuses.map((s) => ({ value: s, label: labels.status(s) }))]}
              value={filters.status ?? ANY}
              onChange={set("status")}
              allowDeselect={false}
            />
            <Select
              label={t("web.communityIssues.filter.category")}
              data={[
                any,
                ...(categories.data ?? []).map((c) => ({
                  value: String(c.id),
                  label: labels.categoryEntry(c),
                })),
              ]}
              value={filters.category === null ? ANY : String(filters.category)}
              onChange={set("category")}
              allowDeselect={false}
              searchable
            />
            <Select
              label={t("web.communityIssues.filter.source")}
              data={[any, ...issueSources.map((s) => ({ value: s, label: labels.source(s) }))]}
              value={filters.source ?? ANY}
              onChange={set("source")}
              allowDeselect={false}
            />
            <Select
              label={t("web.communityIssues.filter.overdue")}
              data={[
                any,
                { value: "true", label: t("web.communityIssues.filter.overdueOnly") },
                { value: "false", label: t("web.communityIssues.filter.notOverdue") },
              ]}
              value={flag(filters.overdue)}
              onChange={set("overdue")}
              allowDeselect={false}
            />
            <Select
              label={t("web.communityIssues.filter.womanOfficer")}
              data={[
                any,
                { value: "true", label: t("web.communityIssues.filter.requested") },
                { value: "false", label: t("web.communityIssues.filter.notRequested") },
              ]}
              value={flag(filters.womanOfficer)}
              onChange={set("womanOfficer")}
              allowDeselect={false}
            />
            <Select
              label={t("web.communityIssues.filter.sort")}
              data={issueSorts.map((sort: IssueSort) => ({
                value: sort,
                label: t(`web.communityIssues.sort.${sort}`),
              }))}
              value={filters.sort}
              onChange={(value) => onChange("sort", value === "newest" ? null : value)}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed">
              {t("web.communityIssues.filter.unitHint")}
            </Text>
            {count > 0 ? (
              <Button variant="subtle" size="xs" onClick={onClear}>
                {t("web.communityIssues.filter.clear", { count })}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </Collapse>
    </Stack>
  );
}
