import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/server/config";
import { startServer, type StartedServer } from "../src/server/main";
import { enrolTwoFactor } from "./enrol-two-factor";

const root = fileURLToPath(new URL("../", import.meta.url));
const resultsDir = path.join(root, "test-results");
const chromiumPath = process.env.CHROMIUM_PATH;
const isCi = process.env.CI === "true";
const adminPassword = "journey-admin-password-42";
const khmer = JSON.parse(fs.readFileSync(path.join(root, "src/locales/km.json"), "utf8")) as {
  web: { home: { title: string }; nav: { open: string } };
};

const launchArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

if (!chromiumPath && !isCi) {
  console.warn("e2e/journey: CHROMIUM_PATH is not set; the browser journey is skipped.");
}

/** Outside CI a missing Chromium skips the journey; in CI (CI=true) it fails it, never skips. */
function requireChromium(): string {
  if (!chromiumPath) {
    throw new Error(
      "CHROMIUM_PATH is not set. CI must run the browser journey: install Chromium " +
        "(apt-get install -y chromium fonts-noto-core fonts-khmeros fonts-thai-tlwg) " +
        "and set CHROMIUM_PATH=/usr/bin/chromium.",
    );
  }
  return chromiumPath;
}

describe.skipIf(!chromiumPath && !isCi)("browser journey: sign in, headline numbers, Khmer", () => {
  const tempDirs: string[] = [];
  const pageProblems: string[] = [];
  let server: StartedServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const executablePath = requireChromium();
    execFileSync(process.execPath, [path.join(root, "scripts/build-web-if-needed.mjs")], {
      cwd: root,
      stdio: "inherit",
    });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-e2e-data-"));
    const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-e2e-profile-"));
    tempDirs.push(dataDir, profileDir);
    const loaded = loadConfig({
      TANDEM_DATA_DIR: dataDir,
      PORT: "0",
      TANDEM_DEMO_SCALE: "small",
      TANDEM_ADMIN_PASSWORD: adminPassword,
      LOG_LEVEL: "silent",
    });
    if (!loaded.ok) throw new Error(`invalid test configuration: ${JSON.stringify(loaded)}`);
    server = await startServer(loaded.config);
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: true,
      args: launchArgs,
      locale: "en-GB",
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (error) => pageProblems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      // Asking /api/auth/me before signing in answers 401 by design; the browser logs it.
      const isExpected401 = message.text().includes("status of 401");
      if (message.type() === "error" && !isExpected401) {
        pageProblems.push(`console error: ${message.text()}`);
      }
    });
    fs.mkdirSync(resultsDir, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("signs in with two-step enrolment, shows live numbers, switches to Khmer, works at 360 px", async () => {
    await page.goto(server.url);
    await expect.poll(() => page.getByRole("heading", { name: "Sign in" }).isVisible()).toBe(true);

    await page.locator('input[name="username"]').fill("admin");
    await page.locator('input[name="password"]').fill(adminPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "Set up two-step sign-in" }).isVisible())
      .toBe(true);
    expect(await enrolTwoFactor(page)).toBe(10);

    const headcount = page.getByTestId("headcount");
    await headcount.waitFor({ state: "visible" });
    const headcountValue = Number((await headcount.innerText()).replace(/\D/g, ""));
    expect(headcountValue).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId("share-of-women").innerText()).toMatch(/\d+\.\d%/);
    await expect.poll(() => page.getByRole("table").count()).toBe(1);
    await page.screenshot({ path: path.join(resultsDir, "home-en.png"), fullPage: true });

    await page.getByRole("button", { name: /^Language:/ }).click();
    await page.getByRole("menuitem", { name: "ខ្មែរ" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("km");
    await expect
      .poll(() => page.getByRole("heading", { name: khmer.web.home.title }).isVisible())
      .toBe(true);
    await expect
      .poll(async () => {
        const response = await page.request.get(`${server.url}/api/auth/me`);
        return ((await response.json()) as { user: { locale: string } }).user.locale;
      })
      .toBe("km");
    await page.screenshot({ path: path.join(resultsDir, "home-km.png"), fullPage: true });

    await page.setViewportSize({ width: 360, height: 780 });
    await expect.poll(() => page.getByTestId("headcount").isVisible()).toBe(true);
    // The navigation slides away into the burger drawer; wait for the transition to finish.
    await page.waitForFunction(
      () => (document.querySelector("nav")?.getBoundingClientRect().right ?? 0) <= 0,
    );
    const burger = page.getByRole("button", { name: khmer.web.nav.open });
    await expect.poll(() => burger.isVisible()).toBe(true);
    await page.screenshot({ path: path.join(resultsDir, "home-km-mobile.png"), fullPage: true });
    // Wide content (the rank-group table) scrolls inside its own container, never the page.
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(360);

    expect(pageProblems).toEqual([]);
  }, 120_000);
});
