import { useCallback } from "react";
import { useTranslation } from "react-i18next";

/** A topic, issue category or survey as the API names it: seeded entries carry no name of their own. */
interface NamedEntry {
  readonly code: string;
  readonly name: string | null;
}

/**
 * The name of a community-policing taxonomy entry in the current language: its own name, else the
 * seeded entry's `community.<kind>.<code>` text, else its code.
 */
export function useTaxonomyName(kind: "topics" | "categories" | "feedback") {
  const { t, i18n } = useTranslation();
  return useCallback(
    (entry: NamedEntry): string => {
      if (entry.name !== null) return entry.name;
      const key = `community.${kind}.${entry.code}`;
      return i18n.exists(key) ? t(key) : entry.code;
    },
    [kind, t, i18n],
  );
}
