import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../../lib/use-formatters";
import type { Share } from "./share-figure";

/** Data-quality warning when sex is unknown for more than 5% of the headcount. */
export function UnknownSexNotice({ share }: { readonly share: Share }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { F, U, N } = share.counts;
  if (!share.isUnknownSexHigh) return null;
  return (
    <Alert color="yellow" variant="light" title={t("web.home.unknownHigh.title")}>
      {t("web.home.unknownHigh.body", {
        unknownShare: format.share(U, N) ?? "—",
        low: format.share(F, N) ?? "—",
        high: format.share(F + U, N) ?? "—",
      })}
    </Alert>
  );
}
