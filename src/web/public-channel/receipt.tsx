/** @jsxImportSource preact */
import { useState } from "preact/hooks";
import { formatReferenceCode } from "../../core/community/reference-code";
import type { PublicIssueReceipt } from "../../core/schemas/public-channel";
import { useTranslator } from "./translator-context";

/**
 * The acknowledgement: the reference code and the follow-up link, shown once (the server keeps
 * only the secret's hash), with a copy button and the advice to keep both.
 */
export function Receipt(props: { receipt: PublicIssueReceipt; onDone: () => void }) {
  const { t } = useTranslator();
  const link = new URL(props.receipt.followUpUrl, window.location.origin).href;
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopyState("copied");
    } catch {
      setCopyState("failed");
    }
  };
  return (
    <section class="card receipt" aria-labelledby="receipt-title">
      <h1 id="receipt-title">{t("web.publicChannel.receipt.title")}</h1>
      <p class="label">{t("web.publicChannel.receipt.reference")}</p>
      <p class="reference" data-testid="reference">
        {formatReferenceCode(props.receipt.reference)}
      </p>
      <label class="label" for="follow-up-link">
        {t("web.publicChannel.receipt.link")}
      </label>
      <input
        id="follow-up-link"
        class="link-box"
        readOnly
        value={link}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div class="actions">
        <button type="button" onClick={() => void copy()}>
          {t("web.publicChannel.receipt.copy")}
        </button>
        <a class="button secondary" href={props.receipt.followUpUrl}>
          {t("web.publicChannel.receipt.open")}
        </a>
      </div>
      <p role="status" class="hint">
        {copyState === "copied" && t("web.publicChannel.receipt.copied")}
        {copyState === "failed" && t("web.publicChannel.receipt.copyFailed")}
      </p>
      <p class="notice">{t("web.publicChannel.receipt.keep")}</p>
      <button type="button" class="secondary" onClick={props.onDone}>
        {t("web.publicChannel.receipt.done")}
      </button>
    </section>
  );
}
