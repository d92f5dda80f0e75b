import { IntlMessageFormat } from "intl-messageformat";
import type { Locale } from "../../core/schemas/auth";
import en from "../../locales/en.json?public-channel";

type Catalog = Readonly<Record<string, string>>;
export type Values = Record<string, string | number>;

/**
 * Each language by its own name, in the order the picker lists them; the type requires all six
 * (core/schemas/auth.ts `locales`, not imported here: it would bring Zod into the page).
 */
export const localeNames: Readonly<Record<Locale, string>> = {
  en: "English",
  km: "ខ្មែរ",
  vi: "Tiếng Việt",
  th: "ไทย",
  ru: "Русский",
  kk: "Қазақ тілі",
};

export const residentLocales = Object.keys(localeNames) as Locale[];

const STORAGE_KEY = "tandem.locale";

/** English ships with the page (the fallback); the others load when chosen. */
const loaders: Record<Exclude<Locale, "en">, () => Promise<{ default: Catalog }>> = {
  km: () => import("../../locales/km.json?public-channel"),
  vi: () => import("../../locales/vi.json?public-channel"),
  th: () => import("../../locales/th.json?public-channel"),
  ru: () => import("../../locales/ru.json?public-channel"),
  kk: () => import("../../locales/kk.json?public-channel"),
};

/**
 * Fonts only where phones often lack them: Khmer and Thai, loaded with their language. Latin,
 * Vietnamese and Cyrillic use the phone's own fonts, so a slow connection downloads no font.
 */
const fontLoaders: Partial<Record<Locale, () => Promise<unknown>>> = {
  km: () =>
    Promise.all([
      import("@fontsource/noto-sans-khmer/khmer-400.css"),
      import("@fontsource/noto-sans-khmer/khmer-700.css"),
    ]),
  th: () =>
    Promise.all([
      import("@fontsource/noto-sans-thai/thai-400.css"),
      import("@fontsource/noto-sans-thai/thai-700.css"),
    ]),
};

export function isResidentLocale(value: unknown): value is Locale {
  return typeof value === "string" && Object.hasOwn(localeNames, value);
}

/** The saved choice, else the first browser language we have, else English. */
function storedLocale(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function detectLocale(): Locale {
  const stored = storedLocale();
  if (isResidentLocale(stored)) return stored;
  const fromBrowser = navigator.languages
    .map((tag) => tag.slice(0, 2).toLowerCase())
    .find(isResidentLocale);
  return fromBrowser ?? "en";
}

/** Messages of one language, formatted with ICU (plurals, numbers). */
export interface Translator {
  readonly locale: Locale;
  readonly t: (key: string, values?: Values) => string;
  readonly has: (key: string) => boolean;
}

function createTranslator(locale: Locale, catalog: Catalog): Translator {
  const formats = new Map<string, IntlMessageFormat>();
  const lookup = (key: string): [string, Locale] | null => {
    const own = catalog[key];
    if (own !== undefined) return [own, locale];
    const fallback = en[key];
    return fallback === undefined ? null : [fallback, "en"];
  };
  return {
    locale,
    has: (key) => lookup(key) !== null,
    t: (key, values) => {
      const found = lookup(key);
      if (!found) return key;
      const [message, messageLocale] = found;
      let format = formats.get(key);
      if (!format) {
        format = new IntlMessageFormat(message, messageLocale);
        formats.set(key, format);
      }
      return String(format.format(values));
    },
  };
}

/**
 * Dates on the page. Chromium's ICU has no Khmer dates and no Kazakh month names ("2026 M11 23"):
 * those two get day/month/year in digits, which every reader knows.
 */
export function formatDate(locale: Locale, iso: string, withTime: boolean): string {
  const isNumeric = locale === "km" || locale === "kk";
  const supported = Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  const options: Intl.DateTimeFormatOptions = isNumeric
    ? { day: "2-digit", month: "2-digit", year: "numeric" }
    : { dateStyle: "medium" };
  const time: Intl.DateTimeFormatOptions = withTime
    ? isNumeric
      ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
      : { timeStyle: "short" }
    : {};
  return new Intl.DateTimeFormat(supported ? locale : "en-GB", { ...options, ...time }).format(
    new Date(iso),
  );
}

/** Loads a language (messages and, for Khmer and Thai, fonts), sets `<html lang>` and remembers it. */
export async function loadLocale(locale: Locale, remember: boolean): Promise<Translator> {
  const [catalog] = await Promise.all([
    locale === "en" ? Promise.resolve({ default: en }) : loaders[locale](),
    fontLoaders[locale]?.().catch(() => undefined),
  ]);
  document.documentElement.lang = locale;
  if (remember) {
    try {
      window.localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Private mode or full storage: the choice still applies to this page.
    }
  }
  return createTranslator(locale, catalog.default);
}
