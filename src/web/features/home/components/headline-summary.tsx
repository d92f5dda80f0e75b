import { Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { HeadlineResponse } from "../../../../core/schemas/workforce";
import { useFormatters } from "../../../lib/use-formatters";
import { addCounts, formatCountShare } from "../lib/published-counts";
import { CountFigure } from "./count-figure";
import { ShareFigure } from "./share-figure";
import { StatCard } from "./stat-card";

const sexRows = [
  ["F", "web.sex.F"],
  ["M", "web.sex.M"],
  ["X", "web.sex.X"],
  ["U", "web.sex.U"],
] as const;

/**
 * Headcount, share of women and the count of each sex, unknown included. A count hidden by
 * disclosure control shows "x" with its reason, and the figures made from it are left out.
 */
export function HeadlineSummary({ headline }: { readonly headline: HeadlineResponse }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { total } = headline;
  const { counts, countMarks } = total;
  const unknownOfHeadcount = formatCountShare(format.share, counts.U, counts.N);
  const low = formatCountShare(format.share, counts.F, counts.N);
  const high = formatCountShare(format.share, addCounts(counts.F, counts.U), counts.N);
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
      <StatCard
        title={t("web.home.headcount.title")}
        definition={t("web.home.headcount.definition", { date: format.date(headline.asOf) })}
      >
        <div data-testid="headcount">
          <CountFigure count={counts.N} mark={countMarks?.N} fz={32} fw={700} lh={1.3} />
        </div>
      </StatCard>
      <StatCard
        title={t("web.home.share.title")}
        definition={
          counts.U === null
            ? t("web.home.share.definitionWithheld")
            : t("web.share.definition", { unknown: counts.U, unknownText: format.count(counts.U) })
        }
      >
        <div data-testid="share-of-women">
          <ShareFigure share={total} size="xl" />
        </div>
        {total.bounds && counts.U !== null && counts.U > 0 && low !== null && high !== null ? (
          <Text size="xs">{t("web.share.bounds", { low, high })}</Text>
        ) : null}
      </StatCard>
      <StatCard
        title={t("web.home.bySex.title")}
        definition={
          counts.U === null || counts.N === null
            ? t("web.home.bySex.definitionWithheld")
            : t("web.home.bySex.definition", { unknownShare: unknownOfHeadcount ?? "—" })
        }
      >
        <Stack gap={4}>
          {sexRows.map(([sex, key]) => (
            <Group key={sex} justify="space-between" wrap="nowrap">
              <Text size="sm">{t(key)}</Text>
              <CountFigure count={counts[sex]} mark={countMarks?.[sex]} size="sm" fw={600} />
            </Group>
          ))}
        </Stack>
      </StatCard>
    </SimpleGrid>
  );
}
