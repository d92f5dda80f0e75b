import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/server/config";
import { startServer, type StartedServer } from "../src/server/main";

const root = fileURLToPath(new URL("../", import.meta.url));
const resultsDir = path.join(root, "test-results");
const chromiumPath = process.env.CHROMIUM_PATH;
const isCi = process.env.CI === "true";
const launchArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-sync",
];

if (!chromiumPath && !isCi) {
  console.warn("e2e/provincial-officer: CHROMIUM_PATH is not set; the browser journey is skipped.");
}

/** Outside CI a missing Chromium skips the journey; in CI (CI=true) it fails it, never skips. */
function requireChromium(): string {
  if (!chromiumPath) {
    throw new Error(
      "CHROMIUM_PATH is not set. CI must run the browser journeys: install Chromium " +
        "(apt-get install -y chromium fonts-noto-core) and set CHROMIUM_PATH=/usr/bin/chromium.",
    );
  }
  return chromiumPath;
}

describe.skipIf(!chromiumPath && !isCi)(
  "browser journey: a provincial officer sees only their province",
  () => {
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
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-e2e-province-"));
      const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-e2e-profile-"));
      tempDirs.push(dataDir, profileDir);
      const loaded = loadConfig({
        TANDEM_DATA_DIR: dataDir,
        PORT: "0",
        TANDEM_DEMO_SCALE: "small",
        TANDEM_ADMIN_PASSWORD: "province-journey-admin-42",
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
        const isExpected = /status of (401|404)/.test(message.text());
        if (message.type() === "error" && !isExpected)
          pageProblems.push(`console error: ${message.text()}`);
      });
      fs.mkdirSync(resultsDir, { recursive: true });
    });

    afterAll(async () => {
      await context?.close();
      await server?.close();
      for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("signs in as the province's HR officer and sees that province's tree and numbers only", async () => {
      const officer = server.demoUsers.find((u) => u.username === "demo.hr-officer");
      expect(officer).toMatchObject({ role: "hr-officer", unitCode: "P01" });
      const db = server.database.db;
      const province = await db
        .selectFrom("org_units")
        .select(["id", "name", "path"])
        .where("code", "=", "P01")
        .executeTakeFirstOrThrow();
      const subtree = await db
        .selectFrom("org_units")
        .select(["id", "code"])
        .where("path", "like", `${province.path}%`)
        .execute();
      const today = new Date().toISOString().slice(0, 10);
      const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM career_spells s JOIN org_units u ON u.id = s.org_unit_id
      WHERE u.path LIKE ${province.path + "%"} AND s.valid_from <= ${today}::date
        AND (s.valid_to IS NULL OR s.valid_to > ${today}::date)`.execute(db);
      const expectedHeadcount = rows[0]?.n ?? -1;
      expect(expectedHeadcount).toBeGreaterThan(0);

      await page.goto(server.url);
      await expect
        .poll(() => page.getByRole("heading", { name: "Sign in" }).isVisible())
        .toBe(true);
      await page.locator('input[name="username"]').fill(officer?.username ?? "");
      await page.locator('input[name="password"]').fill(officer?.password ?? "");
      await page.getByRole("button", { name: "Sign in" }).click();

      const headcount = page.getByTestId("headcount");
      await headcount.waitFor({ state: "visible" });
      expect(Number((await headcount.innerText()).replace(/\D/g, ""))).toBe(expectedHeadcount);
      await expect.poll(() => page.getByText(`${province.name}, as of`).isVisible()).toBe(true);

      // The tree picker offers the province and its units, nothing from elsewhere.
      await page.getByRole("textbox", { name: "Org unit" }).first().click();
      const options = page.getByRole("option");
      await expect.poll(() => options.count()).toBeGreaterThan(1);
      const labels = await options.allInnerTexts();
      for (const label of labels) expect(label).toMatch(/\(P01(-|\))/);
      expect(labels.join(" ")).not.toMatch(/\((HQ|NU-|P0[2-9])/);
      await page.screenshot({
        path: path.join(resultsDir, "provincial-officer.png"),
        fullPage: true,
      });
      await page.keyboard.press("Escape");

      const api = await page.request.get(`${server.url}/api/org-units`);
      const codes = ((await api.json()) as { units: Array<{ code: string }> }).units.map(
        (u) => u.code,
      );
      expect(codes.sort()).toEqual(subtree.map((u) => u.code).sort());

      // Another province's numbers are not there to be had, even by editing the address.
      const other = await db
        .selectFrom("org_units")
        .select("id")
        .where("code", "=", "P02")
        .executeTakeFirstOrThrow();
      await page.goto(`${server.url}/?unit=${other.id}`);
      await expect
        .poll(() => page.getByRole("alert").first().innerText())
        .toContain("outside your access");
      expect(await page.getByTestId("headcount").count()).toBe(0);
      expect(pageProblems).toEqual([]);
    }, 180_000);
  },
);
