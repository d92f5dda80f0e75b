import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { expect, it } from "vitest";
import type { JourneyServer } from "./support";
import {
  describeJourney,
  pageWidth,
  resultsDir,
  screenshot,
  signInAs,
  switchToMobileViewport,
} from "./support";

const khmer = JSON.parse(
  fs.readFileSync(new URL("../src/locales/km.json", import.meta.url), "utf8"),
) as {
  web: {
    personnelImport: {
      mapping: { validate: string };
      reading: { asOf: string };
      result: { another: string };
      templates: { use: string };
      valueMaps: { title: string };
    };
  };
};

const template = "Provincial HR export";

/** The snapshot date: today, as the server counts days (UTC). */
const today = new Date().toISOString().slice(0, 10);

interface CsvFile {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

function csvFile(name: string, lines: readonly string[]): CsvFile {
  return { name, mimeType: "text/csv", buffer: Buffer.from(lines.join("\r\n") + "\r\n") };
}

/** Picks the column of a register field (a searchable Mantine Select): type to filter, then pick. */
async function mapColumn(page: Page, field: RegExp, header: string) {
  const input = page.locator("input").and(page.getByLabel(field));
  await input.click();
  await input.fill(header);
  await page.getByRole("option", { name: header, exact: true }).click();
  await expect.poll(() => input.inputValue()).toBe(header);
}

const shoot = (page: Page, name: string) => screenshot(page, `personnel-import-${name}`);

/**
 * A screenshot of one part of the page (the value-map panel), cut from the whole page so that the
 * fixed header of a phone does not cover it.
 */
async function shootPart(page: Page, part: Locator, name: string) {
  const box = await part.boundingBox();
  if (!box) throw new Error(`${name}: nothing to take a screenshot of`);
  const scrollY = await page.evaluate(() => window.scrollY);
  await page.screenshot({
    path: path.join(resultsDir, `personnel-import-${name}.png`),
    fullPage: true,
    clip: { ...box, y: box.y + scrollY },
  });
}

/** HR exports of a station of the demo officer's province (P01), in the shape HR systems write. */
interface HrFiles {
  readonly stationCode: string;
  readonly good: CsvFile;
  readonly broken: CsvFile;
  readonly large: CsvFile;
  /** Another station's staff list whose ranks are abbreviated ("Const."). */
  readonly abbreviated: CsvFile;
  /** Abbreviated ranks, numeric sexes and a unit by a name the register does not have. */
  readonly messy: CsvFile;
}

async function writeHrFiles(server: JourneyServer): Promise<HrFiles> {
  const db = server.started.database.db;
  const station = await db
    .selectFrom("org_units")
    .select("code")
    .where("code", "like", "P01-%")
    .where("kind", "=", "station")
    .where("closed_on", "is", null)
    .orderBy("code")
    .executeTakeFirstOrThrow();
  const ranks = await db.selectFrom("ranks").select("code").orderBy("ordinal").limit(2).execute();
  const [junior, senior] = ranks.map((r) => r.code);
  if (!junior || !senior) throw new Error("the demo has no rank scheme");
  const unit = station.code;
  const other = await db
    .selectFrom("org_units")
    .select("code")
    .where("code", "like", "P01-%")
    .where("kind", "=", "station")
    .where("closed_on", "is", null)
    .where("code", "!=", unit)
    .orderBy("code")
    .executeTakeFirstOrThrow();
  const header = "Service No;Surname;Gender;Grade;Station;Date hired";
  const largeRows = Array.from(
    { length: 3000 },
    (_, i) =>
      `TP98${String(i).padStart(5, "0")};Mao;${i % 2 ? "M" : "F"};${junior};${unit};15/03/2019`,
  );
  return {
    stationCode: unit,
    good: csvFile("hr-export.csv", [
      header,
      `TP9900001;Sok;F;${junior};${unit};15/03/2019`,
      `TP9900002;Chan;M;${junior};${unit};20/07/2021`,
      `TP9900003;Dara;Female;${senior};${unit};13/01/2024`,
    ]),
    broken: csvFile("hr-export-broken.csv", [
      header,
      `TP9900011;Keo;Q;${junior};${unit};15/03/2019`,
      `TP9900012;Lim;F;NO-SUCH-RANK;${unit};15/03/2019`,
      `TP9900014;Lim;F;${junior};${unit};15/03/2019`,
      `TP9900014;Lim;F;${junior};${unit};15/03/2019`,
      `TP9900013;Ros;M;=SUM(A1:A2);${unit};15/03/2019`,
    ]),
    large: csvFile("hr-export-large.csv", [header, ...largeRows]),
    abbreviated: csvFile("hr-export-abbreviations.csv", [
      header,
      `TP9700001;Sok;F;Const.;${other.code};15/03/2019`,
      `TP9700002;Chan;M;Const.;${other.code};20/07/2021`,
      `TP9700003;Dara;F;${senior};${other.code};13/01/2024`,
    ]),
    messy: csvFile("hr-export-messy.csv", [
      header,
      `TP9600001;Keo;1;Const.;Station 3;15/03/2019`,
      `TP9600002;Lim;2;Sgt.;${other.code};15/03/2019`,
      `TP9600003;Ros;2;Const.;Station 3;15/03/2019`,
      `TP9600004;Mao;1;Const.;${other.code};15/03/2019`,
    ]),
  };
}

let files: HrFiles | undefined;
const hrFiles = (): HrFiles => {
  if (!files) throw new Error("the HR files are written when the journey starts");
  return files;
};

describeJourney(
  "browser journey: an HR officer imports a personnel file",
  {
    demo: "small",
    acceptDownloads: true,
    seed: async (server) => {
      files = await writeHrFiles(server);
    },
  },
  (journey) => {
    /** Chooses a file and maps its columns; the as-of date is today. */
    async function chooseAndMap(file: CsvFile, asOfLabel: string) {
      const { page } = journey;
      await page.locator('input[type="file"]').setInputFiles(file);
      await page.getByTestId("personnel-preview").waitFor({ state: "visible" });
      await mapColumn(page, /^Service number/, "Service No");
      await mapColumn(page, /^Sex/, "Gender");
      await mapColumn(page, /^Rank/, "Grade");
      await mapColumn(page, /^Unit/, "Station");
      await mapColumn(page, /^Date of hire/, "Date hired");
      await page.getByLabel(asOfLabel).fill(today);
    }

    /** Chooses a file read with the saved template; the as-of date is today. */
    async function chooseWithTemplate(file: CsvFile, copy: { use: string; asOf: string }) {
      const { page } = journey;
      await page.locator("input").and(page.getByLabel(copy.use)).click();
      await page.getByRole("option", { name: template }).click();
      await page.locator('input[type="file"]').setInputFiles(file);
      await page.getByTestId("personnel-preview").waitFor({ state: "visible" });
      await page.getByLabel(copy.asOf).fill(today);
    }

    it("maps, checks, reviews and imports a snapshot, then sees why a broken file is refused", async () => {
      const { page, server } = journey;
      const officer = server.started.demoUsers.find((u) => u.username === "demo.hr-officer");
      expect(officer?.role).toBe("hr-officer");
      await signInAs(page, server.url, {
        username: officer?.username ?? "",
        password: officer?.password ?? "",
      });
      await page.getByRole("link", { name: "Import personnel" }).click();
      await page.getByTestId("personnel-drop-zone").waitFor({ state: "visible" });
      await shoot(page, "1-choose");

      // A snapshot whose date order the file shows (13/01 can only be day/month).
      await chooseAndMap(hrFiles().good, "Date of the snapshot");
      expect(await page.getByText("Found in the file: day/month/year.").isVisible()).toBe(true);
      await expect
        .poll(() => page.getByTestId("personnel-file-name").innerText())
        .toContain("hr-export.csv");
      await page.getByLabel("Save this mapping as").fill(template);
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect
        .poll(() => page.getByRole("status").filter({ hasText: "Saved as" }).innerText())
        .toBe(`Saved as “${template}”.`);
      await shoot(page, "2-map");

      await page.getByRole("button", { name: "Check the file" }).click();
      const outcome = page.getByTestId("personnel-outcome");
      await expect
        .poll(() => outcome.innerText(), { timeout: 60_000 })
        .toMatch(/^The file is valid/);
      expect(await outcome.innerText()).toContain("3 new people");
      const hires = page.getByTestId("personnel-event-counts").getByRole("row", { name: /^Hire/ });
      expect((await hires.innerText()).split(/\s+/)).toEqual(["Hire", "2", "1", "0", "0", "3"]);
      // Everyone else serving in the station the file covers has left by the snapshot date.
      expect(await page.getByTestId("personnel-coverage").innerText()).toContain(
        `(${hrFiles().stationCode})`,
      );
      const db = server.started.database.db;
      const imported = () =>
        db
          .selectFrom("persons")
          .select("service_number")
          .where("service_number", "like", "TP99000%")
          .execute();
      expect(await imported()).toEqual([]);
      await shoot(page, "3-review");

      await page.getByRole("button", { name: "Import now" }).click();
      await expect.poll(() => outcome.innerText(), { timeout: 60_000 }).toMatch(/^Imported:/);
      expect(await outcome.innerText()).toMatch(/Import batch no\. \d+/);
      expect((await imported()).map((p) => p.service_number).sort()).toEqual([
        "TP9900001",
        "TP9900002",
        "TP9900003",
      ]);
      await shoot(page, "4-imported");

      // A broken file: every problem is listed, and the list downloads as a spreadsheet-safe CSV.
      await page.getByRole("button", { name: "Import another file" }).click();
      await chooseAndMap(hrFiles().broken, "Date of the snapshot");
      await page.getByRole("button", { name: "Check the file" }).click();
      await expect
        .poll(() => outcome.innerText(), { timeout: 60_000 })
        .toMatch(/^Nothing was written: \d+ problems/);
      const errorRows = page.getByTestId("personnel-errors").locator("tbody tr");
      expect(await errorRows.count()).toBeGreaterThanOrEqual(3);
      const rowsCited = await errorRows.locator("td:first-child").allInnerTexts();
      expect(new Set(rowsCited)).toEqual(new Set(["2", "3", "5", "6"]));
      // Each problem reads as a sentence in the user's language, not as a bare error code.
      for (const problem of await errorRows.locator("td:last-child").allInnerTexts()) {
        expect(problem).not.toMatch(/^[a-z_.]+$/);
      }
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Download the problems (CSV)" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("hr-export-broken-errors.csv");
      const csv = fs.readFileSync((await download.path()) ?? "", "utf8");
      expect(csv.split(/\r?\n/)[0]).toBe("\uFEFFrow,column,value,code,message");
      expect(csv).toContain(",'=SUM(A1:A2),");
      expect(csv).not.toContain(",=SUM");
      await shoot(page, "5-errors");
      expect((await imported()).length).toBe(3);

      // Cancelling an import while it runs writes nothing. The upload is slowed down so that
      // the cancel reliably comes before the end.
      await page.getByRole("button", { name: "Import another file" }).click();
      await chooseAndMap(hrFiles().large, "Date of the snapshot");
      await page.getByRole("button", { name: "Check the file" }).click();
      await expect
        .poll(() => outcome.innerText(), { timeout: 60_000 })
        .toMatch(/^The file is valid/);
      const network = await journey.browser.context.newCDPSession(page);
      await network.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: 8 * 1024,
      });
      await page.getByRole("button", { name: "Import now" }).click();
      await page.getByTestId("personnel-progress").waitFor({ state: "visible" });
      await shoot(page, "6-importing");
      await page.getByRole("button", { name: "Cancel" }).click();
      await expect.poll(() => outcome.innerText()).toBe("Cancelled. Nothing was written.");
      await network.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      await network.detach();
      const largeImported = await db
        .selectFrom("persons")
        .select(db.fn.countAll<number>().as("n"))
        .where("service_number", "like", "TP98%")
        .executeTakeFirstOrThrow();
      expect(Number(largeImported.n)).toBe(0);
      expect(journey.browser.problems).toEqual([]);
    }, 240_000);

