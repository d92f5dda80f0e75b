import { Group, Paper, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { EventCountsBySex } from "../../../../core/schemas/personnel-import";
import { sexes } from "../../../../core/schemas/sex";
import { useFormatters } from "../../../lib/use-formatters";
import { reviewTable, type SexCounts } from "../event-counts";

/** A phone's view of one row: the type and its total, then each sex with its count. */
function CountsCard(props: { readonly title: string; readonly counts: SexCounts }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {props.title}
        </Text>
        <Text size="sm" fw={700}>
          {format.count(props.counts.total)}
        </Text>
      </Group>
      <SimpleGrid cols={2} spacing={4} verticalSpacing={2} mt={4}>
        {sexes.map((sex) => (
          <Text key={sex} size="xs" c="dimmed">
            {t(`web.sex.${sex}`)}:{" "}
            <Text span size="xs" c="dark" fw={600}>
              {format.count(props.counts[sex])}
            </Text>
          </Text>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

/** Events by type (rows) and sex (columns), unknown sex included, with totals. */
export function EventCountsTable({ events }: { readonly events: readonly EventCountsBySex[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { rows, total } = reviewTable(events);
  return (
    <>
      <Table.ScrollContainer minWidth={560} type="native" visibleFrom="sm">
        <Table striped withTableBorder fz="sm" data-testid="personnel-event-counts">
          <Table.Caption>{t("web.personnelImport.review.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("web.personnelImport.review.type")}</Table.Th>
              {sexes.map((sex) => (
                <Table.Th key={sex} scope="col" ta="end">
                  {t(`web.sex.${sex}`)}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="end">
                {t("web.personnelImport.review.total")}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.type}>
                <Table.Th scope="row" fw={500}>
                  {t(`web.personnelImport.eventType.${row.type}`)}
                </Table.Th>
                {sexes.map((sex) => (
                  <Table.Td key={sex} ta="end">
                    {format.count(row[sex])}
                  </Table.Td>
                ))}
                <Table.Td ta="end" fw={600}>
                  {format.count(row.total)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t("web.personnelImport.review.allEvents")}</Table.Th>
              {sexes.map((sex) => (
                <Table.Th key={sex} ta="end">
                  {format.count(total[sex])}
                </Table.Th>
              ))}
              <Table.Th ta="end">{format.count(total.total)}</Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      <Stack gap="xs" hiddenFrom="sm">
        {rows.map((row) => (
          <CountsCard
            key={row.type}
            title={t(`web.personnelImport.eventType.${row.type}`)}
            counts={row}
          />
        ))}
        <CountsCard title={t("web.personnelImport.review.allEvents")} counts={total} />
        <Text size="xs" c="dimmed">
          {t("web.personnelImport.review.caption")}
        </Text>
      </Stack>
    </>
  );
}
