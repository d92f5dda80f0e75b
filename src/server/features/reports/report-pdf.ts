import fs from "node:fs";
import { AppError } from "../../../core/errors";
import { escapeHtml } from "../../../core/reports/escape-html";

/** Where Chromium is usually installed (Debian, Ubuntu, Fedora, the Google packages). */
const USUAL_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/lib/chromium/chromium",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
];

/**
 * The Chromium to print with: the configured one (CHROMIUM_PATH), else the first usual path that
 * exists. Neither: `reports.chromium_missing`, which tells the administrator what to do.
 */
export function findChromium(configured: string | null, usualPaths = USUAL_PATHS): string {
  const candidates = configured === null ? usualPaths : [configured];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (found === undefined) {
    throw new AppError("reports.chromium_missing", { path: candidates.join(", ") });
  }
  return found;
}

export interface PdfOptions {
  /** The Chromium executable (`findChromium`). */
  readonly executablePath: string;
  /** Printed left in every page's footer (ASCII is safest: the footer has only system fonts). */
  readonly footerLabel: string;
}

/**
 * Prints a self-contained HTML page to an A4 PDF with headless Chromium: JavaScript off, every
 * network request refused (fonts are inlined), page numbers in the footer, tagged and outlined.
 */
export async function printPdf(html: string, options: PdfOptions): Promise<Buffer> {
  // Loaded on first use: the server starts, and serves every other format, without it.
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: options.executablePath,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions"],
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route("**/*", (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const footer =
      `<div style="width:100%;font-size:8px;color:#666;padding:0 14mm;display:flex;` +
      `justify-content:space-between;font-family:sans-serif">` +
      `<span>${escapeHtml(options.footerLabel)}</span>` +
      `<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
    return await page.pdf({
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: footer,
      margin: { top: "16mm", bottom: "18mm", left: "14mm", right: "14mm" },
      tagged: true,
      outline: true,
    });
  } finally {
    await browser.close();
  }
}
