import { cellValue, type CellRef, type CountTable } from "./count-table";
import { buildDeviationGraph, pushFlow, type DeviationGraph } from "./deviation-graph";
import { buildTableNetwork, cellId, type TableNetwork } from "./table-network";

/** What an observer can deduce about a cell: its smallest and largest possible value (max may be Infinity). */
export interface FeasibleInterval {
  readonly min: number;
  readonly max: number;
}

/** How far a suppressed cell can move down and up, each measured up to a limit, with the flows kept. */
export interface CellMovement {
  readonly down: number;
  readonly up: number;
  readonly downGraph: DeviationGraph;
  readonly upGraph: DeviationGraph;
}

/**
 * Moving cell `id` by +δ (−δ) is a circulation that sends δ round a cycle of suppressed cells
 * through it, so its largest rise is a max-flow from its head to its tail and its largest fall a
 * max-flow back, capped by its own value (non-negativity). `limit` caps the work: the result is
 * exact below it. `down + up` is the width of the cell's feasible interval (§8 P3). The graphs hold
 * only the suppressed cells, or every cell `withCandidates` (flow still goes through suppressed
 * cells only) for a search of cells to suppress next.
 */
export function measureMovement(
  network: TableNetwork,
  suppressed: readonly boolean[],
  id: number,
  limit: number,
  withCandidates = false,
): CellMovement {
  const cell = network.cells[id];
  if (!cell) throw new Error(`no cell ${id}`);
  const isUsable = (other: number) => suppressed[other] === true;
  const include = withCandidates ? () => true : isUsable;
  const downGraph = buildDeviationGraph(network, id, include);
  const down = pushFlow(downGraph, cell.tail, cell.head, Math.min(cell.value, limit), isUsable);
  const upGraph = buildDeviationGraph(network, id, include);
  const up = pushFlow(upGraph, cell.head, cell.tail, limit - down, isUsable);
  return { down, up, downGraph, upGraph };
}

/**
 * The exact feasible interval of a cell given every published cell of the table, the additivity of
 * its rows, columns and totals, and non-negativity (§8 P3). A published cell's interval is its value.
 */
export function computeFeasibleInterval(
  table: CountTable,
  suppressed: readonly CellRef[],
  cell: CellRef,
): FeasibleInterval {
  const network = buildTableNetwork(table);
  const flags = new Array<boolean>(network.cells.length).fill(false);
  for (const ref of suppressed) flags[cellId(table, ref)] = true;
  const value = cellValue(table, cell);
  const id = cellId(table, cell);
  if (!flags[id]) return { min: value, max: value };
  const { down, up } = measureMovement(network, flags, id, Number.POSITIVE_INFINITY);
  return { min: value - down, max: value + up };
}
