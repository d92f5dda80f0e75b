import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrgTree, seedWorkforce, type SeededTree } from "../test/factories";
import { createAuditRecorder } from "../src/server/audit/audit-recorder";
import { loadConfig } from "../src/server/config";
import { createUsersRepository } from "../src/server/features/users/users.repository";
import { createUsersService } from "../src/server/features/users/users.service";
import { startServer, type StartedServer } from "../src/server/main";

const root = fileURLToPath(new URL("../", import.meta.url));
const resultsDir = path.join(root, "test-results");
const chromiumPath = process.env.CHROMIUM_PATH;
const isCi = process.env.CI === "true";
const officerPassword = "people-journey-password-7";
const KHMER_UNIT = "ស្នងការដ្ឋាននគរបាលស្រុក ១";

/** Outside CI a missing Chromium skips the journey; in CI (CI=true) it fails it, never skips. */
function requireChromium(): string {
  if (!chromiumPath) throw new Error("CHROMIUM_PATH is not set; CI must run the browser journeys.");
  return chromiumPath;
}

describe.skipIf(!chromiumPath && !isCi)(
  "browser journey: an HR officer and the people register",
  () => {
    const tempDirs: string[] = [];
    const pageProblems: string[] = [];
    let server: StartedServer;
    let tree: SeededTree;
    let context: BrowserContext;
    let page: Page;
    let downloadsDir: string;

    const screenshot = (name: string) =>
      page.screenshot({ path: path.join(resultsDir, name), fullPage: true });

    beforeAll(async () => {
      const executablePath = requireChromium();
      execFileSync(process.execPath, [path.join(root, "scripts/build-web-if-needed.mjs")], {
        cwd: root,
        stdio: "inherit",
      });
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-e2e-people-"));
      const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-e2e-profile-"));
      downloadsDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-e2e-downloads-"));
      tempDirs.push(dataDir, profileDir, downloadsDir);
      const loaded = loadConfig({
        TANDEM_DATA_DIR: dataDir,
        PORT: "0",
        TANDEM_DEMO: "false",
        TANDEM_ADMIN_PASSWORD: "people-journey-admin-42",
        LOG_LEVEL: "silent",
      });
      if (!loaded.ok) throw new Error(`invalid test configuration: ${JSON.stringify(loaded)}`);
      server = await startServer(loaded.config);
      const db = server.database.db;
      tree = await seedOrgTree(db);
      await seedWorkforce(db, tree, [
        {
          serviceNumber: "KH-0001",
          sex: "F",
          steps: [
            { type: "hire", date: "2015-01-01", rank: "CON", unit: "P1-D1" },
            { type: "promotion", date: "2019-01-01", rank: "SGT" },
            { type: "transfer", date: "2022-03-01", unit: "P1-D1-S1" },
          ],
        },
        {
          serviceNumber: "KH-0002",
          sex: "M",
          steps: [{ type: "hire", date: "2016-03-01", rank: "CON", unit: "P2-D1" }],
        },
        {
          serviceNumber: "KH-0003",
          sex: "F",
          steps: [
            { type: "hire", date: "2010-01-01", rank: "CON", unit: "P2" },
            { type: "transfer", date: "2020-06-01", unit: "P1-D2" },
          ],
        },
      ]);
      await db
        .updateTable("org_units")
        .set({ name: KHMER_UNIT })
        .where("code", "=", "P1-D1")
        .execute();
      await createUsersService(createUsersRepository(db), createAuditRecorder(db)).addUser({
        username: "hera",
        role: "hr-officer",
        orgUnitId: tree.id("P1"),
        password: officerPassword,
      });
      context = await chromium.launchPersistentContext(profileDir, {
        executablePath,
        headless: true,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
        locale: "en-GB",
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
        downloadsPath: downloadsDir,
      });
      page = context.pages()[0] ?? (await context.newPage());
      page.on("pageerror", (error) => pageProblems.push(`page error: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error" && !/status of (401|404)/.test(message.text())) {
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

    it("finds a person, reads and corrects the timeline, and downloads the register", async () => {
      await page.goto(`${server.url}/people`);
      await page.locator('input[name="username"]').fill("hera");
      await page.locator('input[name="password"]').fill(officerPassword);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect
        .poll(() => page.getByRole("link", { name: "People" }).getAttribute("data-active"))
        .toBe("true");

      // Search with the keyboard only: type a prefix, press Enter.
      const search = page.getByRole("textbox", { name: "Service number" });
      await search.fill("kh-000");
      await search.press("Enter");
      await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("kh-000");
      const table = page.getByRole("table", { name: "People found" });
      await expect.poll(() => table.locator("tbody tr").count()).toBe(2);
      expect(await table.innerText()).not.toContain("KH-0002");
      await screenshot("people-en-1280.png");

      await table.getByRole("link", { name: "KH-0001" }).click();
      await expect
        .poll(() => page.getByRole("heading", { name: "Officer KH-0001" }).isVisible())
        .toBe(true);
      await expect.poll(() => page.getByText("Promotion ·").isVisible()).toBe(true);
      expect(await page.getByText(`Unit: ${KHMER_UNIT}`).count()).toBe(1);

      // Correct the promotion: it stays, struck through, with the reason.
      const promotion = page.locator(".mantine-Timeline-item", { hasText: "Promotion" });
      await promotion.getByRole("button", { name: "Correct this event" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("textbox", { name: "Why is this event wrong?" }).fill("Entered twice");
      await dialog.getByRole("button", { name: "Save the correction" }).click();
      await expect.poll(() => dialog.count()).toBe(0);
      await expect
        .poll(() => promotion.getByText("Retracted", { exact: true }).isVisible())
        .toBe(true);
      expect(await promotion.innerText()).toContain("Entered twice");
      const struck = await promotion
        .getByText("Promotion ·")
        .evaluate((el) => getComputedStyle(el).textDecorationLine);
      expect(struck).toBe("line-through");
      await screenshot("person-en-1280.png");

      // Back to the list and download the register as CSV.
      await page.getByRole("link", { name: "Back to people" }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe("/people");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Register (CSV)" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^tandem-personnel-\d{4}-\d{2}-\d{2}\.csv$/);
      const file = path.join(downloadsDir, download.suggestedFilename());
      await download.saveAs(file);
      const csv = fs.readFileSync(file, "utf8");
      expect(csv.startsWith("\uFEFF")).toBe(true);
      expect(csv).toContain("KH-0001");
      expect(csv).toContain("KH-0003");
      expect(csv).not.toContain("KH-0002");

      // The person page on a phone, in English and in Khmer.
      await page.getByRole("table", { name: "People found" }).waitFor();
      await page.getByRole("link", { name: "KH-0001" }).first().click();
      await page.setViewportSize({ width: 360, height: 780 });
      await page.waitForFunction(
        () => (document.querySelector("nav")?.getBoundingClientRect().right ?? 0) <= 0,
      );
      await screenshot("person-en-360.png");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );

      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByRole("button", { name: /^Language/ }).click();
      await page.getByRole("menuitem", { name: "ខ្មែរ" }).click();
      await expect
        .poll(() => page.getByRole("heading", { name: "មន្ត្រី KH-0001" }).isVisible())
        .toBe(true);
      await screenshot("person-km-1280.png");
      await page.setViewportSize({ width: 360, height: 780 });
      await page.waitForFunction(
        () => (document.querySelector("nav")?.getBoundingClientRect().right ?? 0) <= 0,
      );
      await screenshot("person-km-360.png");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );

      // A person of another province is not found, even by editing the address.
      const other = await server.database.db
        .selectFrom("persons")
        .select("id")
        .where("service_number", "=", "KH-0002")
        .executeTakeFirstOrThrow();
      await page.goto(`${server.url}/people/${other.id}`);
      await expect.poll(() => page.getByRole("alert").first().isVisible()).toBe(true);
      expect(await page.content()).not.toContain("KH-0002");
      expect(pageProblems).toEqual([]);
    }, 180_000);
  },
);
