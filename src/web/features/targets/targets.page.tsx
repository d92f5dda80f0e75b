import { Button, Skeleton, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { canPerform } from "../../../core/access/permissions";
import type { PublishedTargetProgress } from "../../../core/schemas/targets";
import { ErrorAlert } from "../../components/error-alert";
import { PageHeader } from "../../components/page-header";
import { useFormatters } from "../../lib/use-formatters";
import { useUnitParam } from "../../lib/use-search-param";
import { useMe } from "../auth/api/use-me.query";
import { useTargetProgress } from "./api/use-targets";
import { DeleteTargetModal } from "./components/delete-target-modal";
import { TargetModal } from "./components/target-modal";
import { TargetsTable } from "./components/targets-table";

type ModalState =
  | { kind: "edit"; target: PublishedTargetProgress | null }
  | { kind: "delete"; target: PublishedTargetProgress };

/** Representation targets of the chosen unit's subtree, with where each stands today. */
export function TargetsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const me = useMe();
  const roles = me.data?.user.roles.map((r) => r.role) ?? [];
  const canRead = canPerform(roles, "targets.read");
  const canWrite = canPerform(roles, "targets.write");
  const [unitId] = useUnitParam();
  const progress = useTargetProgress(unitId, canRead);
  const [modal, setModal] = useState<ModalState | null>(null);

  if (!canRead) return <Text>{t("web.targets.forbidden")}</Text>;
  const rows = progress.isError ? undefined : progress.data?.targets;

  return (
    <Stack gap="lg" maw={1200} aria-busy={progress.isFetching}>
      <PageHeader
        title={t("web.targets.title")}
        intro={t("web.targets.intro")}
        action={
          canWrite ? (
            <Button onClick={() => setModal({ kind: "edit", target: null })}>
              {t("web.targets.newTarget")}
            </Button>
          ) : null
        }
      >
        {progress.data ? (
          <Text size="sm">{t("web.targets.asOf", { date: format.date(progress.data.asOf) })}</Text>
        ) : null}
      </PageHeader>
      {progress.isError ? (
        <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />
      ) : null}
      {progress.isPending ? <Skeleton height={240} /> : null}
      {rows && rows.length === 0 ? <Text c="dimmed">{t("web.targets.empty")}</Text> : null}
      {rows && rows.length > 0 ? (
        <TargetsTable
          rows={rows}
          {...(canWrite
            ? {
                onEdit: (target) => setModal({ kind: "edit", target }),
                onDelete: (target) => setModal({ kind: "delete", target }),
              }
            : {})}
        />
      ) : null}
      <Text size="xs" c="dimmed">
        {t("web.targets.definition")}
      </Text>
      {modal?.kind === "edit" ? (
        <TargetModal target={modal.target} defaultUnitId={unitId} onClose={() => setModal(null)} />
      ) : null}
      {modal?.kind === "delete" ? (
        <DeleteTargetModal target={modal.target} onClose={() => setModal(null)} />
      ) : null}
    </Stack>
  );
}
