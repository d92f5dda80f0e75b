/**
 * One CSV field (RFC 4180): quoted when it holds a delimiter, quote or line break; null is an empty
 * field and the empty string is `""`, which PostgreSQL's COPY (FORMAT csv) reads as '' and not NULL.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  if (value === "") return '""';
  const text = value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: ReadonlyArray<string | number | boolean | null>): string {
  let line = "";
  for (let i = 0; i < values.length; i++)
    line += (i === 0 ? "" : ",") + csvField(values[i] ?? null);
  return line + "\n";
}
