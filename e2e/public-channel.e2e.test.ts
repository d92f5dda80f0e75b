import fs from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import en from "../src/locales/en.json";
import km from "../src/locales/km.json";
import th from "../src/locales/th.json";
import { seedOrgTree } from "../test/factories";
import { describeJourney, pageWidth, resultsDir, type JourneyServer } from "./support";

/** Where the pages are photographed (TANDEM_SHOTS_DIR, else test-results/). */
const shotsDir = process.env.TANDEM_SHOTS_DIR ?? resultsDir;
const kmText = km.web.publicChannel;

async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({
    path: path.join(shotsDir, `public-channel-${name}.png`),
    fullPage: true,
  });
}

function issuesDescribed(server: JourneyServer, description: string) {
  return server.started.database.db
    .selectFrom("community_issues")
    .select(["reference", "source", "language", "is_anonymous", "contact_encrypted"])
    .select(["woman_officer_requested", "org_unit_id", "status"])
    .where("description", "=", description)
    .execute();
}

/** Fills the form in Khmer: a category, the description, a district, anonymous, a woman officer. */
async function fillReport(page: Page, description: string): Promise<void> {
  await page.getByLabel(kmText.report.category).selectOption("domestic_violence");
  await page.getByLabel(kmText.report.description).fill(description);
  await page.getByLabel(kmText.report.place).fill("ភូមិថ្មី");
  await page.getByLabel(kmText.report.unit).selectOption("P1-D1");
  await page.getByRole("checkbox", { name: kmText.report.womanOfficer }).check();
  await page.getByRole("button", { name: kmText.report.submit, exact: true }).click();
}

/** The receipt's reference (ABCD-EFGH-JK) and follow-up link. */
async function readReceipt(page: Page): Promise<{ reference: string; link: string }> {
  const reference = page.getByTestId("reference");
  await reference.waitFor({ state: "visible" });
  return {
    reference: await reference.innerText(),
    link: await page.locator("#follow-up-link").inputValue(),
  };
}

