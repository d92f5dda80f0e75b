import { Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Headline } from "../../../../core/schemas/workforce";
import { useFormatters } from "../../../lib/use-formatters";
import { ShareFigure } from "./share-figure";
import { StatCard } from "./stat-card";

const sexRows = [
  ["F", "web.sex.F"],
  ["M", "web.sex.M"],
  ["X", "web.sex.X"],
  ["U", "web.sex.U"],
] as const;

/** Headcount, share of women and the count of each sex, unknown included. */
export function HeadlineSummary({ headline }: { readonly headline: Headline }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { total } = headline;
  const { counts } = total;
  const unknownOfHeadcount = format.share(counts.U, counts.N);
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
      <StatCard
        title={t("web.home.headcount.title")}
        definition={t("web.home.headcount.definition", { date: format.date(headline.asOf) })}
      >
        <Text fz={32} fw={700} lh={1.3} data-testid="headcount">
          {format.count(counts.N)}
        </Text>
      </StatCard>
      <StatCard
        title={t("web.home.share.title")}
        definition={t("web.share.definition", {
          unknown: counts.U,
          unknownText: format.count(counts.U),
        })}
      >
        <div data-testid="share-of-women">
          <ShareFigure share={total} size="xl" />
        </div>
        {total.bounds && counts.U > 0 ? (
          <Text size="xs">
            {t("web.share.bounds", {
              low: format.share(counts.F, counts.N) ?? "—",
              high: format.share(counts.F + counts.U, counts.N) ?? "—",
            })}
          </Text>
        ) : null}
      </StatCard>
      <StatCard
        title={t("web.home.bySex.title")}
        definition={t("web.home.bySex.definition", {
          unknownShare: unknownOfHeadcount ?? "—",
        })}
      >
        <Stack gap={4}>
          {sexRows.map(([sex, key]) => (
            <Group key={sex} justify="space-between" wrap="nowrap">
              <Text size="sm">{t(key)}</Text>
              <Text size="sm" fw={600}>
                {format.count(counts[sex])}
              </Text>
            </Group>
          ))}
        </Stack>
      </StatCard>
    </SimpleGrid>
  );
}
