import { Button, Group, Select, SimpleGrid, Skeleton, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { canPerform } from "../../../core/access/permissions";
import { ErrorAlert } from "../../components/error-alert";
import { PageHeader } from "../../components/page-header";
import { useSearchParam, useUnitParam } from "../../lib/use-search-param";
import { useTaxonomyName } from "../../lib/use-taxonomy-name";
import { useMe } from "../auth/api/use-me.query";
import { useOutreachSessions, useTaxonomy } from "./api/use-outreach";
import { SessionsList } from "./components/sessions-list";

const isIsoDate = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);
const positiveInt = (value: string | null): number | null => {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 ? n : null;
};

/** `/community/outreach`: sessions of the chosen unit's subtree, filtered by date and topic. */
export function OutreachSessionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const roles = me.data?.user.roles.map((r) => r.role) ?? [];
  const canRead = canPerform(roles, "community.read");
  const [unit] = useUnitParam();
  const [from, setFrom] = useSearchParam("from");
  const [to, setTo] = useSearchParam("to");
  const [topic, setTopic] = useSearchParam("topic");
  const [pageParam, setPage] = useSearchParam("page");
  const page = positiveInt(pageParam) ?? 1;
  const topics = useTaxonomy("topics");
  const topicName = useTaxonomyName("topics");
  const sessions = useOutreachSessions({
    unit,
    from: isIsoDate(from) ? from : null,
    to: isIsoDate(to) ? to : null,
    topic: positiveInt(topic),
    page,
  });
  const filter = (set: (value: string | null) => void) => (value: string | null) => {
    set(value);
    setPage(null, { replace: true });
  };

  if (!canRead) return <Text>{t("web.outreach.forbidden")}</Text>;
  return (
    <Stack gap="lg" maw={1200} aria-busy={sessions.isFetching}>
      <PageHeader
        title={t("web.outreach.title")}
        intro={t("web.outreach.intro")}
        action={
          canPerform(roles, "community.write") ? (
            <Button component={Link} to="/community/outreach/new" size="md">
              {t("web.outreach.new")}
            </Button>
          ) : null
        }
      />
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <TextInput
          type="date"
          label={t("web.outreach.filter.from")}
          value={from ?? ""}
          onChange={(event) => filter(setFrom)(event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t("web.outreach.filter.to")}
          value={to ?? ""}
          onChange={(event) => filter(setTo)(event.currentTarget.value)}
        />
        <Select
          label={t("web.outreach.filter.topic")}
          placeholder={t("web.outreach.filter.allTopics")}
          data={(topics.data ?? []).map((entry) => ({
            value: String(entry.id),
            label: topicName(entry),
          }))}
          value={topic}
          onChange={filter(setTopic)}
          clearable
        />
      </SimpleGrid>
      {sessions.isError ? (
        <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : null}
      {sessions.isPending ? <Skeleton height={240} /> : null}
      {sessions.data && sessions.data.sessions.length === 0 ? (
        <Text c="dimmed">{t("web.outreach.empty")}</Text>
      ) : null}
      {sessions.data && sessions.data.sessions.length > 0 ? (
        <SessionsList sessions={sessions.data.sessions} />
      ) : null}
      {sessions.data && (page > 1 || sessions.data.hasNextPage) ? (
        <Group justify="space-between">
          <Button
            variant="default"
            disabled={page <= 1}
            onClick={() => setPage(page === 2 ? null : String(page - 1))}
          >
            {t("web.outreach.list.previous")}
          </Button>
          <Text size="sm">{t("web.outreach.list.page", { page })}</Text>
          <Button
            variant="default"
            disabled={!sessions.data.hasNextPage}
            onClick={() => setPage(String(page + 1))}
          >
            {t("web.outreach.list.next")}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
