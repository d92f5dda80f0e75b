import { Paper, SimpleGrid, Skeleton, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { IndicatorId } from "../../../../core/indicators/registry";
import type { IndicatorResult } from "../../../../core/schemas/indicators";
import { ErrorAlert } from "../../../components/error-alert";
import { useFormatters } from "../../../lib/use-formatters";
import { useIndicator } from "../../../lib/use-indicator.query";
import { countFigureOf } from "../../../components/figures/figure";
import { tableCellOf } from "../lib/table-cell";
import { FigureText } from "../../../components/figures/figure-text";

interface Filters {
  readonly unit: number | null;
  readonly at: string;
}

function CardFrame({
  title,
  definitionKey,
  children,
}: {
  readonly title: string;
  readonly definitionKey: string;
  readonly children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={title}>
      <Stack gap={4} h="100%">
        <Text size="sm" c="dimmed" fw={600} component="h3" m={0}>
          {title}
        </Text>
        {children}
        <Text size="xs" c="dimmed" mt="auto" pt={4}>
          {t(`${definitionKey}.definition`)}
        </Text>
      </Stack>
    </Paper>
  );
}

function CardState({
  query,
  children,
}: {
  readonly query: ReturnType<typeof useIndicator>;
  readonly children: (result: IndicatorResult) => ReactNode;
}) {
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton height={44} />;
  return children(query.data);
}

/** The headcount with the unknown-sex count beside it. */
function HeadcountCard({ filters }: { readonly filters: Filters }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const query = useIndicator("headcount", filters);
  return (
    <CardFrame title={t("web.indicators.headcount.name")} definitionKey="web.indicators.headcount">
      <CardState query={query}>
        {({ total }) => {
          const unknown = countFigureOf(total.counts.U, total.suppression);
          return (
            <>
              <FigureText
                cell={{ figure: countFigureOf(total.counts.N, total.suppression) }}
                kind="count"
                definitionKey="web.indicators.headcount"
                fz={32}
                fw={700}
                lh={1.2}
              />
              <Text size="sm">
                {t("web.dashboard.cards.unknownSex")}{" "}
                <FigureText cell={{ figure: unknown }} kind="count" fw={600} />
              </Text>
              {unknown.kind === "value" && total.counts.N ? (
                <Text size="xs" c="dimmed">
                  {t("web.dashboard.cards.unknownShare", {
                    share: format.share(unknown.value, total.counts.N) ?? "—",
                  })}
                </Text>
              ) : null}
            </>
          );
        }}
      </CardState>
    </CardFrame>
  );
}

/** A share of women: the percentage, then women ÷ the known-sex denominator. */
function ShareCard({ id, filters }: { readonly id: IndicatorId; readonly filters: Filters }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const query = useIndicator(id, filters);
  const definitionKey = `web.indicators.${id}`;
  return (
    <CardFrame title={t(`${definitionKey}.name`)} definitionKey={definitionKey}>
      <CardState query={query}>
        {({ total }) => {
          const cell = tableCellOf(total);
          return (
            <>
              <FigureText
                cell={cell}
                kind="percent"
                definitionKey={definitionKey}
                fz={32}
                fw={700}
                lh={1.2}
              />
              {cell.figure.kind === "value" &&
              total.numerator !== null &&
              total.denominator !== null ? (
                <Text size="sm">
                  {t("web.dashboard.cards.fraction", {
                    numerator: format.count(total.numerator),
                    denominator: format.count(total.denominator),
                  })}
                </Text>
              ) : cell.figure.kind !== "value" && cell.figure.kind !== "text" ? (
                <Text size="sm" c="dimmed">
                  {t(cell.figure.messageKey)}
                </Text>
              ) : null}
            </>
          );
        }}
      </CardState>
    </CardFrame>
  );
}

/** The four headline figures of the unit on the date. */
export function HeadlineCards({ filters }: { readonly filters: Filters }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
      <HeadcountCard filters={filters} />
      <ShareCard id="share_women" filters={filters} />
      <ShareCard id="leadership_share" filters={filters} />
      <ShareCard id="specialist_share" filters={filters} />
    </SimpleGrid>
  );
}
