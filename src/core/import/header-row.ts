/** Where the column names are: spreadsheets often carry a title, a date or a logo row above them. */
import type { SourceCell, SourceRow } from "./table";
import { normaliseKey } from "./text-keys";

/** Rows examined for the header. */
export const HEADER_SEARCH_ROWS = 30;

/** A column name as compared: `normaliseKey` (NFC, whitespace collapsed, lower case) without trailing ":" or "*". */
export function normaliseHeader(text: string): string {
  return normaliseKey(text).replace(/[\s:*]+$/u, "");
}

function isFilled(cell: SourceCell): boolean {
  return cell !== null && !(typeof cell === "string" && cell.trim() === "");
}

/** Text that is not a number, a date or a code made of digits ("1,5", "01/02/2024", "2024-03"). */
function isWordy(cell: SourceCell): boolean {
  return typeof cell === "string" && /\p{L}/u.test(cell) && !/^[\d\s.,:/+-]*$/u.test(cell);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * The spreadsheet row number (`SourceRow.row`) of the header among the first 30 rows:
 * - the row with the most cells that `knownHeaders` recognises (the first such row on a tie);
 * - when no cell is recognised, the first row whose filled cells are mostly words (not numbers
 *   or dates) and that has at least as many filled cells as the typical (upper median) row, so that a
 *   title row above ("Personnel list — Province 3 — 2024") is skipped;
 * - else the first row. An empty list gives 1.
 */
export function detectHeaderRow(
  rows: readonly SourceRow[],
  knownHeaders: (text: string) => boolean,
): number {
  const candidates = rows.slice(0, HEADER_SEARCH_ROWS);
  let best: { row: number; known: number } | null = null;
  for (const { row, cells } of candidates) {
    const known = cells.filter((cell) => typeof cell === "string" && knownHeaders(cell)).length;
    if (known > 0 && (!best || known > best.known)) best = { row, known };
  }
  if (best) return best.row;
  const filled = candidates.map(({ cells }) => cells.filter(isFilled));
  const typical = median(filled.map((cells) => cells.length));
  const index = filled.findIndex(
    (cells) => cells.length >= typical && cells.filter(isWordy).length * 2 > cells.length,
  );
  return candidates[Math.max(index, 0)]?.row ?? 1;
}
