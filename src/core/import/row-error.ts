/**
 * The row-level error model shared by every import (org units now, personnel and events later).
 * A row number counts lines as a spreadsheet does: the header is row 1, the first record row 2.
 * The message key is `import.errors.<code>` in every locale, with `{row}`, `{column}` and `{value}`.
 */
export interface RowError {
  readonly row: number;
  /** The column the problem is in, or null for the whole row. */
  readonly column: string | null;
  /** The offending value as read (trimmed), or null when there is none. */
  readonly value: string | null;
  readonly code: string;
  readonly messageKey: string;
}

export function rowError(
  row: number,
  column: string | null,
  value: string | null,
  code: string,
): RowError {
  return { row, column, value, code, messageKey: `import.errors.${code}` };
}

/** Errors in file order: by row, then column. */
export function sortRowErrors(errors: readonly RowError[]): RowError[] {
  return [...errors].sort(
    (a, b) => a.row - b.row || (a.column ?? "").localeCompare(b.column ?? ""),
  );
}
