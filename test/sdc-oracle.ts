/**
 * Independent checks of disclosure control (src/core/sdc): the feasible interval of a cell computed
 * from the table's additivity equations written out directly, by a dense simplex (any size) and by
 * enumeration (tiny tables), without the network model the production code uses.
 */
import { cellValue, type CellRef, type CountTable } from "../src/core/sdc/count-table";
import type { ProtectedCell, ProtectedTable } from "../src/core/sdc/suppress";

export interface Interval {
  readonly min: number;
  readonly max: number;
}

/** Every cell of the grid, totals last in each row and the total row last. */
export function allCells(table: CountTable): CellRef[] {
  return Array.from({ length: table.rows.length + 1 }, (_, row) =>
    Array.from({ length: table.columns.length + 1 }, (_, column) => ({ row, column })),
  ).flat();
}

export function protectedCell(table: ProtectedTable, cell: CellRef): ProtectedCell {
  const line = cell.row === table.rows.length ? table.totalRow : table.rows[cell.row];
  const found =
    line && (cell.column === table.columns.length ? line.total : line.cells[cell.column]);
  if (!found) throw new Error(`no cell ${cell.row},${cell.column}`);
  return found;
}

/** The additivity equations of a table: each says Σ parts − whole = 0, over cell keys "row,column". */
export function tableEquations(table: CountTable): { parts: string[]; whole: string }[] {
  const totalRow = table.rows.length;
  const totalColumn = table.columns.length;
  const key = (row: number, column: number) => `${row},${column}`;
  const equations: { parts: string[]; whole: string }[] = [];
  for (let row = 0; row <= totalRow; row++) {
    equations.push({
      parts: table.columns.map((_, column) => key(row, column)),
      whole: key(row, totalColumn),
    });
  }
  for (let parent = 0; parent <= totalRow; parent++) {
    const parentKey = table.rows[parent]?.key ?? null;
    const children = table.rows.flatMap((row, index) => (row.parent === parentKey ? [index] : []));
    if (children.length === 0) continue;
    for (let column = 0; column <= totalColumn; column++) {
      equations.push({
        parts: children.map((child) => key(child, column)),
        whole: key(parent, column),
      });
    }
  }
  return equations;
}

interface LinearSystem {
  readonly variables: string[];
  readonly rows: number[][];
  readonly rhs: number[];
}

function linearSystem(table: CountTable, suppressed: readonly CellRef[]): LinearSystem {
  const variables = suppressed.map((cell) => `${cell.row},${cell.column}`);
  const position = new Map(variables.map((name, index) => [name, index]));
  const valueOf = (name: string) => {
    const [row, column] = name.split(",").map(Number);
    return cellValue(table, { row: row ?? 0, column: column ?? 0 });
  };
  const rows: number[][] = [];
  const rhs: number[] = [];
  for (const { parts, whole } of tableEquations(table)) {
    const coefficients = new Array<number>(variables.length).fill(0);
    let constant = 0;
    for (const [name, sign] of [...parts.map((part) => [part, 1] as const), [whole, -1] as const]) {
      const index = position.get(name);
      if (index === undefined) constant += sign * valueOf(name);
      else coefficients[index] = (coefficients[index] ?? 0) + sign;
    }
    if (coefficients.some((c) => c !== 0)) {
      rows.push(coefficients);
      rhs.push(-constant);
    }
  }
  return { variables, rows, rhs };
}

const EPSILON = 1e-9;

/** Maximises objective·y subject to rows·y = rhs, y ≥ 0 (two-phase simplex, Bland's rule); Infinity if unbounded. */
function maximise(system: LinearSystem, objective: readonly number[]): number {
  const n = system.variables.length;
  const m = system.rows.length;
  const tableau = system.rows.map((row, i) => {
    const sign = (system.rhs[i] ?? 0) < 0 ? -1 : 1;
    const artificial = Array.from({ length: m }, (_, j) => (j === i ? 1 : 0));
    return [...row.map((v) => v * sign), ...artificial, (system.rhs[i] ?? 0) * sign];
  });
  const basis = Array.from({ length: m }, (_, i) => n + i);
  const width = n + m;
  const pivot = (r: number, c: number) => {
    const row = tableau[r] ?? [];
    const p = row[c] ?? 1;
    for (let j = 0; j <= width; j++) row[j] = (row[j] ?? 0) / p;
    tableau.forEach((other, i) => {
      const factor = other[c] ?? 0;
      if (i === r || Math.abs(factor) < EPSILON) return;
      for (let j = 0; j <= width; j++) other[j] = (other[j] ?? 0) - factor * (row[j] ?? 0);
    });
    basis[r] = c;
  };
  /** Runs the simplex for a cost vector; false if unbounded. */
  const run = (cost: (column: number) => number, allowed: (column: number) => boolean) => {
    for (;;) {
      let entering = -1;
      for (let c = 0; c < width && entering === -1; c++) {
        if (!allowed(c) || basis.includes(c)) continue;
        const reduced =
          cost(c) - tableau.reduce((s, row, i) => s + cost(basis[i] ?? 0) * (row[c] ?? 0), 0);
        if (reduced > EPSILON) entering = c;
      }
      if (entering === -1) return true;
      let leaving = -1;
      let best = Number.POSITIVE_INFINITY;
      tableau.forEach((row, i) => {
        const a = row[entering] ?? 0;
        if (a <= EPSILON) return;
        const ratio = (row[width] ?? 0) / a;
        if (
          ratio < best - EPSILON ||
          (Math.abs(ratio - best) <= EPSILON && (basis[i] ?? 0) < (basis[leaving] ?? 0))
        ) {
          best = ratio;
          leaving = i;
        }
      });
      if (leaving === -1) return false;
      pivot(leaving, entering);
    }
  };
  run(
    (c) => (c >= n ? -1 : 0),
    () => true,
  );
  const infeasibility = tableau.reduce(
    (s, row, i) => s + ((basis[i] ?? 0) >= n ? (row[width] ?? 0) : 0),
    0,
  );
  if (infeasibility > 1e-6) throw new Error("the published table is inconsistent");
  tableau.forEach((row, i) => {
    if ((basis[i] ?? 0) < n) return;
    const c = row.findIndex((v, j) => j < n && Math.abs(v) > EPSILON);
    if (c !== -1) pivot(i, c);
  });
  const bounded = run(
    (c) => (c < n ? (objective[c] ?? 0) : 0),
    (c) => c < n,
  );
  if (!bounded) return Number.POSITIVE_INFINITY;
  const optimum = tableau.reduce(
    (s, row, i) => s + (objective[basis[i] ?? 0] ?? 0) * (row[width] ?? 0),
    0,
  );
  return Math.round(optimum) + 0;
}

