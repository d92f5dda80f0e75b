import type { CountLine, CountTable } from "./count-table";
import { findCheapestPath, type CheapestPath } from "./deviation-graph";
import { measureMovement } from "./feasible-interval";
import { buildTableNetwork, type TableNetwork } from "./table-network";

/** Threshold of §8: counts from 1 to k − 1 are unsafe. */
export const DEFAULT_SDC_THRESHOLD = 5;

export interface SuppressionOptions {
  /** Counts from 1 to k − 1 are suppressed (k ≥ 2; default 5). */
  readonly k?: number;
  /** Smallest width of a suppressed small count's feasible interval (≥ 1; default k). */
  readonly protectionLevel?: number;
}

/** Why a cell is hidden: a small count itself, or hidden so that small counts cannot be worked out. */
export type SuppressionReason = "primary" | "complementary";

export type ProtectedCell =
  | { readonly value: number; readonly suppression: null }
  | {
      readonly value: null;
      readonly suppression: SuppressionReason;
      readonly messageKey: `sdc.suppressed_${SuppressionReason}`;
    };

export interface ProtectedLine {
  readonly cells: readonly ProtectedCell[];
  readonly total: ProtectedCell;
}

export interface ProtectedRow extends ProtectedLine {
  readonly key: string;
  readonly parent: string | null;
}

/** The note every protected table carries (`sdc.table_note` with `messageValues`), suppressions or not. */
export interface DisclosureNote {
  readonly k: number;
  readonly protectionLevel: number;
  readonly primaryCount: number;
  readonly complementaryCount: number;
  readonly messageKey: "sdc.table_note";
  readonly messageValues: { readonly maxHidden: number; readonly complementary: number };
}

/** A table as it may leave the trusted circle: the shape of `CountTable`, suppressed cells null. */
export interface ProtectedTable {
  readonly columns: readonly string[];
  readonly rows: readonly ProtectedRow[];
  readonly totalRow: ProtectedLine;
  readonly disclosure: DisclosureNote;
}

function checkOptions(k: number, protectionLevel: number): void {
  if (!Number.isSafeInteger(k) || k < 2) throw new RangeError(`k must be an integer ≥ 2, not ${k}`);
  if (!Number.isSafeInteger(protectionLevel) || protectionLevel < 1) {
    throw new RangeError(`the protection level must be an integer ≥ 1, not ${protectionLevel}`);
  }
}

function widthReaches(
  network: TableNetwork,
  suppressed: readonly boolean[],
  id: number,
  level: number,
): boolean {
  const { down, up } = measureMovement(network, suppressed, id, level);
  return down + up >= level;
}

/** §8 P2 and P3 for the current pattern (P1 holds by construction). */
function isProtected(
  network: TableNetwork,
  suppressed: readonly boolean[],
  primaries: readonly number[],
  level: number,
): boolean {
  const linesHold = network.lines.every((line) => {
    const hidden = line.filter((id) => suppressed[id]).length;
    return hidden === 0 || hidden >= 2;
  });
  return linesHold && primaries.every((id) => widthReaches(network, suppressed, id, level));
}

/**
 * New cells that widen the feasible interval of primary cell `id`, or null once it is wide enough.
 * Candidates are the cheapest augmenting path that raises the cell and the one that lowers it,
 * through cells not yet suppressed (cost: one count weight plus the cell's value, so fewer cells
 * first, then smaller values; suppressed cells are free); the one with the lower cost per unit of
 * width gained wins, the rise on a tie.
 */
