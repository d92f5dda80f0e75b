/** Value checks shared by imports. */
import { cellText, type SourceCell } from "./table";

/** A real calendar date written `YYYY-MM-DD` (2023-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Longest value an error report repeats from a cell (a 10 MB cell must not become a 10 MB report). */
export const ERROR_VALUE_MAX = 200;

/** Blank for an import: an empty or whitespace-only cell. */
export function isBlankCell(cell: SourceCell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== "string") return false;
  if (cell.length === 0) return true;
  // Fast exit for the usual cell: a first character that no definition of whitespace includes.
  const first = cell.charCodeAt(0);
  if (first > 0x20 && first !== 0xa0 && first < 0x1680) return false;
  return cell.trim() === "";
}

/** A cell as an error report shows it: trimmed text, shortened to ERROR_VALUE_MAX, null when blank. */
export function errorValue(cell: SourceCell | undefined): string | null {
  if (cell === undefined) return null;
  const text = cellText(cell).trim();
  if (text === "") return null;
  return text.length > ERROR_VALUE_MAX ? `${text.slice(0, ERROR_VALUE_MAX)}…` : text;
}
