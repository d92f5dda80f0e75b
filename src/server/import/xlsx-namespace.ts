/**
 * Workbooks written with the OpenXML SDK often prefix every element (`<x:row>`, `<x:c>`), which
 * exceljs does not recognise: it would read such a sheet as empty. This rewrites the prefixed
 * names of the SpreadsheetML namespace to plain ones while streaming, keeping every part's byte
 * length (`<x:row r="1">` → `<row   r="1">`: XML allows spaces after a tag's name), so the sizes
 * declared for the stored entries stay true.
 */

const SPREADSHEET_NAMESPACE =
  /xmlns:([A-Za-z_][\w.-]*)\s*=\s*["'](?:http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main|http:\/\/purl\.oclc\.org\/ooxml\/spreadsheetml\/main)["']/;

/** Bytes read before deciding whether a part uses a prefix (its root element is in them). */
const HEAD_BYTES = 4096;

function unprefix(text: string, prefix: string): string {
  const pattern = new RegExp(`<(/?)${prefix}:([A-Za-z_][\\w.-]*)`, "g");
  return text.replace(
    pattern,
    (_, slash: string, name: string) => `<${slash}${name}${" ".repeat(prefix.length + 1)}`,
  );
}

/**
 * `chunks` of one XML part with the SpreadsheetML prefix (if its root declares one) removed from
 * element names; other parts pass through unchanged. Works on latin1 strings, so UTF-8 text
 * is carried byte for byte.
 */
export async function* unprefixSpreadsheetXml(
  chunks: AsyncIterable<Buffer>,
): AsyncGenerator<Buffer> {
  let pending = "";
  let prefix: string | null | undefined;
  for await (const chunk of chunks) {
    pending += chunk.toString("latin1");
    if (prefix === undefined) {
      if (pending.length < HEAD_BYTES) continue;
      prefix = SPREADSHEET_NAMESPACE.exec(pending)?.[1] ?? null;
    }
    if (prefix === null) {
      yield Buffer.from(pending, "latin1");
      pending = "";
      continue;
    }
    const open = pending.lastIndexOf("<");
    const cut = open >= 0 && pending.indexOf(">", open) < 0 ? open : pending.length;
    yield Buffer.from(unprefix(pending.slice(0, cut), prefix), "latin1");
    pending = pending.slice(cut);
  }
  prefix ??= SPREADSHEET_NAMESPACE.exec(pending)?.[1] ?? null;
  if (pending) yield Buffer.from(prefix ? unprefix(pending, prefix) : pending, "latin1");
}
