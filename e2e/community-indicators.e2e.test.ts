import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import en from "../src/locales/en.json";
import { seedCommunityExample } from "../test/community-indicators";
import { seedOrgTree } from "../test/factories";
import { describeJourney, enrolTwoFactor, resultsDir, signInAs } from "./support";

const shotsDir = process.env.TANDEM_SHOTS_DIR ?? resultsDir;
const text = en.web.communityIndicators;

describeJourney(
  "browser journey: a unit's community indicators",
  {
    seed: async (server) => {
      const db = server.started.database.db;
      await seedCommunityExample(db, await seedOrgTree(db));
    },
  },
  (journey) => {
    it("shows the month's units compared, resolution side by side and satisfaction by sex", async () => {
      const { page, server } = journey;
      await signInAs(page, server.url, server.admin);
      await enrolTwoFactor(page);
      await page.getByRole("link", { name: en.web.nav.communityIndicators }).click();
      await page.getByRole("heading", { name: text.title }).waitFor();
      await page.goto(`${server.url}/community/indicators?month=2024-05`);
      const comparison = page.getByRole("region", { name: text.comparison });
      await expect.poll(() => comparison.locator("tbody tr").count(), { timeout: 15_000 }).toBe(5);
      await expect.poll(() => comparison.locator("tfoot").innerText()).toContain("7");
      const resolution = page.getByRole("region", { name: text.resolution });
      await expect.poll(() => resolution.innerText()).toContain("83.3%");
      const satisfaction = page.getByRole("region", { name: text.satisfaction });
      await expect.poll(() => satisfaction.innerText()).toContain(text.smallSample);
      fs.mkdirSync(shotsDir, { recursive: true });
      await page.screenshot({
        path: path.join(shotsDir, "community-indicators-en.png"),
        fullPage: true,
      });
      expect(journey.browser.problems).toEqual([]);
    }, 180_000);
  },
);
