import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import en from "../src/locales/en.json";
import km from "../src/locales/km.json";
import { seedCommunityExample } from "../test/community-indicators";
import { seedOrgTree } from "../test/factories";
import { describeJourney, pageWidth, resultsDir } from "./support";

/** Where the pages are photographed (TANDEM_SHOTS_DIR, else test-results/). */
const shotsDir = process.env.TANDEM_SHOTS_DIR ?? resultsDir;

async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `transparency-${name}.png`), fullPage: true });
}

describeJourney(
  "browser journey: anyone reads the monthly transparency page",
  {
    locale: "km-KH",
    viewport: { width: 360, height: 780 },
    seed: async (server) => {
      const db = server.started.database.db;
      await seedCommunityExample(db, await seedOrgTree(db));
    },
  },
  (journey) => {
    it("opens without signing in, in Khmer, with hidden small counts marked and definitions shown", async () => {
      const { page, server } = journey;
      await page.goto(`${server.url}/transparency?month=2024-05`);
      await page.getByRole("heading", { name: km.web.transparency.title }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("km");
      // No sign-in form: the page is public.
      expect(await page.getByLabel(km.web.auth.signIn.username).count()).toBe(0);
      const country = page.getByRole("region", { name: km.web.transparency.national });
      await country.waitFor();
      const p2 = page.getByRole("region", { name: "Unit P2" });
      const issuesRow = p2.getByRole("row", {
        name: new RegExp(km.web.indicators.issues_raised.name),
      });
      // P2 raised one issue in May: hidden, marked x with its reason, never blank or 0.
      await expect.poll(() => issuesRow.innerText()).toContain("x");
      await issuesRow.getByLabel(km.sdc.suppressed_primary).waitFor();
      await page.getByRole("heading", { name: km.web.transparency.definitions }).waitFor();
      await page.getByText(km.web.indicators.satisfaction.definition).waitFor();
      expect(await pageWidth(page)).toBeLessThanOrEqual(360);
      await shoot(page, "km");

      await page.getByRole("button", { name: /ខ្មែរ/ }).click();
      await page.getByRole("menuitem", { name: "English" }).click();
      await page.getByRole("heading", { name: en.web.transparency.title }).waitFor();
      await page
        .getByRole("region", { name: en.web.transparency.national })
        .getByRole("row", { name: new RegExp(en.web.indicators.issues_raised.name) })
        .getByText("7")
        .waitFor();
      expect(await pageWidth(page)).toBeLessThanOrEqual(360);
      await shoot(page, "en");
      expect(journey.browser.problems).toEqual([]);
    }, 180_000);
  },
);
