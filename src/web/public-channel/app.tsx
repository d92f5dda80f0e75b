/** @jsxImportSource preact */
import type { Locale } from "../../core/schemas/auth";
import { FollowUpPage } from "./follow-up-page";
import { localeNames, residentLocales, type Translator } from "./i18n";
import { ReportPage } from "./report-page";
import { FOLLOW_UP_PREFIX } from "./shell";
import { TranslatorContext, useTranslator } from "./translator-context";

function LanguagePicker(props: { onChange: (locale: Locale) => void }) {
  const { t, locale } = useTranslator();
  return (
    <label class="language">
      <span class="visually-hidden">{t("web.publicChannel.language")}</span>
      <select
        value={locale}
        onChange={(e) => props.onChange(e.currentTarget.value as Locale)}
        aria-label={t("web.publicChannel.language")}
      >
        {residentLocales.map((code) => (
          <option key={code} value={code} lang={code}>
            {localeNames[code]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The residents' page: raise a problem at /report, follow it at /follow-up/<reference>#<secret>. */
export function App(props: { translator: Translator; onLocaleChange: (locale: Locale) => void }) {
  const { t } = props.translator;
  const path = window.location.pathname;
  const reference = path.startsWith(FOLLOW_UP_PREFIX)
    ? decodeURIComponent(path.slice(FOLLOW_UP_PREFIX.length))
    : null;
  return (
    <TranslatorContext.Provider value={props.translator}>
      <header class="top">
        <a class="brand" href="/report">
          {t("web.publicChannel.brand")}
        </a>
        <LanguagePicker onChange={props.onLocaleChange} />
      </header>
      <main class="page">
        {reference === null ? <ReportPage /> : <FollowUpPage reference={reference} />}
      </main>
    </TranslatorContext.Provider>
  );
}
