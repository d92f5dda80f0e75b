import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeJourney, enrolTwoFactor, screenshot, signInAs } from "./support";

/** Picks an option of a Mantine Select by its label. */
async function choose(page: Page, label: string, option: string | RegExp) {
  await page.locator("input").and(page.getByLabel(label)).click();
  await page.getByRole("option", { name: option }).first().click();
}

describeJourney("browser journey: an administrator edits the tree and its users", {}, (journey) => {
  it("opens a unit, imports a tree file (refused, then accepted) and creates a user", async () => {
    const { page, server } = journey;
    await signInAs(page, server.url, server.admin);
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
    await screenshot(page, "org-units-admin");

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
    await screenshot(page, "users-admin");
  }, 180_000);
});
