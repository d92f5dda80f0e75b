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
const adminPassword = "units-journey-admin-42";

if (!chromiumPath && !isCi) {
  console.warn("e2e/org-units-admin: CHROMIUM_PATH is not set; the browser journey is skipped.");
}

function requireChromium(): string {
  if (!chromiumPath) {
    throw new Error(
      "CHROMIUM_PATH is not set. CI must run the browser journeys (CHROMIUM_PATH=/usr/bin/chromium).",
    );
  }
  return chromiumPath;
}

/** Picks an option of a Mantine Select by its label. */
async function choose(page: Page, label: string, option: string | RegExp) {
  await page.locator("input").and(page.getByLabel(label)).click();
  await page.getByRole("option", { name: option }).first().click();
}

describe.skipIf(!chromiumPath && !isCi)(
  "browser journey: an administrator edits the tree and its users",
  () => {
    const tempDirs: string[] = [];
    let server: StartedServer;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      const executablePath = requireChromium();
      execFileSync(process.execPath, [path.join(root, "scripts/build-web-if-needed.mjs")], {
        cwd: root,
        stdio: "inherit",
      });
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-e2e-units-"));
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
      fs.mkdirSync(resultsDir, { recursive: true });
    });

    afterAll(async () => {
      await context?.close();
      await server?.close();
      for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("opens a unit, imports a tree file (refused, then accepted) and creates a user", async () => {
      await page.goto(server.url);
      await page.locator('input[name="username"]').fill("admin");
      await page.locator('input[name="password"]').fill(adminPassword);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect
        .poll(() => page.getByRole("heading", { name: "Set up two-step sign-in" }).isVisible())
        .toBe(true);
      await enrolTwoFactor(page);

      await page.getByRole("link", { name: "Org units" }).click();
      await page.getByRole("button", { name: "New unit" }).click();
      await page.getByRole("textbox", { name: "Code" }).fill("P1");
      await page.getByRole("textbox", { name: "Name" }).fill("Northern Province");
      await choose(page, "Kind", "Province / region");
      await page.getByRole("button", { name: "Open unit" }).click();
      await expect.poll(() => page.getByTestId("unit-P1").isVisible()).toBe(true);

      const upload = async (name: string, lines: string[], isDryRun: boolean) => {
        const dryRun = page.getByRole("checkbox", { name: "Dry run (check only)" });
        if ((await dryRun.isChecked()) !== isDryRun) await dryRun.click();
        await page.locator('input[type="file"]').setInputFiles({
          name,
          mimeType: "text/csv",
          buffer: Buffer.from(
            ["code,name,kind,parent_code,specialisation,opened_on", ...lines].join("\n"),
          ),
        });
        await page.getByRole("button", { name: isDryRun ? "Check file" : "Import" }).click();
      };
      await upload("bad.csv", ["P1-D1,Lakeside District,district,P9,,"], false);
      await expect
        .poll(() => page.getByTestId("import-outcome").innerText())
        .toBe("Nothing was imported: 1 errors in 1 rows.");
      await expect
        .poll(() =>
          page.getByRole("cell", { name: /neither in the file nor a unit you manage/ }).isVisible(),
        )
        .toBe(true);
      await upload("good.csv", ["P1-D1,Lakeside District,district,P1,,"], false);
      await expect
        .poll(() => page.getByTestId("import-outcome").innerText())
        .toBe("Imported: 1 created, 0 updated, 0 unchanged.");
      await expect.poll(() => page.getByTestId("unit-P1-D1").isVisible()).toBe(true);
      await page.screenshot({ path: path.join(resultsDir, "org-units-admin.png"), fullPage: true });

      await page.getByRole("button", { name: "Actions for Lakeside District" }).click();
      await page.getByRole("menuitem", { name: "History" }).click();
      await expect
        .poll(() => page.getByTestId("unit-history").innerText())
        .toContain("Lakeside District");
      await page.keyboard.press("Escape");

      await page.getByRole("link", { name: "Users" }).click();
      await page.getByRole("button", { name: "New user" }).click();
      await page.getByRole("textbox", { name: "Username" }).fill("hr.north");
      await choose(page, "Role", "HR officer");
      await choose(page, "Org unit (with its sub-units)", /Northern Province/);
      await page.getByRole("button", { name: "Create user" }).click();
      await expect
        .poll(async () => (await page.getByTestId("generated-password").innerText()).length)
        .toBe(20);
      await page.getByRole("button", { name: "Close" }).last().click();
      await expect
        .poll(() => page.getByRole("cell", { name: "hr.north" }).first().isVisible())
        .toBe(true);
      await page.screenshot({ path: path.join(resultsDir, "users-admin.png"), fullPage: true });
    }, 180_000);
  },
);
