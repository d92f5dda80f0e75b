const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Text made safe for HTML and SVG, in element content and in quoted attribute values alike: the
 * five characters with a meaning in markup become entities, so that data (unit names, labels typed
 * by users) can never open a tag, close an attribute or start a script.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
