import {
  Button,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { canPerform } from "../../../core/access/permissions";
import { stakeholderTypes, type StakeholderType } from "../../../core/community/vocabulary";
import type { Stakeholder } from "../../../core/schemas/stakeholders";
import { ErrorAlert } from "../../components/error-alert";
import { PageHeader } from "../../components/page-header";
import { useSearchParam, useUnitParam } from "../../lib/use-search-param";
import { useMe } from "../auth/api/use-me.query";
import { useSaveStakeholder, useStakeholders } from "./api/use-stakeholders";
import { StakeholderModal } from "./components/stakeholder-modal";
import { StakeholdersTable } from "./components/stakeholders-table";

const isStakeholderType = (value: string | null): value is StakeholderType =>
  value !== null && (stakeholderTypes as readonly string[]).includes(value);

/** `/community/stakeholders`: the organisations problems are referred to, serving the chosen area. */
export function StakeholdersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const roles = me.data?.user.roles.map((r) => r.role) ?? [];
  const canRead = canPerform(roles, "community.read");
  const canWrite = canPerform(roles, "community.write");
  const [unit] = useUnitParam();
  const [q, setQ] = useSearchParam("q");
  const [typeParam, setType] = useSearchParam("type");
  const [showInactive, setShowInactive] = useSearchParam("inactive");
  const [search, setSearch] = useState(q ?? "");
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const type = isStakeholderType(typeParam) ? typeParam : null;
  const list = useStakeholders(
    { unit, q: debouncedSearch, type, isActiveOnly: showInactive !== "true" },
    canRead,
  );
  const save = useSaveStakeholder();
  const [editing, setEditing] = useState<Stakeholder | "new" | null>(null);

  if (!canRead) return <Text>{t("web.stakeholders.forbidden")}</Text>;
  const rows = list.isError ? undefined : list.data;

  return (
    <Stack gap="lg" maw={1200} aria-busy={list.isFetching}>
      <PageHeader
        title={t("web.stakeholders.title")}
        intro={t("web.stakeholders.intro")}
        action={
          canWrite ? (
            <Button onClick={() => setEditing("new")}>{t("web.stakeholders.new")}</Button>
          ) : null
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          type="search"
          label={t("web.stakeholders.search")}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setQ(event.currentTarget.value, { replace: true });
          }}
          maxLength={100}
        />
        <Select
          label={t("web.stakeholders.field.type")}
          placeholder={t("web.stakeholders.allTypes")}
          data={stakeholderTypes.map((value) => ({
            value,
            label: t(`web.stakeholders.type.${value}`),
          }))}
          value={type}
          onChange={(value) => setType(value)}
          clearable
        />
        <Switch
          label={t("web.stakeholders.showInactive")}
          checked={showInactive === "true"}
          onChange={(event) => setShowInactive(event.currentTarget.checked ? "true" : null)}
          mt={{ base: 0, sm: 32 }}
        />
      </SimpleGrid>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      {list.isPending ? <Skeleton height={240} /> : null}
      {rows && rows.length === 0 ? <Text c="dimmed">{t("web.stakeholders.empty")}</Text> : null}
      {rows && rows.length > 0 ? (
        <StakeholdersTable
          rows={rows}
          {...(canWrite
            ? {
                onEdit: (row: Stakeholder) => setEditing(row),
                onToggleActive: (row: Stakeholder) =>
                  save.mutate({ kind: "update", id: row.id, body: { isActive: !row.isActive } }),
              }
            : {})}
        />
      ) : null}
      {editing !== null ? (
        <StakeholderModal
          stakeholder={editing === "new" ? null : editing}
          defaultUnitId={unit ?? me.data?.user.roles[0]?.orgUnitId ?? null}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
