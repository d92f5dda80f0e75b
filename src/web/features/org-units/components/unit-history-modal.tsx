import { Badge, Modal, Skeleton, Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { orgUnitHistory, type OrgUnit } from "../../../../core/schemas/org-units";
import { ErrorAlert } from "../../../components/error-alert";
import { apiRequest } from "../../../lib/api-client";
import { useFormatters } from "../../../lib/use-formatters";

/** Every version of a unit: what it was called, where it sat in the tree, and when. */
export function UnitHistoryModal(props: {
  readonly unit: OrgUnit;
  readonly units: readonly OrgUnit[];
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const history = useQuery({
    queryKey: ["org-units", "history", props.unit.id],
    queryFn: ({ signal }) =>
      apiRequest("GET", `/api/org-units/${props.unit.id}/history`, {
        schema: orgUnitHistory,
        signal,
      }),
  });
  const parentName = (id: number | null) =>
    id === null ? "—" : (props.units.find((u) => u.id === id)?.name ?? `#${id}`);
  return (
    <Modal
      opened
      onClose={props.onClose}
      size="lg"
      title={t("web.admin.orgUnits.history.title", { unit: props.unit.name })}
    >
      {history.isError ? <ErrorAlert error={history.error} /> : null}
      {history.isPending ? <Skeleton height={120} /> : null}
      {history.data ? (
        <Table.ScrollContainer minWidth={480}>
          <Table striped data-testid="unit-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("web.admin.orgUnits.history.from")}</Table.Th>
                <Table.Th>{t("web.admin.orgUnits.history.until")}</Table.Th>
                <Table.Th>{t("web.admin.orgUnits.field.name")}</Table.Th>
                <Table.Th>{t("web.admin.orgUnits.field.code")}</Table.Th>
                <Table.Th>{t("web.admin.orgUnits.field.parent")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.versions.map((v) => (
                <Table.Tr key={v.validFrom}>
                  <Table.Td>{format.date(v.validFrom)}</Table.Td>
                  <Table.Td>
                    {v.validTo === null
                      ? t("web.admin.orgUnits.history.current")
                      : format.date(v.validTo)}
                  </Table.Td>
                  <Table.Td>
                    {v.name}{" "}
                    {v.isClosed ? (
                      <Badge color="gray" size="sm">
                        {t("web.admin.orgUnits.history.closed")}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{v.code}</Table.Td>
                  <Table.Td>{parentName(v.parentId)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Modal>
  );
}
