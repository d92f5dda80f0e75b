import { cellValue, type CellRef, type CountTable } from "./count-table";

/**
 * A table with margins as a circulation network (docs/indicators.md "Disclosure control"): every cell
 * (totals included) is an arc and every additivity equation is flow conservation at a node, so the
 * feasible values of suppressed cells are the circulations that keep published arcs fixed. This holds
 * for two-dimensional tables with hierarchical rows (Castro's 1H2D tables), hence exact bounds by
 * max-flow: the constraint matrix is totally unimodular.
 */
export interface NetworkCell extends CellRef {
  readonly value: number;
  readonly tail: number;
  readonly head: number;
}

export interface TableNetwork {
  readonly nodeCount: number;
  /** Cells by id: `row * (columns + 1) + column`, the total row and total column last. */
  readonly cells: readonly NetworkCell[];
  /** Every line of the table as cell ids, its total last: a row; a column within one parent row. */
  readonly lines: readonly (readonly number[])[];
}

export function cellId(table: CountTable, cell: CellRef): number {
  return cell.row * (table.columns.length + 1) + cell.column;
}

/**
 * Nodes: Z (the total row's equation), one node per (parent row, column) for the "parent = sum of
 * children" equations, one node per leaf row for "row total = sum of the row". The grand total flows
 * Z → column totals → … → leaf cells → leaf rows → row totals → … → grand total → Z.
 */
export function buildTableNetwork(table: CountTable): TableNetwork {
  const rowCount = table.rows.length;
  const width = table.columns.length + 1;
  const totalRow = rowCount;
  const index = new Map(table.rows.map((row, position) => [row.key, position]));
  const parentOf = table.rows.map((row) =>
    row.parent === null ? totalRow : index.get(row.parent),
  );
  const children: number[][] = Array.from({ length: rowCount + 1 }, () => []);
  parentOf.forEach((parent, row) => children[parent ?? totalRow]?.push(row));

  let nodeCount = 1;
  const rowNodes = children.map((kids) => {
    if (kids.length > 0) return Array.from({ length: width }, () => nodeCount++);
    const leaf = nodeCount++;
    return Array.from({ length: width }, () => leaf);
  });
  const lowerEnd = (row: number, column: number) => rowNodes[row]?.[column] ?? 0;
  const upperEnd = (row: number, column: number) =>
    row === totalRow ? 0 : lowerEnd(parentOf[row] ?? totalRow, column);

  const cells: NetworkCell[] = [];
  for (let row = 0; row <= rowCount; row++) {
    for (let column = 0; column < width; column++) {
      const isTotal = column === width - 1;
      const above = upperEnd(row, column);
      const below = lowerEnd(row, column);
      cells.push({
        row,
        column,
        value: cellValue(table, { row, column }),
        tail: isTotal ? below : above,
        head: isTotal ? above : below,
      });
    }
  }
  const lines: number[][] = [];
  for (let row = 0; row <= rowCount; row++) {
    lines.push(Array.from({ length: width }, (_, column) => row * width + column));
    const kids = children[row] ?? [];
    if (kids.length === 0) continue;
    for (let column = 0; column < width; column++) {
      lines.push([...kids.map((kid) => kid * width + column), row * width + column]);
    }
  }
  checkAdditivity(cells, lines);
  return { nodeCount, cells, lines };
}

/** A table built by hand rather than by `createCountTable` must still be counts that add up. */
function checkAdditivity(cells: readonly NetworkCell[], lines: readonly (readonly number[])[]) {
  const valueOf = (id: number) => cells[id]?.value ?? Number.NaN;
  for (const cell of cells) {
    if (!Number.isSafeInteger(cell.value) || cell.value < 0) {
      throw new Error(`cell ${cell.row},${cell.column} holds ${cell.value}, not a count`);
    }
  }
  for (const line of lines) {
    const parts = line.slice(0, -1).reduce((sum, id) => sum + valueOf(id), 0);
    if (parts !== valueOf(line[line.length - 1] ?? -1)) {
      throw new Error(`the table does not add up along cells ${line.join(", ")}`);
    }
  }
}
