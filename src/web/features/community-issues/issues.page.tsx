import { Button, Group, Skeleton, Stack, Tabs, Text } from "@mantine/core";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearchParams } from "react-router";
import { canPerform } from "../../../core/access/permissions";
import { ErrorAlert } from "../../components/error-alert";
import { PageHeader } from "../../components/page-header";
import { useUnitParam } from "../../lib/use-search-param";
import { useMe } from "../auth/api/use-me.query";
import { useIssuePage } from "./api/use-community-issues";
import { IssueFilters } from "./components/issue-filters";
import { IssueList } from "./components/issue-list";
import {
  filterParams,
  issueListUrl,
  myWorkUrl,
  readQueueFilters,
  readQueueView,
  type QueueView,
} from "./issue-queue";

/** Community issues: the officer's own work (overdue first) and every issue in scope, filtered. */
export function IssuesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const roles = me.data?.user.roles.map((r) => r.role) ?? [];
  const canWork = canPerform(roles, "community.write");
  const [params, setParams] = useSearchParams();
  const [unit] = useUnitParam();
  const view = readQueueView(params.get("view"), canWork);
  const filters = readQueueFilters(params);
  const { page } = filters;
  const results = useIssuePage(view === "mine" ? myWorkUrl(page) : issueListUrl(filters, unit));

  const update = useCallback(
    (changes: Readonly<Record<string, string | null>>) =>
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        for (const [name, value] of Object.entries(changes)) {
          if (value === null) next.delete(name);
          else next.set(name, value);
        }
        return next;
      }),
    [setParams],
  );

  if (!canPerform(roles, "community.read")) {
    return <Text>{t("web.communityIssues.forbidden")}</Text>;
  }

  const issues = results.data?.issues ?? [];
  const label = t(view === "mine" ? "web.communityIssues.tab.mine" : "web.communityIssues.tab.all");
  const overdue = issues.filter((issue) => issue.isOverdue).length;
  const list = results.isError ? (
    <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
  ) : results.isPending ? (
    <Skeleton height={240} />
  ) : issues.length === 0 ? (
    <Text c="dimmed">
      {t(view === "mine" ? "web.communityIssues.emptyMine" : "web.communityIssues.empty")}
    </Text>
  ) : (
    <Stack gap="sm" opacity={results.isPlaceholderData ? 0.6 : 1} aria-busy={results.isFetching}>
      {overdue > 0 ? (
        <Text size="sm" c="red.8" fw={600} role="status">
          {t("web.communityIssues.overdueOnPage", { count: overdue })}
        </Text>
      ) : null}
      <IssueList issues={issues} search={location.search} label={label} />
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {t("web.communityIssues.page", { page })}
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            disabled={page <= 1}
            onClick={() => update({ page: page - 1 > 1 ? String(page - 1) : null })}
          >
            {t("web.communityIssues.previous")}
          </Button>
          <Button
            variant="default"
            disabled={!results.data?.hasNextPage}
            onClick={() => update({ page: String(page + 1) })}
          >
            {t("web.communityIssues.next")}
          </Button>
        </Group>
      </Group>
    </Stack>
  );

  return (
    <Stack gap="lg" maw={1280}>
      <PageHeader
        title={t("web.communityIssues.title")}
        intro={t("web.communityIssues.intro")}
        action={
          canWork ? (
            <Button
              component={Link}
              to={{ pathname: "/community/issues/new", search: unit ? `?unit=${unit}` : "" }}
            >
              {t("web.communityIssues.new")}
            </Button>
          ) : null
        }
      />
      <Tabs
        value={view}
        onChange={(value) =>
          update({ view: (value as QueueView | null) === "all" ? "all" : null, page: null })
        }
        keepMounted={false}
      >
        <Tabs.List>
          {canWork ? <Tabs.Tab value="mine">{t("web.communityIssues.tab.mine")}</Tabs.Tab> : null}
          <Tabs.Tab value="all">{t("web.communityIssues.tab.all")}</Tabs.Tab>
        </Tabs.List>
        {canWork ? (
          <Tabs.Panel value="mine" pt="md">
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t("web.communityIssues.mineIntro")}
              </Text>
              {list}
            </Stack>
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="all" pt="md">
          <Stack gap="md">
            <IssueFilters
              filters={filters}
              onChange={(name, value) => update({ [name]: value, page: null })}
              onClear={() => update(Object.fromEntries(filterParams.map((name) => [name, null])))}
            />
            {list}
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