/** Exact feasible interval of a suppressed cell by linear programming over the written-out equations. */
export function intervalByLinearProgramming(
  table: CountTable,
  suppressed: readonly CellRef[],
  cell: CellRef,
): Interval {
  const system = linearSystem(table, suppressed);
  const index = system.variables.indexOf(`${cell.row},${cell.column}`);
  if (index === -1) return { min: cellValue(table, cell), max: cellValue(table, cell) };
  const unit = system.variables.map((_, i) => (i === index ? 1 : 0));
  const negatedMin = maximise(
    system,
    unit.map((v) => -v),
  );
  return { min: 0 - negatedMin, max: maximise(system, unit) };
}

/** Every cell of a table whose leaf interior cells hold `leaves`, by evaluating its equations. */
function completeGrid(table: CountTable, leaves: ReadonlyMap<string, number>): Map<string, number> {
  const known = new Map(leaves);
  const equations = tableEquations(table);
  for (let changed = true; changed;) {
    changed = false;
    for (const { parts, whole } of equations) {
      if (known.has(whole) || !parts.every((part) => known.has(part))) continue;
      known.set(
        whole,
        parts.reduce((sum, part) => sum + (known.get(part) ?? 0), 0),
      );
      changed = true;
    }
  }
  return known;
}

/**
 * Feasible intervals of every suppressed cell by enumerating the leaf interior cells of a tiny
 * table (every other cell is a sum of them) and keeping the tables that agree with every published
 * cell. A cell counts as unbounded when it can exceed its value by more than the sum of the
 * suppressed values (a bounded rise never does: it is at most a cut through suppressed cells).
 */
export function intervalsByEnumeration(
  table: CountTable,
  suppressed: readonly CellRef[],
): Map<string, Interval> {
  const name = (cell: CellRef) => `${cell.row},${cell.column}`;
  const hidden = new Set(suppressed.map(name));
  const slack = suppressed.reduce((sum, cell) => sum + cellValue(table, cell), 0) + 1;
  const isParent = (key: string) => table.rows.some((row) => row.parent === key);
  const leafRows =
    table.rows.length === 0
      ? [0]
      : table.rows.flatMap((row, index) => (isParent(row.key) ? [] : [index]));
  const leafCells = leafRows.flatMap((row) => table.columns.map((_, column) => ({ row, column })));
  const truth = new Map(allCells(table).map((cell) => [name(cell), cellValue(table, cell)]));
  const free = leafCells.filter((cell) => hidden.has(name(cell)));
  const trial = new Map(leafCells.map((cell) => [name(cell), truth.get(name(cell)) ?? 0]));
  const result = new Map<string, Interval>();
  const visit = (index: number) => {
    const cell = free[index];
    if (cell) {
      for (let value = 0; value <= (truth.get(name(cell)) ?? 0) + slack; value++) {
        trial.set(name(cell), value);
        visit(index + 1);
      }
      return;
    }
    const grid = completeGrid(table, trial);
    for (const [key, value] of truth) if (!hidden.has(key) && grid.get(key) !== value) return;
    for (const key of hidden) {
      const value = grid.get(key) ?? Number.NaN;
      const seen = result.get(key);
      result.set(key, {
        min: Math.min(seen?.min ?? value, value),
        max: Math.max(seen?.max ?? value, value),
      });
    }
  };
  visit(0);
  for (const [key, interval] of result) {
    if (interval.max >= (truth.get(key) ?? 0) + slack) {
      result.set(key, { ...interval, max: Number.POSITIVE_INFINITY });
    }
  }
  return result;
}
