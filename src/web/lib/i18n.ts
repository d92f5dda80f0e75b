import i18next from "i18next";
import ICU from "i18next-icu";
import { initReactI18next } from "react-i18next";
import { locales, type Locale } from "../../core/schemas/auth";
import en from "../../locales/en.json";

type Catalog = Record<string, unknown>;

const STORAGE_KEY = "tandem.locale";

/** English ships in the main bundle (it is the fallback); the other catalogs load on demand. */
const loaders: Record<Exclude<Locale, "en">, () => Promise<{ default: Catalog }>> = {
  km: () => import("../../locales/km.json"),
  vi: () => import("../../locales/vi.json"),
  th: () => import("../../locales/th.json"),
  ru: () => import("../../locales/ru.json"),
  kk: () => import("../../locales/kk.json"),
};

/** Each language by its own name, as the switcher lists it. */
export const localeNames: Readonly<Record<Locale, string>> = {
  en: "English",
  km: "ខ្មែរ",
  vi: "Tiếng Việt",
  th: "ไทย",
  ru: "Русский",
  kk: "Қазақ тілі",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

function readStoredLocale(): Locale | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** The stored choice, else the first browser language we support, else English. */
export function detectInitialLocale(): Locale {
  const fromBrowser = navigator.languages
    .map((tag) => tag.slice(0, 2).toLowerCase())
    .find((code) => isLocale(code));
  return readStoredLocale() ?? (isLocale(fromBrowser) ? fromBrowser : "en");
}

async function ensureCatalog(locale: Locale): Promise<void> {
  if (locale === "en" || i18next.hasResourceBundle(locale, "translation")) return;
  const catalog = await loaders[locale]();
  i18next.addResourceBundle(locale, "translation", catalog.default);
}

/** Loads the catalog, switches the UI and sets `<html lang>`. */
async function applyLocale(locale: Locale): Promise<void> {
  await ensureCatalog(locale);
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

/** A language the user chose (or their saved one): applied and remembered in this browser. */
export async function chooseLocale(locale: Locale): Promise<void> {
  await applyLocale(locale);
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or a full storage: the choice still applies to this page.
  }
}

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : "en";
}

export async function initI18n(locale: Locale): Promise<void> {
  await i18next
    .use(ICU)
    .use(initReactI18next)
    .init({
      lng: "en",
      fallbackLng: "en",
      supportedLngs: [...locales],
      resources: { en: { translation: en } },
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
  // A catalog that cannot be loaded (offline) must not keep the app from starting.
  await applyLocale(locale).catch(() => applyLocale("en"));
}
