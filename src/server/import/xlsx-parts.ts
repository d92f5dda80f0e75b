/**
 * The few parts of an Office Open XML package needed to find a workbook's sheets: relationship
 * files (`*.rels`) and `workbook.xml`. These are small, machine-written files, read with regular
 * expressions that accept any namespace prefix (`<x:sheet …>` as the OpenXML SDK writes them).
 */

export interface Relationship {
  readonly id: string;
  /** The last segment of the relationship type URI: "officeDocument", "worksheet", "styles" … */
  readonly type: string;
  /** The target part's name inside the package, resolved against the source part's folder. */
  readonly part: string;
}

export interface SheetRef {
  readonly name: string;
  readonly relationshipId: string;
  readonly isHidden: boolean;
}

const entities: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) {
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    }
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return entities[name] ?? whole;
  });
}

/** The attributes of every element named `localName` (any prefix), by attribute name as written. */
function elements(xml: string, localName: string): Array<Record<string, string>> {
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])([^>]*)>`, "g");
  return [...xml.matchAll(pattern)].map(([, attributes = ""]) => {
    const found: Record<string, string> = {};
    for (const [, name = "", double, single] of attributes.matchAll(
      /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g,
    )) {
      found[name] = decodeXml(double ?? single ?? "");
    }
    return found;
  });
}

/** `xl/worksheets/../styles.xml` → `xl/styles.xml`; a leading "/" is the package root. */
export function resolvePart(sourcePart: string, target: string): string {
  const segments = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1).filter(Boolean);
  for (const segment of target.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

/** The relationships file of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relationshipsPart(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Internal relationships of `sourcePart` declared in its `.rels` file `xml`. */
export function parseRelationships(xml: string, sourcePart: string): Relationship[] {
  return elements(xml, "Relationship")
    .filter((attributes) => attributes.TargetMode !== "External" && attributes.Target)
    .map((attributes) => ({
      id: attributes.Id ?? "",
      type: (attributes.Type ?? "").split("/").pop() ?? "",
      part: resolvePart(sourcePart, attributes.Target ?? ""),
    }));
}

/** The sheets of `workbook.xml`, in workbook order (chart sheets included; callers filter). */
export function parseSheets(xml: string): SheetRef[] {
  return elements(xml, "sheet").map((attributes) => {
    const idAttribute = Object.keys(attributes).find((name) => /^[\w.-]+:id$/.test(name));
    return {
      name: attributes.name ?? "",
      relationshipId: idAttribute ? (attributes[idAttribute] ?? "") : "",
      isHidden: attributes.state === "hidden" || attributes.state === "veryHidden",
    };
  });
}
