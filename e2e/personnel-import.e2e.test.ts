import fs from "node:fs";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import type { JourneyServer } from "./support";
import {
  describeJourney,
  pageWidth,
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

/** HR exports of a station of the demo officer's province (P01), in the shape HR systems write. */
interface HrFiles {
  readonly stationCode: string;
  readonly good: CsvFile;
  readonly broken: CsvFile;
  readonly large: CsvFile;
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

      const chooseWithTemplate = async (file: CsvFile) => {
        await page.locator("input").and(page.getByLabel(copy.templates.use)).click();
        await page.getByRole("option", { name: template }).click();
        await page.locator('input[type="file"]').setInputFiles(file);
        await page.getByTestId("personnel-preview").waitFor({ state: "visible" });
        await page.getByLabel(copy.reading.asOf).fill(today);
      };
      await chooseWithTemplate(hrFiles().good);
      expect(await fitsTheScreen()).toBe(true);
      await shoot(page, "km-360-2-map");

      await page.getByRole("button", { name: copy.mapping.validate }).click();
      const outcome = page.getByTestId("personnel-outcome");
      await outcome.waitFor({ state: "visible", timeout: 60_000 });
      expect(await outcome.innerText()).toContain("ឯកសារត្រូវគ្នានឹងបញ្ជី");
      expect(await fitsTheScreen()).toBe(true);
      await shoot(page, "km-360-3-unchanged");

      await page.getByRole("button", { name: copy.result.another }).click();
      await chooseWithTemplate(hrFiles().broken);
      await page.getByRole("button", { name: copy.mapping.validate }).click();
      await expect
        .poll(() => outcome.innerText(), { timeout: 60_000 })
        .toContain("គ្មានអ្វីត្រូវបានសរសេរទេ");
      expect(await fitsTheScreen()).toBe(true);
      await shoot(page, "km-360-4-errors");
      expect(journey.browser.problems).toEqual([]);
    }, 180_000);
  },
);
