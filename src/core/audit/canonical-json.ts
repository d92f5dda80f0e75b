/**
 * Canonical JSON in the style of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no
 * whitespace, numbers and strings serialised as ECMAScript's JSON.stringify does (which JCS adopts),
 * dates as ISO 8601 UTC with milliseconds. The same value always yields the same text.
 */
export type CanonicalValue =
  | null
  | boolean
  | number
  | string
  | Date
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue | undefined };

export function canonicalJson(value: CanonicalValue): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no ${value}`);
    // -0 serialises as 0 (JSON.stringify does the same).
    return JSON.stringify(value);
  }
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError("canonical JSON has no invalid date");
    return JSON.stringify(value.toISOString());
  }
  if (Array.isArray(value)) {
    return `[${(value as readonly CanonicalValue[]).map((item) => canonicalJson(item)).join(",")}]`;
  }
  const record = value as { readonly [key: string]: CanonicalValue | undefined };
  const members: string[] = [];
  // Array.prototype.sort without a comparator orders by UTF-16 code units, as JCS requires.
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined) continue;
    members.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${members.join(",")}}`;
}
