import { expect, it } from "vitest";
import {
  describeJourney,
  enrolTwoFactor,
  pageWidth,
  screenshot,
  signInAs,
  switchToMobileViewport,
} from "./support";

const statusWords = ["Met", "On track", "Off track", "Overdue", "No status"];

describeJourney("browser journey: representation targets", { demo: "small" }, (journey) => {
  it("lists the demo targets with their status in words, sets one by keyboard and deletes it", async () => {
    const { page, server } = journey;
    await signInAs(page, server.url, server.admin);
    await enrolTwoFactor(page);

    await page.getByRole("link", { name: "Targets" }).click();
    await page.getByRole("heading", { name: "Representation targets" }).waitFor();
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(5);
    // Mantine shows badges in capitals (CSS); the words are the statuses'.
    for (const text of await rows.locator("td:nth-child(7)").allInnerTexts()) {
      const words = text.toLowerCase();
      expect(
        statusWords.some((word) => words.includes(word.toLowerCase())),
        text,
      ).toBe(true);
    }
    await screenshot(page, "targets-1280");

    await page.getByRole("button", { name: "New target" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("combobox", { name: "Org unit" }).fill("P03");
    // The list filters as one types: wait until P03 comes first before choosing (CI is slow).
    await expect.poll(() => page.getByRole("option").first().innerText()).toContain("(P03)");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await dialog.getByLabel("Target year").fill("2029");
    // A decimal comma and a percent sign, as people type them; the form sends "15.5".
    await dialog.getByLabel("Target share of women (%)").fill("15,5 %");
    await page.keyboard.press("Enter");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(6);
    const created = rows.filter({ hasText: "15.5%" });
    await expect.poll(() => created.innerText()).toContain("2029");
    const stored = await server.started.database.db
      .selectFrom("representation_targets")
      .select("target_share_bp")
      .where("target_year", "=", 2029)
      .executeTakeFirstOrThrow();
    expect(stored.target_share_bp).toBe(1550);

    await created.getByRole("button", { name: /^Delete the target for/ }).click();
    await page.getByRole("button", { name: "Delete target" }).click();
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(5);

    await switchToMobileViewport(page);
    await page
      .getByTestId(/^target-/)
      .first()
      .waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await screenshot(page, "targets-360");
    expect(journey.browser.problems).toEqual([]);
  }, 180_000);
});
