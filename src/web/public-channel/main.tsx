/** @jsxImportSource preact */
import { render } from "preact";
import type { Locale } from "../../core/schemas/auth";
import { App } from "./app";
import { detectLocale, loadLocale } from "./i18n";
import { SERVICE_WORKER_URL, SHELL_FILES_MESSAGE } from "./shell";
import "./resident.css";

const root = document.getElementById("root");
if (!root) throw new Error("resident.html has no #root element");
const container = root;

async function show(locale: Locale, remember: boolean): Promise<void> {
  const translator = await loadLocale(locale, remember);
  document.title = translator.t("web.publicChannel.title");
  render(
    <App translator={translator} onLocaleChange={(next) => void show(next, true)} />,
    container,
  );
  void keepFilesOffline();
}

/** The files this page loaded (its language, fonts), for the worker to keep for offline use. */
async function keepFilesOffline(): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  const registration = await navigator.serviceWorker.ready;
  const files = performance
    .getEntriesByType("resource")
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === window.location.origin && url.pathname.startsWith("/assets/"))
    .map((url) => url.pathname);
  registration.active?.postMessage({ type: SHELL_FILES_MESSAGE, files });
}

if ("serviceWorker" in navigator) {
  // A module worker: it shares the outbox code with the page. Without one, the page still works
  // online and keeps its outbox; only opening it offline needs the worker.
  navigator.serviceWorker
    .register(SERVICE_WORKER_URL, { type: "module", scope: "/" })
    .catch(() => undefined);
}

void show(detectLocale(), false);
