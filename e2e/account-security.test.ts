import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Secret, TOTP } from "otpauth";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/server/config";
import { startServer, type StartedServer } from "../src/server/main";

const root = fileURLToPath(new URL("../", import.meta.url));
const resultsDir = path.join(root, "test-results");
const chromiumPath = process.env.CHROMIUM_PATH;
const isCi = process.env.CI === "true";
const adminPassword = "security-journey-pass-42";
const newPassword = "a river, two lanterns and a kite";

/** Outside CI a missing Chromium skips the journey; in CI (CI=true) it fails it, never skips. */
function requireChromium(): string {
  if (!chromiumPath) throw new Error("CHROMIUM_PATH is not set; CI must run the browser journeys.");
  return chromiumPath;
}

describe.skipIf(!chromiumPath && !isCi)("browser journey: account security and API tokens", () => {
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
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-e2e-security-"));
    const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-e2e-profile-"));
    tempDirs.push(dataDir, profileDir);
    const loaded = loadConfig({
      TANDEM_DATA_DIR: dataDir,
      PORT: "0",
      TANDEM_DEMO: "false",
      TANDEM_ADMIN_PASSWORD: adminPassword,
      LOG_LEVEL: "silent",
    });
    if (!loaded.ok) throw new Error(`invalid test configuration: ${JSON.stringify(loaded)}`);
    server = await startServer(loaded.config);
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
      // 401 from /api/auth/me before signing in is by design; anything else (a CSP violation) is not.
      if (message.type() === "error" && !message.text().includes("status of 401")) {
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

  it("serves the API documentation under the app's content security policy", async () => {
    const response = await page.goto(`${server.url}/api/docs`);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.locator(".swagger-ui .info").waitFor({ state: "visible" });
    await expect.poll(() => page.getByText("/api/auth/login/second-factor").count()).toBe(1);
    expect(pageProblems).toEqual([]);
  }, 60_000);

  it("enrols, changes the password, issues and revokes an API token, also at 360 px", async () => {
    await page.goto(server.url);
    await page.locator('input[name="username"]').fill("admin");
    await page.locator('input[name="password"]').fill(adminPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Enrolment, as the phone's authenticator app would do it: scan (here: read) the key, answer.
    await page.getByRole("button", { name: "Create my key" }).click();
    const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
    await page
      .locator('input[name="code"]')
      .fill(TOTP.generate({ secret: Secret.fromBase32(secret) }));
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.getByTestId("recovery-codes").waitFor({ state: "visible" });
    await page.getByRole("checkbox", { name: "I have stored these codes" }).check();
    await page.getByRole("button", { name: "Continue to Tandem" }).click();

    await page.getByRole("button", { name: /^Account of/ }).click();
    await page.getByRole("menuitem", { name: "Account security" }).click();
    await expect.poll(() => page.getByTestId("two-factor-status").textContent()).toBe("On");
    await page.locator('input[name="current-password"]').fill(adminPassword);
    await page.locator('input[name="new-password"]').fill(newPassword);
    await page.locator('input[name="new-password-again"]').fill(newPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect
      .poll(() => page.getByRole("status").first().innerText())
      .toContain("Your password was changed");
    await page.screenshot({ path: path.join(resultsDir, "account-en.png"), fullPage: true });

    await page.getByRole("link", { name: "API tokens" }).click();
    await page.locator('input[name="token-name"]').fill("Regional dashboard");
    await page.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByTestId("new-api-token");
    await shown.waitFor({ state: "visible" });
    const token = (await shown.innerText()).trim();
    expect(token).toMatch(/^tnd_[A-Za-z0-9_-]{43}$/);
    const asIntegration = await fetch(`${server.url}/api/org-units`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(asIntegration.status).toBe(200);
    await page.getByRole("button", { name: "Done" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "Regional dashboard" }).count()).toBe(1);

    await page.setViewportSize({ width: 360, height: 780 });
    await page.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    await expect.poll(() => page.getByText("Revoked").count()).toBe(1);
    const afterRevoke = await fetch(`${server.url}/api/org-units`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(afterRevoke.status).toBe(401);
    await page.screenshot({ path: path.join(resultsDir, "api-tokens-mobile.png"), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );

    // Signing in again takes the new password, then the authenticator's next code.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("button", { name: /^Account of/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.locator('input[name="username"]').fill("admin");
    await page.locator('input[name="password"]').fill(newPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Two-step sign-in" }).waitFor();
    const nextCode = TOTP.generate({
      secret: Secret.fromBase32(secret),
      timestamp: Date.now() + 30_000,
    });
    await page.locator('input[name="code"]').fill(nextCode);
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("button", { name: /^Account of/ }).waitFor();
    expect(pageProblems).toEqual([]);
  }, 120_000);
});