    it("works on a 360-pixel phone in Khmer: the same file again changes nothing", async () => {
      const { page, server } = journey;
      const copy = khmer.web.personnelImport;
      await switchToMobileViewport(page);
      await page.evaluate(() => window.localStorage.setItem("tandem.locale", "km"));
      await page.goto(`${server.url}/import/personnel`);
      await page.getByTestId("personnel-drop-zone").waitFor({ state: "visible" });
      const fitsTheScreen = async () => (await pageWidth(page)) <= 360;
      expect(await fitsTheScreen()).toBe(true);
      await shoot(page, "km-360-1-choose");

      const labels = { use: copy.templates.use, asOf: copy.reading.asOf };
      await chooseWithTemplate(hrFiles().good, labels);
      expect(await fitsTheScreen()).toBe(true);
      await shoot(page, "km-360-2-map");

      await page.getByRole("button", { name: copy.mapping.validate }).click();
      const outcome = page.getByTestId("personnel-outcome");
      await outcome.waitFor({ state: "visible", timeout: 60_000 });
      expect(await outcome.innerText()).toContain("ឯកសារត្រូវគ្នានឹងបញ្ជី");
      expect(await fitsTheScreen()).toBe(true);
      await shoot(page, "km-360-3-unchanged");

      await page.getByRole("button", { name: copy.result.another }).click();
      await chooseWithTemplate(hrFiles().broken, labels);
      await page.getByRole("button", { name: copy.mapping.validate }).click();
      await expect
        .poll(() => outcome.innerText(), { timeout: 60_000 })
        .toContain("គ្មានអ្វីត្រូវបានសរសេរទេ");
      expect(await fitsTheScreen()).toBe(true);
      await shoot(page, "km-360-4-errors");
      expect(journey.browser.problems).toEqual([]);
    }, 180_000);

