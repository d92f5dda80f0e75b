import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../../lib/use-formatters";
import { addCounts, formatCountShare } from "../lib/published-counts";
import type { Share } from "./share-figure";

/**
 * Data-quality warning when sex is unknown for more than 5% of the headcount. The range the share
 * could lie in is left out when disclosure control hid a count it is made of.
 */
export function UnknownSexNotice({ share }: { readonly share: Share }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { F, U, N } = share.counts;
  if (!share.isUnknownSexHigh) return null;
  const unknownShare = formatCountShare(format.share, U, N) ?? "—";
  const low = formatCountShare(format.share, F, N);
  const high = formatCountShare(format.share, addCounts(F, U), N);
  return (
    <Alert color="yellow" variant="light" title={t("web.home.unknownHigh.title")}>
      {low === null || high === null
        ? t("web.home.unknownHigh.bodyWithheld", { unknownShare })
        : t("web.home.unknownHigh.body", { unknownShare, low, high })}
    </Alert>
  );
}
