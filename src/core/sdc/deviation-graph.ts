import type { TableNetwork } from "./table-network";

/**
 * Residual graph of the changes an observer may make to the cells of a table: a cell can grow
 * without bound (edge tail → head, capacity ∞) and shrink to zero (edge head → tail, capacity =
 * value). Edge `2i + 1` is the residual partner of edge `2i`; both carry the cell they move.
 */
export interface DeviationGraph {
  readonly nodeCount: number;
  readonly from: number[];
  readonly to: number[];
  readonly capacity: number[];
  readonly cell: number[];
  readonly outgoing: number[][];
}

/**
 * The deviation graph of the cells `include` accepts, but `excluded` (the cell whose range is being
 * measured).
 */
export function buildDeviationGraph(
  network: TableNetwork,
  excluded: number,
  include: (cell: number) => boolean,
): DeviationGraph {
  const graph: DeviationGraph = {
    nodeCount: network.nodeCount,
    from: [],
    to: [],
    capacity: [],
    cell: [],
    outgoing: Array.from({ length: network.nodeCount }, () => []),
  };
  const addHalf = (from: number, to: number, capacity: number, cell: number) => {
    graph.outgoing[from]?.push(graph.from.length);
    graph.from.push(from);
    graph.to.push(to);
    graph.capacity.push(capacity);
    graph.cell.push(cell);
  };
  network.cells.forEach((cell, id) => {
    if (id === excluded || !include(id)) return;
    addHalf(cell.tail, cell.head, Number.POSITIVE_INFINITY, id);
    addHalf(cell.head, cell.tail, 0, id);
    if (cell.value === 0) return;
    addHalf(cell.head, cell.tail, cell.value, id);
    addHalf(cell.tail, cell.head, 0, id);
  });
  return graph;
}

function valueAt(values: readonly number[], index: number): number {
  const value = values[index];
  if (value === undefined) throw new Error(`no entry ${index}`);
  return value;
}

/** Edges of a path found by breadth-first search over usable edges with capacity left, or null. */
function findPath(
  graph: DeviationGraph,
  source: number,
  sink: number,
  isUsable: (cell: number) => boolean,
): number[] | null {
  const via = new Array<number>(graph.nodeCount).fill(-1);
  const seen = new Array<boolean>(graph.nodeCount).fill(false);
  seen[source] = true;
  const queue = [source];
  for (let head = 0; head < queue.length && !seen[sink]; head++) {
    const node = queue[head] ?? 0;
    for (const edge of graph.outgoing[node] ?? []) {
      const next = valueAt(graph.to, edge);
      if (seen[next] || valueAt(graph.capacity, edge) <= 0) continue;
      if (!isUsable(valueAt(graph.cell, edge))) continue;
      seen[next] = true;
      via[next] = edge;
      queue.push(next);
    }
  }
  return seen[sink] ? tracePath(graph, via, source, sink) : null;
}

function tracePath(
  graph: DeviationGraph,
  via: readonly number[],
  source: number,
  sink: number,
): number[] {
  const path: number[] = [];
  for (let node = sink; node !== source;) {
    const edge = valueAt(via, node);
    path.push(edge);
    node = valueAt(graph.from, edge);
  }
  return path.reverse();
}

/**
 * Pushes up to `limit` units from `source` to `sink` over the usable cells (Edmonds–Karp) and
 * returns the amount pushed; Infinity when `limit` is Infinity and an unbounded path exists. The
 * graph keeps the flow, so a later search sees its residual capacities.
 */
export function pushFlow(
  graph: DeviationGraph,
  source: number,
  sink: number,
  limit: number,
  isUsable: (cell: number) => boolean,
): number {
  let flow = 0;
  while (flow < limit) {
    const path = findPath(graph, source, sink, isUsable);
    if (!path) break;
    const amount = path.reduce(
      (smallest, edge) => Math.min(smallest, valueAt(graph.capacity, edge)),
      limit - flow,
    );
    if (amount === Number.POSITIVE_INFINITY) return amount;
    for (const edge of path) {
      graph.capacity[edge] = valueAt(graph.capacity, edge) - amount;
      graph.capacity[edge ^ 1] = valueAt(graph.capacity, edge ^ 1) + amount;
    }
    flow += amount;
  }
  return flow;
}

export interface CheapestPath {
  /** The cells the path moves, in order. */
  readonly cells: number[];
  readonly cost: number;
  /** The most the path can carry (Infinity when every edge is unbounded). */
  readonly capacity: number;
}

/**
 * The cheapest path with capacity left from `source` to `sink` (Dijkstra; costs are per cell and
 * non-negative), as the cells it moves, or null. Ties go to the lower node number: deterministic.
 */
export function findCheapestPath(
  graph: DeviationGraph,
  source: number,
  sink: number,
  costOf: (cell: number) => number,
): CheapestPath | null {
  const distance = new Array<number>(graph.nodeCount).fill(Number.POSITIVE_INFINITY);
  const via = new Array<number>(graph.nodeCount).fill(-1);
  const done = new Array<boolean>(graph.nodeCount).fill(false);
  distance[source] = 0;
  for (;;) {
    let node = -1;
    for (let candidate = 0; candidate < graph.nodeCount; candidate++) {
      if (done[candidate] || valueAt(distance, candidate) === Number.POSITIVE_INFINITY) continue;
      if (node === -1 || valueAt(distance, candidate) < valueAt(distance, node)) node = candidate;
    }
    if (node === -1) return null;
    if (node === sink) break;
    done[node] = true;
    for (const edge of graph.outgoing[node] ?? []) {
      if (valueAt(graph.capacity, edge) <= 0) continue;
      const next = valueAt(graph.to, edge);
      const reached = valueAt(distance, node) + costOf(valueAt(graph.cell, edge));
      if (reached < valueAt(distance, next)) {
        distance[next] = reached;
        via[next] = edge;
      }
    }
  }
  const path = tracePath(graph, via, source, sink);
  return {
    cells: path.map((edge) => valueAt(graph.cell, edge)),
    cost: valueAt(distance, sink),
    capacity: Math.min(...path.map((edge) => valueAt(graph.capacity, edge))),
  };
}
