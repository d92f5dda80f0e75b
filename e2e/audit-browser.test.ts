import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuditRecorder } from "../src/server/audit/audit-recorder";
import { ensureRootUnit } from "../src/server/bootstrap";
import { loadConfig } from "../src/server/config";
import { createUsersRepository } from "../src/server/features/users/users.repository";
import { createUsersService } from "../src/server/features/users/users.service";
import { startServer, type StartedServer } from "../src/server/main";

const root = fileURLToPath(new URL("../", import.meta.url));
const resultsDir = path.join(root, "test-results");
const chromiumPath = process.env.CHROMIUM_PATH;
const isCi = process.env.CI === "true";
const auditorPassword = "audit-journey-password-7";

/** Outside CI a missing Chromium skips the journey; in CI (CI=true) it fails it, never skips. */
function requireChromium(): string {
  if (!chromiumPath) throw new Error("CHROMIUM_PATH is not set; CI must run the browser journeys.");
  return chromiumPath;
}

describe.skipIf(!chromiumPath && !isCi)("browser journey: the audit browser", () => {
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
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-e2e-audit-"));
    const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-e2e-profile-"));
    tempDirs.push(dataDir, profileDir);
    const loaded = loadConfig({
      TANDEM_DATA_DIR: dataDir,
      PORT: "0",
      TANDEM_DEMO: "false",
      TANDEM_ADMIN_PASSWORD: "audit-journey-admin-42",
      LOG_LEVEL: "silent",
    });
    if (!loaded.ok) throw new Error(`invalid test configuration: ${JSON.stringify(loaded)}`);
    server = await startServer(loaded.config);
    const db = server.database.db;
    await createUsersService(createUsersRepository(db), createAuditRecorder(db)).addUser({
      username: "audra",
      role: "auditor",
      orgUnitId: await ensureRootUnit(db),
      password: auditorPassword,
    });
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
      locale: "en-GB",
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (error) => pageProblems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().includes("status of 401")) {
        pageProblems.push(`console error: ${message.text()} (${page.url()})`);
      }
    });
    fs.mkdirSync(resultsDir, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("lists, filters and exports the trail, and works at 360 px", async () => {
    // Straight to the audit page: an auditor's home page has no workforce numbers to show (403).
    await page.goto(`${server.url}/audit`);
    await page.locator('input[name="username"]').fill("audra");
    await page.locator('input[name="password"]').fill(auditorPassword);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect
      .poll(() => page.getByRole("link", { name: "Audit trail" }).getAttribute("data-active"))
      .toBe("true");
    await expect
      .poll(() => page.getByRole("heading", { name: "Audit trail" }).isVisible())
      .toBe(true);
    const table = page.getByRole("table");
    await expect.poll(() => table.getByText("auth.sign_in").count()).toBeGreaterThan(0);
    await expect.poll(() => table.getByText("user.create").count()).toBe(2);
    await page.screenshot({ path: path.join(resultsDir, "audit-en.png"), fullPage: true });

    await page.getByRole("combobox", { name: "Action" }).fill("user.create");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("action")).toBe("user.create");
    await expect.poll(() => table.getByText("auth.sign_in").count()).toBe(0);
    await expect.poll(() => table.locator("tbody tr").count()).toBe(2);

    const download = page.getByRole("link", { name: "Download CSV" });
    expect(await download.getAttribute("href")).toBe("/api/audit/export.csv?action=user.create");
    const csv = await page.request.get(`${server.url}/api/audit/export.csv?action=user.create`);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^id,occurred_at,actor_user_id,actor_username,action,/);

    await page.setViewportSize({ width: 360, height: 780 });
    await expect.poll(() => table.isVisible()).toBe(false);
    // The navigation slides away into the burger drawer; wait for the transition to finish.
    await page.waitForFunction(
      () => (document.querySelector("nav")?.getBoundingClientRect().right ?? 0) <= 0,
    );
    await page.screenshot({ path: path.join(resultsDir, "audit-en-mobile.png"), fullPage: true });
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(360);
    expect(pageProblems).toEqual([]);
  }, 120_000);
});
