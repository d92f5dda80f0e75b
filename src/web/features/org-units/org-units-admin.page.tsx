import { Badge, Button, Group, Menu, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrgUnit } from "../../../core/schemas/org-units";
import { ErrorAlert } from "../../components/error-alert";
import { useFormatters } from "../../lib/use-formatters";
import { useAdminOrgUnits } from "./api/use-org-units-admin";
import { buildOrgTree, type OrgTreeNode } from "./build-org-tree";
import { ImportPanel } from "./components/import-panel";
import { UnitActionModal, type ModalMode } from "./components/unit-action-modal";
import { UnitHistoryModal } from "./components/unit-history-modal";

const flatten = (
  nodes: readonly OrgTreeNode[],
  depth = 0,
): Array<{ unit: OrgUnit; depth: number }> =>
  nodes.flatMap((n) => [{ unit: n.unit, depth }, ...flatten(n.children, depth + 1)]);

/** Administration of the org-unit tree within the admin's scope: open, rename, move, close, import. */
export function OrgUnitsAdminPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const units = useAdminOrgUnits();
  const [modal, setModal] = useState<{ mode: ModalMode; unit: OrgUnit | null } | null>(null);
  const [historyOf, setHistoryOf] = useState<OrgUnit | null>(null);
  const rows = useMemo(() => flatten(buildOrgTree(units.data ?? [])), [units.data]);

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t("web.admin.orgUnits.title")}
        </Title>
        <Button onClick={() => setModal({ mode: "create", unit: rows[0]?.unit ?? null })}>
          {t("web.admin.orgUnits.create.button")}
        </Button>
      </Group>
      {units.isError ? (
        <ErrorAlert error={units.error} onRetry={() => void units.refetch()} />
      ) : null}
      {units.isPending ? <Skeleton height={240} /> : null}
      {units.data ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("web.admin.orgUnits.field.name")}</Table.Th>
                <Table.Th>{t("web.admin.orgUnits.field.code")}</Table.Th>
                <Table.Th>{t("web.admin.orgUnits.field.kind")}</Table.Th>
                <Table.Th>{t("web.admin.orgUnits.field.openedOn")}</Table.Th>
                <Table.Th>{t("web.admin.orgUnits.field.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ unit, depth }) => (
                <Table.Tr key={unit.id} data-testid={`unit-${unit.code}`}>
                  <Table.Td style={{ paddingInlineStart: `calc(${depth} * 1.25rem + 0.5rem)` }}>
                    <Text span size="sm" c={unit.closedOn ? "dimmed" : undefined}>
                      {unit.name}
                    </Text>{" "}
                    {unit.closedOn ? (
                      <Badge color="gray" size="sm">
                        {t("web.admin.orgUnits.closedOn", { date: format.date(unit.closedOn) })}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{unit.code}</Table.Td>
                  <Table.Td>{t(`web.admin.orgUnits.kind.${unit.kind}`)}</Table.Td>
                  <Table.Td>{format.date(unit.openedOn)}</Table.Td>
                  <Table.Td>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t("web.admin.orgUnits.actionsFor", { unit: unit.name })}
                        >
                          {t("web.admin.orgUnits.field.actions")}
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {unit.closedOn
                          ? null
                          : (["create", "update", "move", "close"] as const).map((mode) => (
                              <Menu.Item
                                key={mode}
                                color={mode === "close" ? "red" : undefined}
                                onClick={() => setModal({ mode, unit })}
                              >
                                {t(`web.admin.orgUnits.${mode}.menu`)}
                              </Menu.Item>
                            ))}
                        <Menu.Item onClick={() => setHistoryOf(unit)}>
                          {t("web.admin.orgUnits.history.menu")}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <ImportPanel />
      {historyOf ? (
        <UnitHistoryModal
          unit={historyOf}
          units={units.data ?? []}
          onClose={() => setHistoryOf(null)}
        />
      ) : null}
      {modal ? (
        <UnitActionModal
          mode={modal.mode}
          unit={modal.unit}
          units={units.data ?? []}
          onClose={() => setModal(null)}
        />
      ) : null}
    </Stack>
  );
}