function nextComplement(
  network: TableNetwork,
  suppressed: readonly boolean[],
  id: number,
  level: number,
  costOf: (cell: number) => number,
): number[] | null {
  const cell = network.cells[id];
  if (!cell) throw new Error(`no cell ${id}`);
  const movement = measureMovement(network, suppressed, id, level, true);
  const missing = level - movement.down - movement.up;
  if (missing <= 0) return null;
  const rise = findCheapestPath(movement.upGraph, cell.head, cell.tail, costOf);
  const fall =
    movement.down < cell.value
      ? findCheapestPath(movement.downGraph, cell.tail, cell.head, costOf)
      : null;
  const gain = (path: CheapestPath, room: number) => Math.min(path.capacity, missing, room);
  const riseGain = rise ? gain(rise, missing) : 0;
  const fallGain = fall ? gain(fall, cell.value - movement.down) : 0;
  const best = fall && (!rise || fall.cost * riseGain < rise.cost * fallGain) ? fall : rise;
  // Unreachable: the totals close a cycle through every cell, so suppressing them always protects.
  if (!best) throw new Error(`no complementary pattern protects cell ${id}`);
  return best.cells.filter((other) => !suppressed[other]);
}

/** The suppression status of every cell of the network (null: published). */
function choosePattern(
  network: TableNetwork,
  k: number,
  level: number,
): (SuppressionReason | null)[] {
  const values = network.cells.map((cell) => cell.value);
  const isPrimary = values.map((value) => value >= 1 && value < k);
  const suppressed = [...isPrimary];
  const countWeight = values.reduce((sum, value) => sum + value, 0) + 1;
  const costOf = (cell: number) => (suppressed[cell] ? 0 : countWeight + (values[cell] ?? 0));
  const byValue = (ids: number[]) =>
    ids.sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0) || a - b);
  const primaries = byValue(values.flatMap((_, id) => (isPrimary[id] ? [id] : [])));

  for (const id of primaries) {
    for (
      let added = nextComplement(network, suppressed, id, level, costOf);
      added !== null;
      added = nextComplement(network, suppressed, id, level, costOf)
    ) {
      for (const cell of added) suppressed[cell] = true;
    }
  }
  const complements = byValue(
    values.flatMap((_, id) => (suppressed[id] && !isPrimary[id] ? [id] : [])),
  );
  for (const id of complements.reverse()) {
    suppressed[id] = false;
    if (!isProtected(network, suppressed, primaries, level)) suppressed[id] = true;
  }
  return values.map((_, id) =>
    isPrimary[id] ? "primary" : suppressed[id] ? "complementary" : null,
  );
}

function protectCell(value: number, status: SuppressionReason | null | undefined): ProtectedCell {
  return status
    ? { value: null, suppression: status, messageKey: `sdc.suppressed_${status}` }
    : { value, suppression: null };
}

/**
 * Statistical disclosure control of a frequency table (INDICATORS.md §8): every count from 1 to
 * k − 1 is suppressed (primary; zeros are published), then complementary cells, totals included,
 * so that in every line 0 or at least 2 cells are hidden and each small count's feasible interval,
 * given everything published, is at least `protectionLevel` wide. Complementary cells are chosen
 * greedily by cheapest augmenting path, then any that are not needed are published again.
 * Deterministic: the same table and options always give the same pattern.
 */
export function suppress(table: CountTable, options: SuppressionOptions = {}): ProtectedTable {
  const k = options.k ?? DEFAULT_SDC_THRESHOLD;
  const protectionLevel = options.protectionLevel ?? k;
  checkOptions(k, protectionLevel);
  const network = buildTableNetwork(table);
  const status = choosePattern(network, k, protectionLevel);
  const width = table.columns.length + 1;
  const protectLine = (line: CountLine, row: number): ProtectedLine => ({
    cells: line.counts.map((value, column) => protectCell(value, status[row * width + column])),
    total: protectCell(line.total, status[row * width + width - 1]),
  });
  const primaryCount = status.filter((reason) => reason === "primary").length;
  const complementaryCount = status.filter((reason) => reason === "complementary").length;
  return {
    columns: table.columns,
    rows: table.rows.map((row, index) => ({
      key: row.key,
      parent: row.parent,
      ...protectLine(row, index),
    })),
    totalRow: protectLine(table.totalRow, table.rows.length),
    disclosure: {
      k,
      protectionLevel,
      primaryCount,
      complementaryCount,
      messageKey: "sdc.table_note",
      messageValues: { maxHidden: k - 1, complementary: complementaryCount },
    },
  };
}
