/** One CSV field (RFC 4180): quoted when it holds a delimiter, quote or line break; null is an empty field. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: ReadonlyArray<string | number | boolean | null>): string {
  return values.map(csvField).join(",") + "\n";
}
