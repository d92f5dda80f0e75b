import { Paper, Stack, Table, type MantineSpacing } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { ReactNode } from "react";

interface ResponsiveTableProps<Row extends { readonly id: number }> {
  readonly rows: readonly Row[];
  /** `data-testid` of a row's table row and of its card. */
  readonly testId: (row: Row) => string;
  /** Below this width the table scrolls sideways. */
  readonly minWidth: number;
  /** The header rows (`Table.Tr`). */
  readonly head: ReactNode;
  /** A row's cells (`Table.Td`). */
  readonly cells: (row: Row) => ReactNode;
  /** A row as a card's content on a phone. */
  readonly card: (row: Row) => ReactNode;
  readonly cardGap?: MantineSpacing;
}

/** A striped table on a wide screen, one bordered card per row on a phone (up to 48em). */
export function ResponsiveTable<Row extends { readonly id: number }>(
  props: ResponsiveTableProps<Row>,
) {
  const isCompact = useMediaQuery("(max-width: 48em)");

  if (isCompact) {
    return (
      <Stack gap="xs">
        {props.rows.map((row) => (
          <Paper key={row.id} withBorder p="sm" data-testid={props.testId(row)}>
            <Stack gap={props.cardGap ?? 4}>{props.card(row)}</Stack>
          </Paper>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={props.minWidth} type="native">
      <Table striped verticalSpacing="xs">
        <Table.Thead>{props.head}</Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <Table.Tr key={row.id} data-testid={props.testId(row)}>
              {props.cells(row)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
