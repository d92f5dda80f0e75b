import fs from "node:fs";
import { expect, it } from "vitest";
import {
  describeJourney,
  enrolTwoFactor,
  pageWidth,
  screenshot,
  signInAs,
  switchToMobileViewport,
} from "./support";

const khmer = JSON.parse(
  fs.readFileSync(new URL("../src/locales/km.json", import.meta.url), "utf8"),
) as { web: { home: { title: string }; nav: { open: string } } };

describeJourney(
  "browser journey: sign in, headline numbers, Khmer",
  { demo: "small" },
  (journey) => {
    it("signs in with two-step enrolment, shows live numbers, switches to Khmer, works at 360 px", async () => {
      const { page, server } = journey;
      await signInAs(page, server.url, server.admin);
      expect((await enrolTwoFactor(page)).recoveryCodeCount).toBe(10);

      const headcount = page.getByTestId("headcount");
      await headcount.waitFor({ state: "visible" });
      const headcountValue = Number((await headcount.innerText()).replace(/\D/g, ""));
      expect(headcountValue).toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId("share-of-women").innerText()).toMatch(/\d+\.\d%/);
      await expect.poll(() => page.getByRole("table").count()).toBe(1);
      await screenshot(page, "home-en");

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
      await screenshot(page, "home-km");

      await switchToMobileViewport(page);
      await expect.poll(() => page.getByTestId("headcount").isVisible()).toBe(true);
      const burger = page.getByRole("button", { name: khmer.web.nav.open });
      await expect.poll(() => burger.isVisible()).toBe(true);
      await screenshot(page, "home-km-mobile");
      // Wide content (the rank-group table) scrolls inside its own container, never the page.
      expect(await pageWidth(page)).toBeLessThanOrEqual(360);

      expect(journey.browser.problems).toEqual([]);
    }, 120_000);
  },
);
