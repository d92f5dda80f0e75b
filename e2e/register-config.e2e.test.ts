import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import {
  describeJourney,
  enrolTwoFactor,
  pageWidth,
  screenshot,
  signInAs,
  switchToMobileViewport,
} from "./support";

/** The rank codes of a group as the page lists them, most junior first. */
const ranksOf = (page: Page, group: string) =>
  page
    .getByTestId(`rank-group-${group}`)
    .locator("li")
    .evaluateAll((items) => items.map((li) => li.getAttribute("data-testid")?.slice(5)));

const focusedLabel = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? null);

describeJourney("browser journey: ranks and roles", { demo: "small" }, (journey) => {
  it("reorders ranks with the keyboard, flags a leadership role, and fits a phone in Khmer", async () => {
    const { page, server } = journey;
    await signInAs(page, server.url, server.admin);
    await enrolTwoFactor(page);

    await page.getByRole("link", { name: "Ranks and roles" }).click();
    await expect.poll(() => ranksOf(page, "constables")).toEqual(["CON", "SCON", "CPL"]);
    await screenshot(page, "register-1280");

    // Keyboard only: focus stays on the moved rank, so Enter keeps moving it.
    await page.getByRole("button", { name: "Move Corporal up (more junior)" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => ranksOf(page, "constables")).toEqual(["CON", "CPL", "SCON"]);
    await expect.poll(() => focusedLabel(page)).toBe("Move Corporal up (more junior)");
    await page.keyboard.press("Enter");
    await expect.poll(() => ranksOf(page, "constables")).toEqual(["CPL", "CON", "SCON"]);
    // At the top of its group the rank can only move down; focus goes there.
    await expect.poll(() => focusedLabel(page)).toBe("Move Corporal down (more senior)");
    await page.keyboard.press("Enter");
    await expect.poll(() => ranksOf(page, "constables")).toEqual(["CON", "CPL", "SCON"]);

    const leadership = page.getByRole("switch", {
      name: "Trainer is a command or leadership post",
    });
    await leadership.focus();
    await page.keyboard.press("Space");
    await expect.poll(() => leadership.isChecked()).toBe(true);
    const trainer = await server.started.database.db
      .selectFrom("job_roles")
      .select("is_leadership")
      .where("code", "=", "trainer")
      .executeTakeFirstOrThrow();
    expect(trainer.is_leadership).toBe(true);

    await page.getByRole("button", { name: "Add a rank to Constables" }).click();
    await page.getByRole("textbox", { name: "Code" }).fill("LCPL");
    await page.getByRole("textbox", { name: "Name" }).fill("Lance Corporal");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => ranksOf(page, "constables")).toEqual(["CON", "CPL", "SCON", "LCPL"]);

    // A rank that career records name keeps its code; its name can change.
    await page.getByRole("button", { name: "Edit Constable" }).click();
    await expect.poll(() => page.getByRole("textbox", { name: "Code" }).isDisabled()).toBe(true);
    await screenshot(page, "register-edit-rank");
    await page.getByRole("button", { name: "Cancel" }).click();

    await switchToMobileViewport(page);
    await expect.poll(() => page.getByTestId("role-trainer").isVisible()).toBe(true);
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await screenshot(page, "register-360");

    await page.evaluate(() => window.localStorage.setItem("tandem.locale", "km"));
    await page.reload();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("km");
    await expect.poll(() => ranksOf(page, "constables")).toHaveLength(4);
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await screenshot(page, "register-km-360");
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, "register-km-1280");
    expect(journey.browser.problems).toEqual([]);
  }, 180_000);
});
