import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * The report's fonts, from the bundled @fontsource packages (never a CDN): Noto Sans (Latin,
 * Vietnamese, Cyrillic for Russian and Kazakh), Noto Sans Khmer and Noto Sans Thai, regular and
 * bold. Each package's own @font-face rules are kept (with their unicode ranges, so Chromium picks
 * the script's font glyph by glyph) and their WOFF2 files are inlined as data URIs.
 */

export const REPORT_FONT_STACK = "'Noto Sans', 'Noto Sans Khmer', 'Noto Sans Thai', sans-serif";

const PACKAGES = [
  "@fontsource/noto-sans",
  "@fontsource/noto-sans-khmer",
  "@fontsource/noto-sans-thai",
];
const WEIGHTS = ["400", "700"];
const require = createRequire(import.meta.url);

let cached: string | null = null;

function inlineRules(cssFile: string): string {
  const dir = path.dirname(cssFile);
  const css = fs.readFileSync(cssFile, "utf8");
  return css.replace(
    /src: url\(\.\/files\/([\w.-]+\.woff2)\) format\('woff2'\)(?:, url\([^)]*\) format\('woff'\))?;/g,
    (_match, file: string) => {
      const data = fs.readFileSync(path.join(dir, "files", file)).toString("base64");
      return `src: url(data:font/woff2;base64,${data}) format('woff2');`;
    },
  );
}

/** The @font-face rules of every font the report uses (built once, about 2 MB). */
export function reportFontFaces(): string {
  cached ??= PACKAGES.flatMap((name) =>
    WEIGHTS.map((weight) => inlineRules(require.resolve(`${name}/${weight}.css`))),
  )
    .join("\n")
    .replace(/font-display: swap;/g, "font-display: block;");
  return cached;
}
