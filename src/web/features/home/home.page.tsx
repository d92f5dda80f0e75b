import { Anchor, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { ErrorAlert } from "../../components/error-alert";
import { todayIsoDate } from "../../lib/format";
import { useFormatters } from "../../lib/use-formatters";
import { useSearchParam, useUnitParam } from "../../lib/use-search-param";
import { useHeadline } from "./api/use-headline.query";
import { AsOfDateInput } from "./components/as-of-date-input";
import { HeadlineSummary } from "./components/headline-summary";
import { RankGroupTable } from "./components/rank-group-table";
import { UnknownSexNotice } from "./components/unknown-sex-notice";

function HeadlineSkeleton() {
  return (
    <Stack gap="md" aria-hidden>
      <Skeleton height={140} radius="md" />
      <Skeleton height={240} radius="md" />
    </Stack>
  );
}

/** Home: who is in post in the chosen unit on the chosen date, by sex and rank group. */
export function HomePage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [unitId] = useUnitParam();
  const [atParam, setAt] = useSearchParam("at");
  const asOf = atParam ?? todayIsoDate();
  const location = useLocation();
  const headline = useHeadline(unitId, asOf);
  // After a failed refetch the previous unit's numbers must not stay on screen as if current.
  const data = headline.isError ? undefined : headline.data;

  return (
    <Stack gap="lg" aria-busy={headline.isFetching}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} size="h2">
            {t("web.home.title")}
          </Title>
          {data ? (
            <Text c="dimmed" size="sm">
              {t("web.home.subtitle", { unit: data.unit.name, date: format.date(data.asOf) })}
            </Text>
          ) : null}
          <Anchor
            component={Link}
            to={{ pathname: "/dashboard", search: location.search }}
            size="sm"
          >
            {t("web.home.dashboardLink")}
          </Anchor>
        </div>
        <AsOfDateInput value={asOf} onChange={(next) => setAt(next, { replace: true })} />
      </Group>
      {headline.isError ? (
        <ErrorAlert error={headline.error} onRetry={() => void headline.refetch()} />
      ) : null}
      {headline.isPending ? <HeadlineSkeleton /> : null}
      {data ? (
        <Stack gap="lg" opacity={headline.isPlaceholderData ? 0.6 : 1}>
          <HeadlineSummary headline={data} />
          <UnknownSexNotice share={data.total} />
          <Stack gap="xs">
            <Title order={2} size="h3">
              {t("web.home.table.title")}
            </Title>
            <RankGroupTable headline={data} />
          </Stack>
        </Stack>
      ) : null}
    </Stack>
  );
}
