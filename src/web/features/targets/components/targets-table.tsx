import { Button, Group, SimpleGrid, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PublishedTargetProgress } from "../../../../core/schemas/targets";
import { ResponsiveTable } from "../../../components/responsive-table";
import { StatusBadge } from "./status-badge";
import { useTargetFormat } from "./target-format";

interface TargetsTableProps {
  readonly rows: readonly PublishedTargetProgress[];
  /** Absent for people who may read targets but not change them. */
  readonly onEdit?: (row: PublishedTargetProgress) => void;
  readonly onDelete?: (row: PublishedTargetProgress) => void;
}

function RowActions({
  row,
  onEdit,
  onDelete,
}: TargetsTableProps & { row: PublishedTargetProgress }) {
  const { t } = useTranslation();
  const format = useTargetFormat();
  const what = { unit: row.unit.name, ranks: format.ranks(row), year: String(row.targetYear) };
  if (!onEdit || !onDelete) return null;
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Button
        size="compact-xs"
        variant="subtle"
        aria-label={t("web.targets.editFor", what)}
        onClick={() => onEdit(row)}
      >
        {t("web.targets.edit")}
      </Button>
      <Button
        size="compact-xs"
        variant="subtle"
        color="red"
        aria-label={t("web.targets.deleteFor", what)}
        onClick={() => onDelete(row)}
      >
        {t("web.targets.delete")}
      </Button>
    </Group>
  );
}

/** Current share with its counts: "15.0% (3 of 20)". */
function Current({ row }: { row: PublishedTargetProgress }) {
  const { t } = useTranslation();
  const format = useTargetFormat();
  return (
    <Stack gap={0}>
      <Text size="sm">{format.current(row)}</Text>
      {row.current ? (
        <Text size="xs" c="dimmed">
          {t("web.targets.counts", {
            women: format.count(row.current.numerator),
            known: format.count(row.current.denominator),
          })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Targets with unit, rank group, year, target, current share, gap and status; cards on a phone. */
export function TargetsTable(props: TargetsTableProps) {
  const { t } = useTranslation();
  const format = useTargetFormat();
  const unit = (row: PublishedTargetProgress) => (
    <Stack gap={0}>
      <Text size="sm" fw={500}>
        {row.unit.name}
      </Text>
      <Text size="xs" c="dimmed">
        {row.unit.code}
      </Text>
    </Stack>
  );

  return (
    <ResponsiveTable
      rows={props.rows}
      testId={(row) => `target-${row.id}`}
      minWidth={860}
      head={
        <Table.Tr>
          <Table.Th scope="col">{t("web.targets.field.unit")}</Table.Th>
          <Table.Th scope="col">{t("web.targets.field.rankGroup")}</Table.Th>
          <Table.Th scope="col" ta="end">
            {t("web.targets.field.targetYear")}
          </Table.Th>
          <Table.Th scope="col" ta="end">
            {t("web.targets.field.target")}
          </Table.Th>
          <Table.Th scope="col" ta="end">
            {t("web.targets.field.current")}
          </Table.Th>
          <Table.Th scope="col">{t("web.targets.field.gap")}</Table.Th>
          <Table.Th scope="col">{t("web.targets.field.status")}</Table.Th>
          {props.onEdit ? (
            <Table.Th scope="col">
              <VisuallyHidden>{t("web.targets.field.actions")}</VisuallyHidden>
            </Table.Th>
          ) : null}
        </Table.Tr>
      }
      cells={(row) => (
        <>
          <Table.Td>{unit(row)}</Table.Td>
          <Table.Td>{format.ranks(row)}</Table.Td>
          <Table.Td ta="end">{row.targetYear}</Table.Td>
          <Table.Td ta="end">{format.target(row.shareBasisPoints)}</Table.Td>
          <Table.Td ta="end">
            <Current row={row} />
          </Table.Td>
          <Table.Td>{format.gap(row)}</Table.Td>
          <Table.Td>
            <StatusBadge row={row} expected={format.expected(row)} />
          </Table.Td>
          {props.onEdit ? (
            <Table.Td>
              <RowActions {...props} row={row} />
            </Table.Td>
          ) : null}
        </>
      )}
      cardGap="xs"
      card={(row) => (
        <>
          {unit(row)}
          <StatusBadge row={row} expected={format.expected(row)} />
          <Text size="sm">
            {t("web.targets.summary", {
              ranks: format.ranks(row),
              share: format.target(row.shareBasisPoints),
              year: String(row.targetYear),
            })}
          </Text>
          <SimpleGrid cols={2} spacing="xs">
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t("web.targets.field.current")}
              </Text>
              <Current row={row} />
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t("web.targets.field.gap")}
              </Text>
              <Text size="sm">{format.gap(row)}</Text>
            </Stack>
          </SimpleGrid>
          <RowActions {...props} row={row} />
        </>
      )}
    />
  );
}
