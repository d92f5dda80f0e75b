import { csvLine } from "./write";

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet will show as text: a leading `'` before = + - @ tab or CR. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A CSV line for files meant to be opened in a spreadsheet: text cells are formula-neutralised. */
export function spreadsheetCsvLine(
  values: ReadonlyArray<string | number | boolean | null>,
): string {
  return csvLine(values.map((v) => (typeof v === "string" ? neutraliseFormula(v) : v)));
}
