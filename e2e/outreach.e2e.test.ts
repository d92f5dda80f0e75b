import path from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import {
  addAccount,
  describeJourney,
  enrolTwoFactor,
  pageWidth,
  resultsDir,
  screenshot,
  signInAs,
  type Credentials,
} from "./support";

const officer: Credentials = { username: "outreach.officer", password: "outreach-journey-pass-31" };
const PLACE = "Phum Thmei <commune hall>";

/** A screenshot of what the screen shows (long lists are not worth a full-page image). */
const viewportShot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(resultsDir, `${name}.png`) });

/** Picks the first option offered by an open Mantine combobox and returns its text. */
async function pickFirstOption(page: Page): Promise<string> {
  const option = page.getByRole("option").first();
  await option.waitFor();
  const text = await option.innerText();
  await option.click();
  return text;
}

describeJourney(
  "browser journey: a community officer records outreach on a phone",
  {
    demo: "small",
    seed: (server) => addAccount(server, { ...officer, role: "community-officer" }),
  },
  (journey) => {
    it("records a session with attendance, topics, a partner and a problem, then paper feedback", async () => {
      const { page, server } = journey;
      const db = server.started.database.db;
      await page.setViewportSize({ width: 390, height: 844 });
      await signInAs(page, server.url, officer);
      await enrolTwoFactor(page);

      // The navigation (in the burger drawer on a phone) leads to the outreach list and the form.
      await page.getByRole("button", { name: "Open navigation" }).click();
      await page.getByRole("link", { name: "Outreach sessions" }).click();
      await page.getByRole("heading", { name: "Outreach sessions" }).waitFor();
      await page.getByRole("link", { name: "Record a session" }).click();
      await page.getByRole("heading", { name: "Record an outreach session" }).waitFor();

      // Saving an empty form sends nothing and marks what is missing.
      await page.getByRole("button", { name: "Save session" }).click();
      await page.getByText("Nothing was saved: correct the field marked in red.").waitFor();
      expect(await page.getByText("Required.").count()).toBe(1);

      await page.getByRole("textbox", { name: "Place" }).fill(PLACE);
      // The phone's position fills the coordinates (the site allows geolocation for itself only).
      await journey.browser.context.grantPermissions(["geolocation"], { origin: server.url });
      await journey.browser.context.setGeolocation({ latitude: 11.556374, longitude: 104.928207 });
      await page.getByRole("button", { name: "Use my location" }).click();
      await expect
        .poll(() => page.getByRole("textbox", { name: "Latitude" }).inputValue())
        .toBe("11.556374");
      expect(await page.getByRole("textbox", { name: "Longitude" }).inputValue()).toBe(
        "104.928207",
      );
      for (const topic of ["Online scams", "Road safety"]) {
        await page.locator("label", { hasText: topic }).click();
      }
      await page.getByRole("combobox", { name: "Partner agencies present" }).click();
      const partnerLabel = await pickFirstOption(page);
      const partnerName = partnerLabel.split(" · ")[0] ?? partnerLabel;
      await page.keyboard.press("Escape");

      // Thumb steppers and typing: 2 women and 1 man officer; 12 women adults, 3 young men.
      await page.getByRole("button", { name: "One more: Officers present: Women" }).click();
      await page.getByRole("button", { name: "One more: Officers present: Women" }).click();
      await page.getByRole("button", { name: "One more: Officers present: Men" }).click();
      await page.getByRole("textbox", { name: "Women, Adults" }).fill("12");
      for (let i = 0; i < 3; i++) {
        await page.getByRole("button", { name: "One more: Men, Youth" }).click();
      }
      await expect
        .poll(() => page.getByTestId("attendance-total").innerText())
        .toBe("Total participants: 15");
      expect(await page.getByTestId("officers-total").innerText()).toBe("3");

      await page.getByRole("button", { name: "Add a problem raised" }).click();
      const problem = page.getByRole("region", { name: "Problem 1" });
      await problem.getByRole("combobox", { name: "Category" }).click();
      await page.getByRole("option", { name: "Land dispute" }).click();
      await problem
        .getByRole("textbox", { name: "What was raised" })
        .fill("Boundary dispute between two families");
      await problem.getByRole("radio", { name: "No" }).check();
      await problem.getByRole("combobox", { name: "Raised by (sex)" }).click();
      await page.getByRole("option", { name: "Women" }).click();
      await problem.getByRole("checkbox", { name: "The person asked for a woman officer" }).check();

      // A dropped connection loses nothing: the draft is back after a reload.
      await page.reload();
      await page.getByText("Draft restored").waitFor();
      expect(await page.getByRole("textbox", { name: "Place" }).inputValue()).toBe(PLACE);
      expect(await page.getByRole("textbox", { name: "Women, Adults" }).inputValue()).toBe("12");
      expect(
        await page
          .getByRole("region", { name: "Problem 1" })
          .getByRole("textbox", { name: "What was raised" })
          .inputValue(),
      ).toBe("Boundary dispute between two families");
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      await screenshot(page, "outreach-form-390");

      await page.getByRole("button", { name: "Save session" }).click();
      await page.getByText("The session is recorded with 1 community issue.").waitFor();
      const sessionId = Number(
        /\/community\/outreach\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1],
      );
      expect(sessionId).toBeGreaterThan(0);
      const linked = page.getByTestId("linked-issues");
      await expect.poll(() => linked.innerText()).toContain("Land dispute");
      expect(await linked.innerText()).toMatch(/new/i);
      await screenshot(page, "outreach-saved-390");

      const session = await db
        .selectFrom("outreach_sessions")
        .selectAll()
        .where("id", "=", sessionId)
        .executeTakeFirstOrThrow();
      expect(session).toMatchObject({ place: PLACE, latitude: 11.556374, longitude: 104.928207 });
      const cells = await db
        .selectFrom("outreach_attendance")
        .select(["sex", "age_group", "count"])
        .where("session_id", "=", sessionId)
        .orderBy("sex")
        .execute();
      expect(cells.map((c) => [c.sex, c.age_group, Number(c.count)])).toEqual([
        ["F", "adult", 12],
        ["M", "youth", 3],
      ]);
      const topics = await db
        .selectFrom("outreach_session_topics")
        .select("topic_id")
        .where("session_id", "=", sessionId)
        .execute();
      expect(topics).toHaveLength(2);
      const partners = await db
        .selectFrom("outreach_session_partners as p")
        .innerJoin("stakeholders as s", "s.id", "p.stakeholder_id")
        .select("s.name")
        .where("p.session_id", "=", sessionId)
        .execute();
      expect(partners.map((p) => p.name)).toEqual([partnerName]);
      const issues = await db
        .selectFrom("community_issues")
        .select(["status", "source", "woman_officer_requested", "raised_by_sex"])
        .where("outreach_session_id", "=", sessionId)
        .execute();
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ status: "new", source: "outreach", raised_by_sex: "F" });
      expect(Boolean(issues[0]?.woman_officer_requested)).toBe(true);

      // An edit sends only what changed; the problems are issues now, listed, not edited here,
      // but one remembered after saving is added to the session.
      await page.getByRole("textbox", { name: "Notes" }).fill("Held with the commune council");
      await page.getByRole("button", { name: "Add a problem raised" }).click();
      const later = page.getByRole("region", { name: "Problem 1" });
      await later.getByRole("combobox", { name: "Category" }).click();
      await page.getByRole("option", { name: "Drugs" }).click();
      await later
        .getByRole("textbox", { name: "What was raised" })
        .fill("Young men selling pills near the school");
      await later.getByRole("radio", { name: "No" }).check();
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.getByText("Changes saved.").waitFor();
      const edited = await db
        .selectFrom("outreach_sessions")
        .select(["notes", "place"])
        .where("id", "=", sessionId)
        .executeTakeFirstOrThrow();
      expect(edited).toEqual({ notes: "Held with the commune council", place: PLACE });
      await expect.poll(() => linked.innerText()).toContain("Drugs");
      expect(await linked.innerText()).toContain("Land dispute");

      // The list shows it with its reach by sex.
      await page.getByRole("link", { name: "← All outreach sessions" }).click();
      const card = page.getByTestId(`session-${sessionId}`);
      await expect.poll(() => card.innerText()).toContain(PLACE);
      expect(await card.innerText()).toContain("Women 12 · Men 3");
      expect(await card.innerText()).toContain("2 problems raised");
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      await viewportShot(page, "outreach-list-390");

      // Paper feedback for the session, one respondent.
      await card.getByRole("link", { name: PLACE }).click();
      await page.getByRole("link", { name: "Enter paper feedback" }).click();
      await page.getByRole("heading", { name: "Enter feedback" }).waitFor();
      await expect
        .poll(() => page.getByRole("combobox", { name: "Outreach session" }).inputValue())
        .toContain(PLACE);
      await page.locator("label", { hasText: /^Women$/ }).click();
      await page.locator("label", { hasText: /^Older people$/ }).click();
      const question = (code: string) => page.locator(`[data-question="${code}"]`);
      await question("satisfaction").locator("label", { hasText: /^4$/ }).click();
      await question("trust_police").locator("label", { hasText: /^5$/ }).click();
      await question("felt_safe_reporting").locator("label", { hasText: /^Yes$/ }).click();
      await page.getByText("3 of 3 questions answered").waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, "outreach-feedback-390");
      await page.getByRole("button", { name: "Save and next" }).click();
      await page.getByText("1 response saved in this sitting.").waitFor();
      await page.getByRole("heading", { name: "Respondent 2" }).waitFor();
      const responses = await db
        .selectFrom("feedback_responses")
        .select(["channel", "respondent_sex", "respondent_age_group"])
        .where("outreach_session_id", "=", sessionId)
        .execute();
      expect(responses).toEqual([
        { channel: "paper", respondent_sex: "F", respondent_age_group: "older" },
      ]);

      // The same pages on a desktop, and the form in Khmer on a phone.
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${server.url}/community/outreach`);
      await page.getByTestId(`session-${sessionId}`).waitFor();
      await viewportShot(page, "outreach-list-1280");
      await page.goto(`${server.url}/community/stakeholders`);
      await page.getByRole("heading", { name: "Partner directory" }).waitFor();
      await page
        .getByTestId(/^stakeholder-/)
        .first()
        .waitFor();
      await viewportShot(page, "outreach-stakeholders-1280");

      // The directory: add an organisation in the modal, then deactivate it (never deleted).
      const shelter = "Kampong Women's Shelter <night desk>";
      await page.getByRole("button", { name: "Add an organisation" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("textbox", { name: "Organisation" }).fill(shelter);
      await dialog.getByRole("combobox", { name: "Type" }).click();
      await page.getByRole("option", { name: "Shelter" }).click();
      await dialog.getByRole("textbox", { name: "Services" }).fill("Safe accommodation");
      await dialog.getByRole("textbox", { name: "Contacts" }).fill("+000 12 345 678");
      await viewportShot(page, "outreach-stakeholder-modal-1280");
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "detached" });
      await page.getByRole("searchbox", { name: "Search by name" }).fill("Kampong");
      const row = page.locator("tbody tr", { hasText: shelter });
      await expect.poll(() => row.innerText()).toContain("Safe accommodation");
      await row.getByRole("button", { name: `Deactivate ${shelter}` }).click();
      await expect.poll(() => row.count()).toBe(0);
      // The switch lives in the URL (?inactive=true): it turns on once the router has navigated.
      const showInactive = page.getByRole("switch", { name: "Show inactive organisations" });
      await showInactive.click();
      await expect.poll(() => showInactive.isChecked()).toBe(true);
      await expect.poll(() => row.innerText()).toMatch(/inactive/i);
      const stored = await db
        .selectFrom("stakeholders")
        .select(["type", "is_active"])
        .where("name", "=", shelter)
        .executeTakeFirstOrThrow();
      expect(stored.type).toBe("shelter");
      expect(Boolean(stored.is_active)).toBe(false);
      await page.goto(`${server.url}/community/outreach/${sessionId}`);
      await page.getByTestId("linked-issues").waitFor();
      await screenshot(page, "outreach-session-1280");
      await page.goto(`${server.url}/community/feedback/new?session=${sessionId}`);
      await page.getByRole("heading", { name: "Respondent 1" }).waitFor();
      await screenshot(page, "outreach-feedback-1280");
      await page.setViewportSize({ width: 390, height: 844 });
      await page.evaluate(() => window.localStorage.setItem("tandem.locale", "km"));
      await page.goto(`${server.url}/community/outreach/new`);
      await page.getByRole("heading", { name: "កត់ត្រាវគ្គផ្សព្វផ្សាយ" }).waitFor();
      await page.getByRole("button", { name: "បន្ថែមបញ្ហាដែលបានលើកឡើង" }).click();
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      await screenshot(page, "outreach-form-390-km");
      await page.evaluate(() => window.localStorage.setItem("tandem.locale", "en"));
      expect(journey.browser.problems).toEqual([]);
    }, 240_000);
  },
);
