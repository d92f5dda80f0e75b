import { Anchor, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ColumnKind, TableModel, TableRow } from "./table-model";
import { FigureText } from "./figure-text";

/** Numbers line up on the right, words on the left. */
const alignOf = (kind: ColumnKind) => (kind === "text" ? "start" : "end");

interface DataTableProps {
  readonly model: TableModel;
  /** The table's accessible name. */
  readonly label: string;
  /** The id of the text that describes the table (its definition). */
  readonly describedBy?: string;
  /** Opens a unit named by a row (drill-down). */
  readonly onOpenUnit?: (unitId: number) => void;
  readonly minWidth?: number;
}

function RowHeader({
  row,
  onOpenUnit,
  isTotal,
}: {
  readonly row: TableRow;
  readonly onOpenUnit: ((unitId: number) => void) | undefined;
  readonly isTotal: boolean;
}) {
  const { t } = useTranslation();
  const { unitId } = row;
  return (
    <Table.Th scope="row" fw={isTotal ? 700 : 500}>
      {unitId !== undefined && onOpenUnit ? (
        <Anchor
          component="button"
          type="button"
          size="sm"
          ta="start"
          onClick={() => onOpenUnit(unitId)}
          aria-label={t("web.dashboard.openUnit", { unit: row.header })}
        >
          {row.header}
        </Anchor>
      ) : (
        row.header
      )}
    </Table.Th>
  );
}

/** The numbers of a chart as an accessible table: row headers, figures with their definitions. */
export function DataTable({ model, label, describedBy, onOpenUnit, minWidth = 0 }: DataTableProps) {
  const line = (row: TableRow, isTotal: boolean) => (
    <Table.Tr key={row.id}>
      <RowHeader row={row} onOpenUnit={onOpenUnit} isTotal={isTotal} />
      {model.columns.map((column, i) => {
        const cell = row.cells[i];
        return (
          <Table.Td key={column.id} ta={alignOf(column.kind)} fw={isTotal ? 700 : undefined}>
            {cell ? (
              <FigureText
                cell={cell}
                kind={column.kind}
                definitionKey={column.definitionKey}
                fz="sm"
              />
            ) : null}
          </Table.Td>
        );
      })}
    </Table.Tr>
  );
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native">
      <Table
        striped
        highlightOnHover
        verticalSpacing={4}
        fz="sm"
        aria-label={label}
        aria-describedby={describedBy}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{model.rowHeader}</Table.Th>
            {model.columns.map((column) => (
              <Table.Th key={column.id} scope="col" ta={alignOf(column.kind)}>
                {column.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{model.rows.map((row) => line(row, false))}</Table.Tbody>
        {model.total ? <Table.Tfoot>{line(model.total, true)}</Table.Tfoot> : null}
      </Table>
    </Table.ScrollContainer>
  );
}
