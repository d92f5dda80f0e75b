import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { IndicatorResult } from "../../core/schemas/indicators";

/** A result that went through disclosure control when `disclosure` is set (indicators, headline). */
interface DisclosedResult {
  readonly disclosure: IndicatorResult["disclosure"];
}

/**
 * What disclosure control did to a table (`sdc.table_note`), printed under it whenever it ran,
 * whether or not anything was hidden.
 */
export function DisclosureNote({ result }: { readonly result: DisclosedResult | undefined }) {
  const { t } = useTranslation();
  const disclosure = result?.disclosure;
  if (!disclosure) return null;
  return (
    <Text size="xs" c="dimmed">
      {t(disclosure.messageKey, { k: disclosure.k, maxHidden: disclosure.k - 1, complementary: 0 })}{" "}
      {t("web.dashboard.disclosure.hidden", { count: disclosure.suppressedCells })}
    </Text>
  );
}
