import fs from "node:fs";
import { IntlMessageFormat } from "intl-messageformat";
import { isAppError } from "../core/errors";
import type { CliLocale } from "../server/config";

type Catalog = Record<string, unknown>;
type Values = Record<string, string | number | boolean | null | string[]>;

function loadCatalog(locale: CliLocale): Catalog {
  const url = new URL(`../locales/${locale}.json`, import.meta.url);
  return JSON.parse(fs.readFileSync(url, "utf8")) as Catalog;
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
  readonly locale: CliLocale;
  readonly t: (key: string, values?: Values) => string;
  /** A clear, translated sentence for any error: AppErrors by code, others by message. */
  readonly describeError: (error: unknown) => string;
}

export function createTranslator(locale: CliLocale): Translator {
  const catalog = loadCatalog(locale);
  const fallback = locale === "en" ? catalog : loadCatalog("en");
  const t = (key: string, values: Values = {}) => {
    const pattern = lookup(catalog, key) ?? lookup(fallback, key);
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
    describeError(error) {
      if (isAppError(error)) return t(`errors.${error.code}`, error.details);
      return error instanceof Error ? error.message : String(error);
    },
  };
}
