/**
 * What every import reader yields, whatever the file was (CSV in any encoding and delimiter, or an
 * XLSX sheet): physical rows of cells. CSV cells are always strings; XLSX cells keep their type.
 */

/** A date-formatted spreadsheet cell, as the calendar date it shows. */
export interface DateCell {
  readonly date: string;
}

/** A spreadsheet cell holding a formula: imports refuse these (paste values instead). */
export interface FormulaCell {
  readonly formula: string;
}

/** "" and null are both empty. A number is an XLSX numeric cell (maybe a date serial). */
export type SourceCell = string | number | boolean | null | DateCell | FormulaCell;

export interface SourceRow {
  /** The row number a spreadsheet shows (1-based, counting blank and title rows). */
  readonly row: number;
  readonly cells: readonly SourceCell[];
}

export function isDateCell(cell: SourceCell): cell is DateCell {
  return typeof cell === "object" && cell !== null && "date" in cell;
}

export function isFormulaCell(cell: SourceCell): cell is FormulaCell {
  return typeof cell === "object" && cell !== null && "formula" in cell;
}

/** How a cell reads on screen and in an error report. */
export function cellText(cell: SourceCell): string {
  if (cell === null) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "number" || typeof cell === "boolean") return String(cell);
  if (isDateCell(cell)) return cell.date;
  return `=${cell.formula}`;
}