    it("translates values the register does not know: “Const.” is read as Constable", async () => {
      const { page, server } = journey;
      const db = server.started.database.db;
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.evaluate(() => window.localStorage.setItem("tandem.locale", "en"));
      await page.goto(`${server.url}/import/personnel`);
      await page.getByTestId("personnel-drop-zone").waitFor({ state: "visible" });

      await chooseAndMap(hrFiles().abbreviated, "Date of the snapshot");
      await page.getByRole("button", { name: "Check the file" }).click();
      const outcome = page.getByTestId("personnel-outcome");
      await expect
        .poll(() => outcome.innerText(), { timeout: 60_000 })
        .toMatch(/^Nothing was written: 2 problems/);
      const panel = page.getByTestId("personnel-value-maps");
      expect(await panel.getByRole("heading").first().innerText()).toBe(
        "Values Tandem does not recognise",
      );
      const lines = panel.getByTestId("personnel-value-map-line");
      expect(await lines.count()).toBe(1);
      expect(await lines.first().innerText()).toMatch(/Const\.\s+2 rows/);
      const apply = panel.getByRole("button", { name: "Apply and check again" });
      expect(await apply.isDisabled()).toBe(true);

      // With the keyboard alone: type to search the register's ranks, pick with the arrows.
      const rank = panel.locator("input").and(page.getByLabel("What “Const.” (Rank) means"));
      await expect.poll(() => rank.isEnabled()).toBe(true);
      await rank.focus();
      await page.keyboard.type("Constable (CON");
      await page.keyboard.press("ArrowDown");
      await shoot(page, "valuemap-choosing-1280");
      await page.keyboard.press("Enter");
      await expect.poll(() => rank.inputValue()).toBe("Constable (CON)");
      expect(await panel.getByText("1 value chosen.").isVisible()).toBe(true);
      await apply.click();
      await expect
        .poll(() => outcome.innerText(), { timeout: 60_000 })
        .toMatch(/^The file is valid/);
      const hires = page.getByTestId("personnel-event-counts").getByRole("row", { name: /^Hire/ });
      expect((await hires.innerText()).split(/\s+/)).toEqual(["Hire", "2", "1", "0", "0", "3"]);

      // The mapping shows the translation, keeps it in a saved template, and imports with it.
      await page.getByRole("button", { name: "Back to the mapping" }).click();
      const review = page.getByTestId("personnel-value-map-review");
      expect(await review.innerText()).toMatch(/Rank\s+Const\.\s+→\s+Constable \(CON\)/);
      expect(
        await review
          .getByRole("button", { name: "Remove the translation of “Const.” (Rank)" })
          .isVisible(),
      ).toBe(true);
      await shootPart(page, review, "valuemap-review-1280");
      const saved = "HR export with abbreviations";
      await page.getByLabel("Save this mapping as").fill(saved);
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect
        .poll(() => page.getByRole("status").filter({ hasText: "Saved as" }).innerText())
        .toBe(`Saved as “${saved}”.`);
      const stored = await db
        .selectFrom("import_mappings")
        .select("mapping")
        .where("name", "=", saved)
        .executeTakeFirstOrThrow();
      const storedMapping = (
        typeof stored.mapping === "string" ? JSON.parse(stored.mapping) : stored.mapping
      ) as { valueMaps: unknown };
      expect(storedMapping.valueMaps).toEqual({ rank: { "Const.": "CON" } });

      await page.getByRole("button", { name: "Check the file" }).click();
      await expect
        .poll(() => outcome.innerText(), { timeout: 60_000 })
        .toMatch(/^The file is valid/);
      await page.getByRole("button", { name: "Import now" }).click();
      await expect.poll(() => outcome.innerText(), { timeout: 60_000 }).toMatch(/^Imported:/);
      const ranks = await db
        .selectFrom("career_spells")
        .innerJoin("persons", "persons.id", "career_spells.person_id")
        .innerJoin("ranks", "ranks.id", "career_spells.rank_id")
        .select(["persons.service_number", "ranks.code"])
        .where("persons.service_number", "like", "TP97%")
        .orderBy("persons.service_number")
        .execute();
      expect(ranks.map((r) => [r.service_number, r.code])).toEqual([
        ["TP9700001", "CON"],
        ["TP9700002", "CON"],
        ["TP9700003", expect.any(String)],
      ]);

      // A file with several kinds of unknown values, at 1280 and 360 pixels, then in Khmer.
      await page.getByRole("button", { name: "Import another file" }).click();
      await chooseWithTemplate(hrFiles().messy, {
        use: "Saved mapping",
        asOf: "Date of the snapshot",
      });
      await page.getByRole("button", { name: "Check the file" }).click();
      await panel.waitFor({ state: "visible", timeout: 60_000 });
      expect(await lines.count()).toBe(5);
      await shootPart(page, panel, "valuemap-1280");
      await switchToMobileViewport(page);
      expect(await pageWidth(page)).toBeLessThanOrEqual(360);
      await shootPart(page, panel, "valuemap-360");

      const copy = khmer.web.personnelImport;
      await page.evaluate(() => window.localStorage.setItem("tandem.locale", "km"));
      await page.goto(`${server.url}/import/personnel`);
      await page.getByTestId("personnel-drop-zone").waitFor({ state: "visible" });
      await chooseWithTemplate(hrFiles().messy, {
        use: copy.templates.use,
        asOf: copy.reading.asOf,
      });
      await page.getByRole("button", { name: copy.mapping.validate }).click();
      await panel.waitFor({ state: "visible", timeout: 60_000 });
      expect(await panel.getByRole("heading").first().innerText()).toBe(copy.valueMaps.title);
      expect(await pageWidth(page)).toBeLessThanOrEqual(360);
      await shootPart(page, panel, "valuemap-km-360");
      expect(journey.browser.problems).toEqual([]);
    }, 240_000);
  },
);
