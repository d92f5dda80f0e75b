import { Button, Menu } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { locales, type Locale } from "../../../core/schemas/auth";
import { GlobeIcon } from "../../components/globe-icon";
import { useMe } from "../../features/auth/api/use-me.query";
import { useSaveLocale } from "../../features/auth/api/use-save-locale.mutation";
import { chooseLocale, currentLocale, localeNames } from "../../lib/i18n";

interface LanguageSwitcherProps {
  readonly isFullWidth?: boolean;
}

/** The six languages by their own names; the choice is kept in this browser and, signed in, on the account. */
export function LanguageSwitcher({ isFullWidth = false }: LanguageSwitcherProps) {
  const { t } = useTranslation();
  const me = useMe();
  const saveLocale = useSaveLocale();
  const [hasLoadFailed, setHasLoadFailed] = useState(false);
  const active = currentLocale();
  const hasFailed = hasLoadFailed || saveLocale.isError;

  const choose = (locale: Locale) => {
    setHasLoadFailed(false);
    chooseLocale(locale).then(
      () => {
        if (me.data && me.data.user.locale !== locale) saveLocale.mutate(locale);
      },
      () => setHasLoadFailed(true),
    );
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant={hasFailed ? "outline" : "default"}
          color={hasFailed ? "red" : undefined}
          title={hasFailed ? t("web.language.failed") : undefined}
          leftSection={<GlobeIcon />}
          fullWidth={isFullWidth}
          justify={isFullWidth ? "flex-start" : "center"}
          aria-label={t("web.language.button", { language: localeNames[active] })}
        >
          <span lang={active}>{localeNames[active]}</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("web.language.label")}</Menu.Label>
        {locales.map((locale) => (
          <Menu.Item
            key={locale}
            lang={locale}
            onClick={() => choose(locale)}
            fw={locale === active ? 700 : 400}
            aria-current={locale === active ? "true" : undefined}
          >
            {localeNames[locale]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
