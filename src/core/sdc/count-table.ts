/**
 * Frequency tables as they are published: counts by row and column category, with every row total,
 * column total and the grand total (INDICATORS.md §8; docs/indicators.md "Disclosure control").
 *
 * Rows may form a hierarchy (§8.4, linked tables): a row without counts of its own is the sum of the
 * rows naming it as `parent`; top-level rows add up to the total row. Columns are flat.
 */

/** A row of the input: a leaf row has `counts`; a row without counts adds up its child rows. */
export interface CountRowInput {
  readonly key: string;
  /** The row this row adds up to; absent for a top-level row (it adds up to the total row). */
  readonly parent?: string;
  /** Counts by column, in the order of `columns`; absent for a row that is the sum of its children. */
  readonly counts?: readonly number[];
}

export interface CountTableInput {
  /** Column categories, e.g. `["F", "M", "X", "U"]` or rank-group codes; the total column is added. */
  readonly columns: readonly string[];
  /** Body rows in display order; the total row is added. At least one row. */
  readonly rows: readonly CountRowInput[];
}

/** A line of counts with its total (the sum of `counts`). */
export interface CountLine {
  readonly counts: readonly number[];
  readonly total: number;
}

export interface CountRow extends CountLine {
  readonly key: string;
  /** Key of the row this row adds up to; null for a top-level row. */
  readonly parent: string | null;
}

/** A published table: body rows (sums computed for parent rows), row totals, the total row. */
export interface CountTable {
  readonly columns: readonly string[];
  readonly rows: readonly CountRow[];
  /** Column totals and the grand total: the sum of the top-level rows (or the only line of a list). */
  readonly totalRow: CountLine;
}

/**
 * A cell of a table by position: `row` indexes `rows`, `row === rows.length` is the total row;
 * `column` indexes `columns`, `column === columns.length` is the total column.
 */
export interface CellRef {
  readonly row: number;
  readonly column: number;
}

function checkColumns(columns: readonly string[]): void {
  if (columns.length === 0) throw new Error("a count table needs at least one column");
  if (new Set(columns).size !== columns.length) throw new Error("column keys must be unique");
}

function checkCounts(where: string, counts: readonly number[], width: number): void {
  if (counts.length !== width)
    throw new Error(`${where} has ${counts.length} counts, not ${width}`);
  for (const count of counts) {
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new Error(`${where} holds ${count}: counts are non-negative integers`);
    }
  }
}

function sumLines(lines: readonly CountLine[], width: number): CountLine {
  const counts = Array.from({ length: width }, (_, column) =>
    lines.reduce((sum, line) => sum + (line.counts[column] ?? 0), 0),
  );
  return { counts, total: counts.reduce((sum, count) => sum + count, 0) };
}

/**
 * Builds a two-dimensional table (optionally with hierarchical rows) from the counts of its leaf
 * rows, computing every parent row, row total, column total and the grand total, so that the table
 * adds up by construction. Throws on malformed input (a programming error, not a user error).
 */
export function createCountTable(input: CountTableInput): CountTable {
  const { columns, rows } = input;
  checkColumns(columns);
  if (rows.length === 0) throw new Error("a count table needs at least one row");
  const byKey = new Map(rows.map((row) => [row.key, row]));
  if (byKey.size !== rows.length) throw new Error("row keys must be unique");
  const children = new Map<string | null, CountRowInput[]>();
  for (const row of rows) {
    const parent = row.parent ?? null;
    if (parent !== null && !byKey.has(parent)) {
      throw new Error(`row ${row.key} names an unknown parent ${parent}`);
    }
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const lines = new Map<string, CountLine>();
  const lineOf = (row: CountRowInput, path: ReadonlySet<string>): CountLine => {
    const known = lines.get(row.key);
    if (known) return known;
    if (path.has(row.key)) throw new Error(`row ${row.key} is its own ancestor`);
    const kids = children.get(row.key) ?? [];
    if (row.counts !== undefined && kids.length > 0) {
      throw new Error(`row ${row.key} has child rows and cannot have counts of its own`);
    }
    let line: CountLine;
    if (row.counts === undefined) {
      if (kids.length === 0) throw new Error(`row ${row.key} has neither counts nor child rows`);
      const inner = new Set(path).add(row.key);
      line = sumLines(
        kids.map((kid) => lineOf(kid, inner)),
        columns.length,
      );
    } else {
      checkCounts(`row ${row.key}`, row.counts, columns.length);
      line = { counts: [...row.counts], total: row.counts.reduce((sum, count) => sum + count, 0) };
    }
    lines.set(row.key, line);
    return line;
  };
  const body = rows.map((row) => ({
    key: row.key,
    parent: row.parent ?? null,
    ...lineOf(row, new Set()),
  }));
  const topLevel = (children.get(null) ?? []).map((row) => lineOf(row, new Set()));
  if (topLevel.length === 0) throw new Error("every row has a parent: the rows form a cycle");
  return { columns: [...columns], rows: body, totalRow: sumLines(topLevel, columns.length) };
}

/** A one-dimensional table: counts by category (e.g. by sex) and their total. */
export function createCountList(input: {
  readonly columns: readonly string[];
  readonly counts: readonly number[];
}): CountTable {
  checkColumns(input.columns);
  checkCounts("the list", input.counts, input.columns.length);
  return {
    columns: [...input.columns],
    rows: [],
    totalRow: {
      counts: [...input.counts],
      total: input.counts.reduce((sum, count) => sum + count, 0),
    },
  };
}

/** The value of a cell (totals included). */
export function cellValue(table: CountTable, cell: CellRef): number {
  const line = cell.row === table.rows.length ? table.totalRow : table.rows[cell.row];
  if (!line || cell.column < 0 || cell.column > table.columns.length) {
    throw new Error(`no cell at row ${cell.row}, column ${cell.column}`);
  }
  return cell.column === table.columns.length ? line.total : (line.counts[cell.column] ?? 0);
}
