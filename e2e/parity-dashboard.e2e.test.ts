import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import khmer from "../src/locales/km.json";
import { addAccount, describeJourney, screenshot, signInAs } from "./support";

const analyst = { username: "gfp.analyst", password: "parity-journey-password-9" };

describeJourney(
  "browser journey: a gender focal point reads the parity dashboard",
  {
    demo: "small",
    acceptDownloads: true,
    seed: (server) => addAccount(server, { ...analyst, role: "hq-analyst" }),
  },
  (journey) => {
    it("drills into a province, switches to Khmer and downloads a disclosure-safe PDF", async () => {
      const { page, server } = journey;
      await signInAs(page, server.url, analyst);
      await page.getByRole("link", { name: "Parity dashboard" }).first().click();
      await expect
        .poll(() => page.getByRole("heading", { name: "Parity dashboard", level: 1 }).isVisible())
        .toBe(true);
      // The pipeline's table names every rank; the heat map opens the provinces under HQ.
      const openProvince = page.getByRole("button", { name: /^Open .*Province/ }).first();
      await openProvince.waitFor({ state: "visible", timeout: 60_000 });
      await screenshot(page, "dashboard-en");
      const province = ((await openProvince.getAttribute("aria-label")) ?? "").replace(
        /^Open /,
        "",
      );
      await openProvince.click();
      await expect.poll(() => new URL(page.url()).searchParams.get("unit")).not.toBeNull();
      await expect
        .poll(() => page.getByRole("navigation", { name: "Org unit path" }).innerText())
        .toContain(province);

      await page.getByRole("button", { name: /^Language:/ }).click();
      await page.getByRole("menuitem", { name: "ខ្មែរ" }).click();
      await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("km");
      await expect
        .poll(() =>
          page.getByRole("heading", { name: khmer.web.dashboard.title, level: 1 }).isVisible(),
        )
        .toBe(true);
      await screenshot(page, "dashboard-km-province");

      await page.getByRole("checkbox", { name: khmer.web.dashboard.report.external }).check();
      await page.getByRole("button", { name: khmer.web.dashboard.report.download }).click();
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 120_000 }),
        page.getByRole("menuitem", { name: khmer.web.dashboard.report.formats.pdf }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        /^tandem-annual-report-\d{4}-.+-km-external\.pdf$/,
      );
      const file = path.join(journey.browser.downloadsDir ?? "", download.suggestedFilename());
      await download.saveAs(file);
      const pdf = fs.readFileSync(file);
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pdf.length).toBeGreaterThan(20_000);
    }, 300_000);
  },
);
