import { Button, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { canPerform } from "../../../core/access/permissions";
import { ErrorAlert } from "../../components/error-alert";
import { useMe } from "../auth/api/use-me.query";
import { auditExportUrl } from "./audit-filters";
import { useAuditEntries } from "./api/use-audit-entries.query";
import { useUnitNames } from "./api/use-unit-names.query";
import { AuditEntryList } from "./components/audit-entry-list";
import { AuditFilterBar } from "./components/audit-filter-bar";
import { useAuditFilterParams } from "./use-audit-filter-params";

/** The audit browser: filters in the URL (bookmarkable), newest entries first, CSV download. */
export function AuditPage() {
  const { t } = useTranslation();
  const me = useMe();
  const roles = me.data?.user.roles.map((r) => r.role) ?? [];
  const [filters, applyFilters] = useAuditFilterParams();
  const { user, action, from, to } = filters;
  const isAllowed = canPerform(roles, "audit.read");
  const entries = useAuditEntries(filters, isAllowed);
  const unitNames = useUnitNames(isAllowed);

  if (!isAllowed) return <Text>{t("web.audit.forbidden")}</Text>;

  const rows = entries.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t("web.audit.title")}
          </Title>
          <Text size="sm" c="dimmed" maw={720}>
            {t("web.audit.intro")}
          </Text>
        </Stack>
        {canPerform(roles, "audit.export") ? (
          <Button component="a" href={auditExportUrl(filters)} variant="light" download>
            {t("web.audit.download")}
          </Button>
        ) : null}
      </Group>
      <AuditFilterBar
        key={[user, action, from, to].join("|")}
        value={{ user, action, from, to }}
        onApply={applyFilters}
      />
      {entries.isError ? (
        <ErrorAlert error={entries.error} onRetry={() => void entries.refetch()} />
      ) : entries.isPending ? (
        <Skeleton height={240} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t("web.audit.empty")}</Text>
      ) : (
        <Stack gap="sm">
          <AuditEntryList entries={rows} unitNames={unitNames.data ?? new Map()} />
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed">
              {t("web.audit.count", { count: rows.length })}
            </Text>
            {entries.hasNextPage ? (
              <Button
                variant="default"
                loading={entries.isFetchingNextPage}
                onClick={() => void entries.fetchNextPage()}
              >
                {t("web.audit.more")}
              </Button>
            ) : null}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
