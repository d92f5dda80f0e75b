import { Button, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useSearchParams } from "react-router";
import { canPerform } from "../../../core/access/permissions";
import { ErrorAlert } from "../../components/error-alert";
import { todayIsoDate } from "../../lib/format";
import { useSearchParam, useUnitParam } from "../../lib/use-search-param";
import { useMe } from "../auth/api/use-me.query";
import { usePersonSearch } from "./api/use-persons";
import { ExportPanel } from "./components/export-panel";
import { PersonResults } from "./components/person-results";
import { PersonSearchForm } from "./components/person-search-form";
import { parsePage } from "./person-urls";

/** People: find an officer by service number in the chosen unit; download the register. */
export function PersonsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const roles = me.data?.user.roles.map((r) => r.role) ?? [];
  const [params, setParams] = useSearchParams();
  const [unit] = useUnitParam();
  const [atParam, setAt] = useSearchParam("at");
  const q = params.get("q") ?? "";
  const page = parsePage(params.get("page"));
  const results = usePersonSearch({ q, unit, page });

  const update = useCallback(
    (next: { q?: string; page: number }) =>
      setParams((previous) => {
        const updated = new URLSearchParams(previous);
        if (next.q !== undefined) {
          if (next.q === "") updated.delete("q");
          else updated.set("q", next.q);
        }
        if (next.page > 1) updated.set("page", String(next.page));
        else updated.delete("page");
        return updated;
      }),
    [setParams],
  );

  if (!canPerform(roles, "personnel.read")) return <Text>{t("web.persons.forbidden")}</Text>;

  const persons = results.data?.persons ?? [];
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t("web.persons.title")}
        </Title>
        <Text size="sm" c="dimmed" maw={720}>
          {t("web.persons.intro")}
        </Text>
      </Stack>
      <PersonSearchForm key={q} value={q} onSearch={(next) => update({ q: next, page: 1 })} />
      {results.isError ? (
        <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
      ) : results.isPending ? (
        <Skeleton height={240} />
      ) : persons.length === 0 ? (
        <Text c="dimmed">{t("web.persons.empty")}</Text>
      ) : (
        <Stack
          gap="sm"
          opacity={results.isPlaceholderData ? 0.6 : 1}
          aria-busy={results.isFetching}
        >
          <PersonResults persons={persons} search={location.search} />
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed">
              {t("web.persons.page", { page })}
            </Text>
            <Group gap="xs">
              <Button
                variant="default"
                disabled={page <= 1}
                onClick={() => update({ page: page - 1 })}
              >
                {t("web.persons.previous")}
              </Button>
              <Button
                variant="default"
                disabled={!results.data?.hasNextPage}
                onClick={() => update({ page: page + 1 })}
              >
                {t("web.persons.next")}
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
      {canPerform(roles, "personnel.export") ? (
        <ExportPanel
          at={atParam ?? todayIsoDate()}
          unit={unit}
          onDateChange={(next) => setAt(next, { replace: true })}
        />
      ) : null}
    </Stack>
  );
}