describeJourney(
  "browser journey: a resident raises a problem on the public page",
  {
    locale: "km-KH",
    viewport: { width: 360, height: 780 },
    seed: async (server) => {
      await seedOrgTree(server.started.database.db);
    },
  },
  (journey) => {
    let followUpLink = "";

    it("files a problem in Khmer asking for a woman officer, keeps the receipt and follows it", async () => {
      const { page, server } = journey;
      const urls: string[] = [];
      page.on("request", (request) => urls.push(request.url()));
      await page.goto(`${server.url}/report`);
      await page.getByRole("heading", { name: kmText.report.title }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("km");
      expect(await pageWidth(page)).toBeLessThanOrEqual(360);
      await shoot(page, "km-report");

      const description = "ប្តីរបស់អ្នកជិតខាងវាយប្រពន្ធរបស់គាត់រាល់យប់ <b>ជួយផង</b>";
      await fillReport(page, description);
      const { reference, link } = await readReceipt(page);
      expect(reference).toMatch(
        /^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{2}$/,
      );
      const code = reference.replace(/-/g, "");
      expect(link).toMatch(new RegExp(`^${server.url}/follow-up/${code}#[A-Za-z0-9_-]{20,}$`));
      await page.getByRole("heading", { name: kmText.receipt.title }).waitFor();
      expect(await pageWidth(page)).toBeLessThanOrEqual(360);
      await shoot(page, "km-receipt");

      const [issue, ...others] = await issuesDescribed(server, description);
      expect(others).toEqual([]);
      expect(issue).toMatchObject({
        reference: code,
        source: "public_channel",
        language: "km",
        is_anonymous: true,
        contact_encrypted: null,
        woman_officer_requested: true,
        status: "new",
      });

      await page.getByRole("button", { name: kmText.receipt.done }).click();
      await page.getByRole("heading", { name: kmText.report.title }).waitFor();

      followUpLink = link;
      await page.goto(link);
      const status = page.getByTestId("status");
      await status.waitFor({ state: "visible" });
      expect(await status.getAttribute("data-status")).toBe("new");
      expect(await status.innerText()).toBe(kmText.statuses.new);
      await page.getByText(kmText.followUp.womanOfficerRequested).waitFor();
      await page.getByText(kmText.followUp.updates.created).waitFor();
      // The description is shown as text, markup included, never as markup.
      await page.getByText(kmText.followUp.yourReport).click();
      await page.getByText(description).waitFor();
      expect(await pageWidth(page)).toBeLessThanOrEqual(360);
      await shoot(page, "km-follow-up");

      // The secret travels in a header only: no requested URL carries it.
      const secret = link.split("#")[1] ?? "";
      expect(secret.length).toBeGreaterThan(20);
      expect(urls.filter((url) => url.includes(secret))).toEqual([]);
      expect(journey.browser.problems).toEqual([]);
    }, 120_000);

    it("keeps a problem sent without a connection in the outbox, and sends it once when the connection returns", async () => {
      const { page, server, browser } = journey;
      await page.goto(`${server.url}/report`);
      await page.getByRole("heading", { name: kmText.report.title }).waitFor();
      // The service worker controls the page: the shell opens offline.
      await expect
        .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
        .toBe(true);
      await browser.context.setOffline(true);
      await page.reload();
      await page.getByRole("heading", { name: kmText.report.title }).waitFor();

      const description = `គ្មានអ៊ីនធឺណិត ${Date.now()}`;
      await fillReport(page, description);
      const outbox = page.getByTestId("outbox");
      const waitingOne = new IntlMessageFormat(kmText.outbox.count, "km").format({ count: 1 });
      await outbox.getByText(String(waitingOne)).waitFor();
      await outbox.getByText(kmText.outbox.offline).waitFor();
      expect(await pageWidth(page)).toBeLessThanOrEqual(360);
      await shoot(page, "km-outbox");
      expect(await issuesDescribed(server, description)).toEqual([]);

      await browser.context.setOffline(false);
      const { reference } = await readReceipt(page);
      await expect.poll(async () => (await outbox.count()) === 0).toBe(true);
      const issues = await issuesDescribed(server, description);
      expect(issues.map((i) => i.reference)).toEqual([reference.replace(/-/g, "")]);
      // Once more after a while: nothing is sent twice (page, worker and reload all flushed).
      await page.reload();
      await page.getByTestId("reference").waitFor();
      expect(await issuesDescribed(server, description)).toHaveLength(1);

      const offlineNoise = /ERR_INTERNET_DISCONNECTED/;
      expect(browser.problems.filter((p) => !offlineNoise.test(p))).toEqual([]);
    }, 120_000);

    it("speaks Thai and English through the language picker, on both pages", async () => {
      const { page, server } = journey;
      await page.goto(`${server.url}/report`);
      await page.getByRole("button", { name: kmText.receipt.done }).click();
      let pickerLabel = kmText.language;
      for (const [locale, catalog] of [
        ["th", th],
        ["en", en],
      ] as const) {
        const text = catalog.web.publicChannel;
        await page.goto(`${server.url}/report`);
        await page.getByRole("combobox", { name: pickerLabel }).selectOption(locale);
        await page.getByRole("heading", { name: text.report.title }).waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
        expect(await pageWidth(page)).toBeLessThanOrEqual(360);
        await shoot(page, `${locale}-report`);
        // The choice is remembered: the follow-up link opens in it.
        await page.goto(followUpLink);
        await page.getByText(text.statuses.new, { exact: true }).waitFor();
        expect(await pageWidth(page)).toBeLessThanOrEqual(360);
        await shoot(page, `${locale}-follow-up`);
        pickerLabel = text.language;
      }
      const offlineNoise = /ERR_INTERNET_DISCONNECTED/;
      expect(journey.browser.problems.filter((p) => !offlineNoise.test(p))).toEqual([]);
    }, 120_000);
  },
);
