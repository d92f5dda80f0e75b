import {
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  Title,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ageGroups } from "../../../../core/community/vocabulary";
import { communityTextLimits } from "../../../../core/community/text-limits";
import type { TaxonomyEntry } from "../../../../core/schemas/community-config";
import { sexes } from "../../../../core/schemas/sex";
import { useTaxonomyName } from "../../../lib/use-taxonomy-name";
import type { ProblemDraft } from "../lib/session-draft";

interface ProblemFieldsProps {
  readonly index: number;
  readonly problem: ProblemDraft;
  readonly categories: readonly TaxonomyEntry[];
  /** The message of a field of this problem (`categoryId`, `description`, …), if any. */
  readonly errorOf: (field: string) => string | undefined;
  readonly onChange: (problem: ProblemDraft) => void;
  readonly onRemove: () => void;
}

const YES = "yes";
const NO = "no";

/** One problem raised in the session: it becomes a community issue linked to the session. */
export function ProblemFields({
  index,
  problem,
  categories,
  errorOf,
  onChange,
  onRemove,
}: ProblemFieldsProps) {
  const { t } = useTranslation();
  const categoryName = useTaxonomyName("categories");
  const number = index + 1;
  const change = (values: Partial<ProblemDraft>) => onChange({ ...problem, ...values });

  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-label={t("web.outreach.problem.title", { number })}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5">
            {t("web.outreach.problem.title", { number })}
          </Title>
          <Button variant="subtle" color="red" size="compact-sm" onClick={onRemove}>
            {t("web.outreach.problem.remove")}
          </Button>
        </Group>
        <Select
          label={t("web.outreach.problem.category")}
          data={categories
            .filter((entry) => entry.isActive || entry.id === problem.categoryId)
            .map((entry) => ({ value: String(entry.id), label: categoryName(entry) }))}
          value={problem.categoryId === null ? null : String(problem.categoryId)}
          onChange={(value) => change({ categoryId: value === null ? null : Number(value) })}
          error={errorOf("categoryId")}
          searchable
          required
          size="md"
          comboboxProps={{ withinPortal: true }}
          nothingFoundMessage={t("web.outreach.nothingFound")}
        />
        <Textarea
          label={t("web.outreach.problem.description")}
          value={problem.description}
          onChange={(event) => change({ description: event.currentTarget.value })}
          error={errorOf("description")}
          maxLength={communityTextLimits.description}
          autosize
          minRows={2}
          required
          size="md"
        />
        <Radio.Group
          label={t("web.outreach.problem.solvedOnTheSpot")}
          value={problem.solvedOnTheSpot === null ? null : problem.solvedOnTheSpot ? YES : NO}
          onChange={(value) => change({ solvedOnTheSpot: value === YES })}
          error={errorOf("solvedOnTheSpot")}
          required
        >
          <Group gap="lg" mt={6}>
            <Radio size="md" value={YES} label={t("web.outreach.yes")} />
            <Radio size="md" value={NO} label={t("web.outreach.no")} />
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t("web.outreach.problem.raisedBySex")}
            placeholder={t("web.outreach.notRecorded")}
            data={sexes.map((sex) => ({ value: sex, label: t(`web.sex.${sex}`) }))}
            value={problem.raisedBySex}
            onChange={(value) => change({ raisedBySex: value })}
            error={errorOf("raisedBySex")}
            clearable
            size="md"
          />
          <Select
            label={t("web.outreach.problem.raisedByAgeGroup")}
            placeholder={t("web.outreach.notRecorded")}
            data={ageGroups.map((group) => ({
              value: group,
              label: t(`web.outreach.ageGroup.${group}`),
            }))}
            value={problem.raisedByAgeGroup}
            onChange={(value) => change({ raisedByAgeGroup: value })}
            clearable
            size="md"
          />
        </SimpleGrid>
        <Checkbox
          size="md"
          label={t("web.outreach.problem.womanOfficerRequested")}
          checked={problem.womanOfficerRequested}
          onChange={(event) => change({ womanOfficerRequested: event.currentTarget.checked })}
        />
      </Stack>
    </Paper>
  );
}
