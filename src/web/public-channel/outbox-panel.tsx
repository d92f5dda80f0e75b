/** @jsxImportSource preact */
import { useTranslator } from "./translator-context";
import { errorMessage } from "./error-message";
import type { OutboxEntry } from "./outbox";

/**
 * What waits in the outbox, always visible: how many reports wait and why, a "try now" button,
 * and each refused report with the server's reason, to correct or delete.
 */
export function OutboxPanel(props: {
  entries: readonly OutboxEntry[];
  isVolatile: boolean;
  isSending: boolean;
  waitSeconds: number;
  onSendNow: () => void;
  onEdit: (entry: OutboxEntry) => void;
  onDiscard: (entry: OutboxEntry) => void;
}) {
  const translator = useTranslator();
  const { t } = translator;
  const waiting = props.entries.filter((e) => e.state === "waiting");
  const refused = props.entries.filter((e) => e.state === "refused");
  if (waiting.length === 0 && refused.length === 0) return null;
  const seconds = props.waitSeconds;
  return (
    <section class="card outbox" aria-labelledby="outbox-title" data-testid="outbox">
      <h2 id="outbox-title">{t("web.publicChannel.outbox.title")}</h2>
      {waiting.length > 0 && (
        <div role="status" aria-live="polite">
          <p class="outbox-count">
            {t("web.publicChannel.outbox.count", { count: waiting.length })}
          </p>
          <p class="hint">
            {seconds > 0
              ? t("web.publicChannel.outbox.retryLater", { seconds })
              : t("web.publicChannel.outbox.offline")}
          </p>
          {props.isVolatile && <p class="notice">{t("web.publicChannel.outbox.volatile")}</p>}
          <button type="button" disabled={props.isSending} onClick={props.onSendNow}>
            {props.isSending
              ? t("web.publicChannel.report.sending")
              : t("web.publicChannel.outbox.sendNow")}
          </button>
        </div>
      )}
      {refused.map((entry) => (
        <div key={entry.clientId} class="refused" role="alert">
          <p>{t("web.publicChannel.outbox.refused")}</p>
          <p class="error">{entry.failure && errorMessage(translator, entry.failure)}</p>
          <blockquote>{entry.submission.description}</blockquote>
          <div class="actions">
            <button type="button" onClick={() => props.onEdit(entry)}>
              {t("web.publicChannel.outbox.edit")}
            </button>
            <button type="button" class="secondary" onClick={() => props.onDiscard(entry)}>
              {t("web.publicChannel.outbox.discard")}
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
