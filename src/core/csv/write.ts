/**
 * One CSV field (RFC 4180): quoted when it holds a delimiter, quote or line break; null is an empty
 * field and the empty string is `""`, which PostgreSQL's COPY (FORMAT csv) reads as '' and not NULL.
 */
export function csvField(value: string | number | boolean | null, delimiter = ","): string {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  if (value === "") return '""';
  const text = value;
  const isQuoted =
    delimiter === "," ? /[",\r\n]/.test(text) : /["\r\n]/.test(text) || text.includes(delimiter);
  return isQuoted ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line; `delimiter` and `newline` default to RFC 4180's comma and PostgreSQL's LF. */
export function csvLine(
  values: ReadonlyArray<string | number | boolean | null>,
  delimiter = ",",
  newline = "\n",
): string {
  let line = "";
  for (let i = 0; i < values.length; i++)
    line += (i === 0 ? "" : delimiter) + csvField(values[i] ?? null, delimiter);
  return line + newline;
}
