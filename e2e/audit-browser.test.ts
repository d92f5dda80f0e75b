import { expect, it } from "vitest";
import {
  addAccount,
  describeJourney,
  pageWidth,
  screenshot,
  signInAs,
  switchToMobileViewport,
} from "./support";

const auditor = { username: "audra", password: "audit-journey-password-7" };

describeJourney(
  "browser journey: the audit browser",
  { seed: (server) => addAccount(server, { ...auditor, role: "auditor" }) },
  (journey) => {
    it("lists, filters and exports the trail, and works at 360 px", async () => {
      const { page, server } = journey;
      // Straight to the audit page: an auditor's home page has no workforce numbers to show (403).
      await signInAs(page, `${server.url}/audit`, auditor);

      await expect
        .poll(() => page.getByRole("link", { name: "Audit trail" }).getAttribute("data-active"))
        .toBe("true");
      await expect
        .poll(() => page.getByRole("heading", { name: "Audit trail" }).isVisible())
        .toBe(true);
      const table = page.getByRole("table");
      await expect.poll(() => table.getByText("auth.sign_in").count()).toBeGreaterThan(0);
      await expect.poll(() => table.getByText("user.create").count()).toBe(2);
      await screenshot(page, "audit-en");

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

      await switchToMobileViewport(page);
      await expect.poll(() => table.isVisible()).toBe(false);
      await screenshot(page, "audit-en-mobile");
      expect(await pageWidth(page)).toBeLessThanOrEqual(360);
      expect(journey.browser.problems).toEqual([]);
    }, 120_000);
  },
);
