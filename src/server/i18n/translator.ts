import fs from "node:fs";
import { IntlMessageFormat } from "intl-messageformat";
import { isAppError } from "../../core/errors";
import type { Locale } from "../../core/schemas/auth";

type Catalog = Record<string, unknown>;
export type MessageValues = Record<string, string | number | boolean | null | string[]>;

const catalogs = new Map<Locale, Catalog>();

function loadCatalog(locale: Locale): Catalog {
  const known = catalogs.get(locale);
  if (known) return known;
  const url = new URL(`../../locales/${locale}.json`, import.meta.url);
  const catalog = JSON.parse(fs.readFileSync(url, "utf8")) as Catalog;
  catalogs.set(locale, catalog);
  return catalog;
}

function lookup(catalog: Catalog, key: string): string | undefined {
  // Error codes contain dots ("db.unreachable"): try the longest remaining key at each level.
  const walk = (node: unknown, rest: string): string | undefined => {
    if (typeof node === "string") return rest === "" ? node : undefined;
    if (!node || typeof node !== "object") return undefined;
    const record = node as Record<string, unknown>;
    if (rest in record && typeof record[rest] === "string") return record[rest];
    const parts = rest.split(".");
    for (let i = parts.length - 1; i >= 1; i--) {
      const head = parts.slice(0, i).join(".");
      if (head in record) {
        const found = walk(record[head], parts.slice(i).join("."));
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  return walk(catalog, key);
}

export interface Translator {
  readonly locale: Locale;
  readonly t: (key: string, values?: MessageValues) => string;
  /** Whether the catalog (or the English fallback) has a message for `key`. */
  readonly has: (key: string) => boolean;
  /** A clear, translated sentence for any error: AppErrors by code, others by message. */
  readonly describeError: (error: unknown) => string;
}

/**
 * Messages of `src/locales/<locale>.json` formatted with ICU (plurals, numbers), falling back to
 * English; an unknown key is returned as is. Used by the CLI and by server-side renderers (reports).
 */
export function createTranslator(locale: Locale): Translator {
  const catalog = loadCatalog(locale);
  const fallback = locale === "en" ? catalog : loadCatalog("en");
  const find = (key: string) => lookup(catalog, key) ?? lookup(fallback, key);
  const t = (key: string, values: MessageValues = {}) => {
    const pattern = find(key);
    if (pattern === undefined) return key;
    const printable = Object.fromEntries(
      Object.entries(values).map(([k, v]) => [
        k,
        Array.isArray(v) ? v.join(", ") : v === null ? "—" : v,
      ]),
    );
    try {
      return String(new IntlMessageFormat(pattern, locale).format(printable));
    } catch {
      return `${pattern} ${JSON.stringify(values)}`;
    }
  };
  return {
    locale,
    t,
    has: (key) => find(key) !== undefined,
    describeError(error) {
      if (isAppError(error)) return t(`errors.${error.code}`, error.details);
      return error instanceof Error ? error.message : String(error);
    },
  };
}
