import { CsvError, parse } from "csv-parse/sync";
import { AppError } from "../errors";
import { rowError, type RowError } from "./row-error";

export interface CsvRecord {
  /** Spreadsheet row number (the header is row 1). */
  readonly row: number;
  /** Trimmed cell values by column name; an absent optional column reads as "". */
  readonly values: Readonly<Record<string, string>>;
}

export interface CsvLayout {
  readonly required: readonly string[];
  readonly optional?: readonly string[];
}

export interface CsvContent {
  readonly records: CsvRecord[];
  readonly errors: RowError[];
}

/**
 * Reads a CSV file for an import: UTF-8 with or without a byte-order mark (anything else is
 * refused with `import.encoding_unsupported`), a header row naming the columns in any order and
 * case, blank lines ignored. Header problems and malformed lines are row errors, like bad values.
 */
export function readCsv(bytes: Uint8Array, layout: CsvLayout): CsvContent {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("import.encoding_unsupported", { expected: "UTF-8" });
  }
  let lines: Array<{ record: string[]; info: { lines: number } }>;
  try {
    lines = parse(text, {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof lines;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 1;
    return { records: [], errors: [rowError(line, null, null, "malformed")] };
  }
  const [header, ...body] = lines;
  if (!header) return { records: [], errors: [rowError(1, null, null, "empty_file")] };
  const names = header.record.map((name) => name.trim().toLowerCase());
  const known = [...layout.required, ...(layout.optional ?? [])];
  const errors: RowError[] = [
    ...layout.required
      .filter((column) => !names.includes(column))
      .map((column) => rowError(1, column, null, "missing_column")),
    ...names
      .filter((name) => !known.includes(name))
      .map((name) => rowError(1, name, name, "unknown_column")),
    ...names
      .filter((name, i) => names.indexOf(name) !== i)
      .map((name) => rowError(1, name, name, "duplicate_column")),
  ];
  if (errors.length) return { records: [], errors };
  const records = body.map(({ record, info }) => {
    const values: Record<string, string> = Object.fromEntries(known.map((c) => [c, ""]));
    names.forEach((name, i) => (values[name] = (record[i] ?? "").trim()));
    if (record.length > names.length) {
      errors.push(rowError(info.lines, null, null, "too_many_fields"));
    }
    return { row: info.lines, values };
  });
  return { records, errors };
}
