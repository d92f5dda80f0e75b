/**
 * The residents' page must stay light on a slow connection (issue 7): all the JavaScript it can
 * ever load — its entry, shared chunks, every language's messages, the lazily loaded fonts' glue
 * and its service worker — under 150 KB gzipped. Builds the web app when it is out of date (as
 * `npm start` does; TANDEM_WEB_DIR keeps a build apart) and measures the built files.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const webDir = process.env.TANDEM_WEB_DIR
  ? path.resolve(root, process.env.TANDEM_WEB_DIR)
  : path.join(root, "dist/web");
export const BUDGET_BYTES = 150 * 1024;

/** The JavaScript files a file names (script tags, preloads, static and dynamic imports). */
function namedScripts(text: string, available: ReadonlySet<string>): string[] {
  return [...text.matchAll(/([A-Za-z0-9_.-]+\.js)\b/g)]
    .map((match) => match[1] ?? "")
    .filter((name) => available.has(name));
}

/** Every file reachable from the page and its service worker, with its gzipped size. */
function residentScripts(): Map<string, number> {
  const assets = new Set(fs.readdirSync(path.join(webDir, "assets")));
  const sizes = new Map<string, number>();
  const visit = (file: string) => {
    if (sizes.has(file)) return;
    const content = fs.readFileSync(path.join(webDir, file));
    sizes.set(file, gzipSync(content, { level: 9 }).length);
    for (const name of namedScripts(content.toString("utf8"), assets)) visit(`assets/${name}`);
  };
  const html = fs.readFileSync(path.join(webDir, "resident.html"), "utf8");
  for (const name of namedScripts(html, assets)) visit(`assets/${name}`);
  visit("resident-sw.js");
  return sizes;
}

it("ships the residents' page in under 150 KB of gzipped JavaScript, every language included", () => {
  execFileSync(process.execPath, [path.join(root, "scripts/build-web-if-needed.mjs")], {
    cwd: root,
    stdio: "ignore",
  });
  const sizes = residentScripts();
  const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  const files = [...sizes.keys()];
  // The measure found the page, its messages in every language and its worker; not the staff app.
  expect(files.some((file) => /assets\/resident-[\w-]+\.js$/.test(file))).toBe(true);
  for (const locale of ["km", "vi", "th", "ru", "kk"]) {
    expect(files.some((file) => new RegExp(`assets/${locale}-[\\w-]+\\.js$`).test(file))).toBe(
      true,
    );
  }
  expect(files).toContain("resident-sw.js");
  expect(files.some((file) => /assets\/index-[\w-]+\.js$/.test(file))).toBe(false);
  expect(
    total,
    `gzipped JavaScript of the residents' page: ${total} bytes in ${files.join(", ")}`,
  ).toBeLessThan(BUDGET_BYTES);
}, 300_000);
