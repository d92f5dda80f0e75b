/**
 * The messages the residents' page ships: its own keys, the category and survey names, and the
 * errors its API can answer with. The Vite plugin in vite.config.ts applies it to
 * `src/locales/<lang>.json?public-channel`, so that a phone downloads a few kilobytes per language
 * instead of the staff app's whole catalog.
 */
export const PUBLIC_CHANNEL_CATALOG_QUERY = "?public-channel";

const keptPrefixes = [
  "web.publicChannel.",
  "community.categories.",
  "community.feedback.",
  "errors.public.",
  "errors.feedback.",
  "errors.request.invalid",
  "errors.community.invalid_value",
  "errors.community.text_too_long",
];

/** Leaves by dotted path (error codes keep their own dots: "errors.public.not_found"). */
function flatten(node: unknown, prefix: string, into: Record<string, string>): void {
  if (typeof node === "string") {
    into[prefix] = node;
    return;
  }
  if (node === null || typeof node !== "object" || Array.isArray(node)) return;
  for (const [key, value] of Object.entries(node)) {
    flatten(value, prefix ? `${prefix}.${key}` : key, into);
  }
}

/** The flat catalog of the residents' page: full keys → ICU messages. */
export function pickPublicChannelCatalog(catalog: unknown): Record<string, string> {
  const all: Record<string, string> = {};
  flatten(catalog, "", all);
  return Object.fromEntries(
    Object.entries(all).filter(([key]) => keptPrefixes.some((prefix) => key.startsWith(prefix))),
  );
}
