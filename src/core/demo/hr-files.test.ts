import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Sex } from "../schemas/sex";
import { generateDemoPersons } from "./careers";
import { buildDemoUnits, demoJobRoles, demoRanks } from "./country";
import { SCIENTIFIC_SERVICE_NUMBER, UNKNOWN_RANK, type BrokenCellProblem } from "./hr-errors";
import {
  BUDDHIST_ERA_OFFSET,
  buildDemoHrFiles,
  EVENT_HEADERS,
  formatDayFirst,
  HR_FILE_PROVINCES,
  KHMER_HEADERS,
  THAI_HEADERS,
  type CsvFileSpec,
  type DemoHrFile,
  type DemoHrFiles,
  type SheetCell,
  type XlsxFileSpec,
} from "./hr-files";
import { createServiceNumberSequence } from "./hr-month";

const OPTIONS = { scale: "small", seed: 2, endYear: 2024 } as const;

function build(seed: number, officers?: number): DemoHrFiles {
  const options = { ...OPTIONS, seed, ...(officers === undefined ? {} : { officers }) };
  const units = buildDemoUnits(options.scale, seed);
  return buildDemoHrFiles(generateDemoPersons(units, options), units, options);
}

interface Post {
  readonly sex: Sex;
  readonly birthYear: number;
  readonly hireDate: string;
  readonly rank: string;
  readonly unit: string;
  readonly role: string;
}

/** The register on its last day, replayed from the generator: serving officers of one province. */
function registerOf(seed: number, provinceCode: string, officers?: number): Map<string, Post> {
  const options = { ...OPTIONS, seed, ...(officers === undefined ? {} : { officers }) };
  const units = buildDemoUnits(options.scale, seed);
  const serving = new Map<string, Post>();
  for (const person of generateDemoPersons(units, options)) {
    if (person.events.at(-1)?.type === "exit") continue;
    const last = { rank: 0, unit: 0, role: 0 };
    for (const e of person.events) {
      last.rank = e.rankOrdinal ?? last.rank;
      last.unit = e.unitIndex ?? last.unit;
      last.role = e.roleIndex ?? last.role;
    }
    const unit = units[last.unit];
    if (!unit || !(unit.code === provinceCode || unit.code.startsWith(`${provinceCode}-`)))
      continue;
    serving.set(person.serviceNumber, {
      sex: person.sex,
      birthYear: person.birthYear,
      hireDate: person.events[0]?.date ?? "",
      rank: demoRanks[last.rank - 1]?.code ?? "",
      unit: unit.code,
      role: demoJobRoles[last.role]?.code ?? "",
    });
  }
  return serving;
}

const fileNamed = (files: DemoHrFiles, name: string): DemoHrFile => {
  const file = files.files.find((f) => f.name === name);
  if (!file) throw new Error(`no ${name}`);
  return file;
};
const csvNamed = (files: DemoHrFiles, name: string) => fileNamed(files, name) as CsvFileSpec;
const xlsxNamed = (files: DemoHrFiles, name: string) => fileNamed(files, name) as XlsxFileSpec;
const dataRows = (file: CsvFileSpec) => file.rows.slice(file.headerRow);

const text = (cell: SheetCell) =>
  cell !== null && typeof cell === "object" ? cell.date : String(cell);
const rankCodeByName = new Map(demoRanks.map((r) => [r.name, r.code]));
const roleCodeByName = new Map(demoJobRoles.map((r) => [r.name, r.code]));
const sexOfEnglish: Record<string, Sex> = { Female: "F", Male: "M", X: "X", "": "U" };
const isoOfDayFirst = (text: string, yearOffset = 0) => {
  const [day, month, year] = text.split("/");
  return `${Number(year) - yearOffset}-${month}-${day}`;
};

/** The English snapshot's rows as posts, by service number. */
function postsOfEnglishSnapshot(file: CsvFileSpec): Map<string, Post> {
  return new Map(
    dataRows(file).map(([sn, sex, birthYear, rank, unit, role, joined]) => [
      String(sn),
      {
        sex: sexOfEnglish[String(sex ?? "")] ?? "U",
        birthYear: Number(birthYear),
        hireDate: isoOfDayFirst(String(joined)),
        rank: rankCodeByName.get(String(rank)) ?? `?${String(rank)}`,
        unit: String(unit),
        role: roleCodeByName.get(String(role)) ?? `?${String(role)}`,
      },
    ]),
  );
}

/** What importing a snapshot over the register derives, compared field by field. */
function diff(register: Map<string, Post>, file: Map<string, Post>) {
  const result = { hires: [] as string[], exits: [] as string[], promotions: 0, transfers: 0 };
  let otherChanges = 0;
  for (const [sn, post] of file) {
    const before = register.get(sn);
    if (!before) {
      result.hires.push(sn);
      continue;
    }
    if (before.rank !== post.rank) {
      const order = (code: string) => demoRanks.findIndex((r) => r.code === code);
      expect(order(post.rank)).toBe(order(before.rank) + 1);
      result.promotions++;
    }
    if (before.unit !== post.unit) result.transfers++;
    if (
      before.sex !== post.sex ||
      before.birthYear !== post.birthYear ||
      before.hireDate !== post.hireDate ||
      before.role !== post.role
    )
      otherChanges++;
  }
  for (const sn of register.keys()) if (!file.has(sn)) result.exits.push(sn);
  return { ...result, otherChanges };
}

describe("buildDemoHrFiles", () => {
  const files = build(OPTIONS.seed);
  const snapshot = csvNamed(files, "personnel-snapshot-2024-01-31.csv");
  const register = registerOf(OPTIONS.seed, HR_FILE_PROVINCES.english);

  it("is deterministic for a seed, and another seed gives other files", () => {
    expect(build(OPTIONS.seed)).toEqual(files);
    expect(csvNamed(build(OPTIONS.seed + 1), snapshot.name).rows).not.toEqual(snapshot.rows);
  });

  it("describes one month after the register's last day, in six files", () => {
    expect(files.asOf).toBe("2024-01-31");
    expect(files.files.map((f) => [f.name, f.format, f.kind, f.provinceCode])).toEqual([
      ["personnel-snapshot-2024-01-31.csv", "csv", "snapshot", "P01"],
      ["personnel-snapshot-2024-01-31.xlsx", "xlsx", "snapshot", "P01"],
      ["personnel-km.csv", "csv", "snapshot", "P02"],
      ["personnel-th-buddhist-era.xlsx", "xlsx", "snapshot", "P03"],
      ["career-events.csv", "csv", "events", "P01"],
      ["personnel-with-errors.csv", "csv", "snapshot", "P01"],
    ]);
  });

  it("writes the English snapshot as an HR system exports it", () => {
    expect(snapshot).toMatchObject({ delimiter: ";", hasBom: true, newline: "\r\n", headerRow: 3 });
    expect(snapshot.rows.slice(0, 3)).toEqual([
      ["Provincial Police Commissariat P01 — staff list"],
      ["Exported 2024-02-01 07:42"],
      ["Service No.", "Sex", "Year of birth", "Rank", "Unit code", "Position", "Date joined"],
    ]);
    const rows = dataRows(snapshot);
    expect(rows.length).toBeGreaterThan(100);
    const sexes = new Set(rows.map((r) => r[1]));
    expect(sexes).toEqual(new Set(["Female", "Male", "X", null]));
    expect(rows.every((r) => /^\d\d\/\d\d\/\d{4}$/.test(String(r[6])))).toBe(true);
    expect(rows.some((r) => Number(String(r[6]).slice(0, 2)) > 12)).toBe(true);
    expect(rows.every((r) => rankCodeByName.has(String(r[3])))).toBe(true);
    expect(rows.every((r) => /^P01(-D\d\d(-S\d\d)?)?$/.test(String(r[4])))).toBe(true);
  });

  it("differs from the register by about 1% hires, 0.5% exits, and some promotions and transfers", () => {
    const result = diff(register, postsOfEnglishSnapshot(snapshot));
    const month = files.months[0];
    const count = (type: string) => month?.changes.filter((c) => c.type === type).length;
    expect(result.hires.length).toBe(Math.max(1, Math.round(register.size * 0.01)));
    expect(result.hires.length).toBe(count("hire"));
    expect(result.exits.length).toBe(count("exit"));
    expect(result.exits.length).toBeGreaterThan(0);
    expect(result.exits.length).toBeLessThan(register.size * 0.02);
    expect(result.promotions).toBe(count("promotion"));
    expect(result.transfers).toBe(count("transfer"));
    expect(result.promotions).toBeGreaterThan(0);
    expect(result.transfers).toBeGreaterThan(0);
    expect(result.otherChanges).toBe(0);
    const lastOfRegister = [...register.keys()].sort().at(-1) ?? "";
    expect(result.hires.every((sn) => /^TP\d{7}$/.test(sn) && sn > lastOfRegister)).toBe(true);
  });

  it("has the same people in the XLSX, with real dates and numeric years of birth", () => {
    const xlsx = xlsxNamed(files, "personnel-snapshot-2024-01-31.xlsx");
    const [staff, notes] = xlsx.sheets;
    expect(xlsx.sheets.map((s) => s.name)).toEqual(["Staff list", "Notes"]);
    expect(staff?.rows[1]).toEqual(snapshot.rows[2]);
    expect(notes?.rows).toContainEqual(["Situation as of", { date: "2024-01-31" }]);
    expect(
      staff?.rows
        .slice(2)
        .map((r) => [r[0], r[2], formatDayFirst((r[6] as { date: string }).date)]),
    ).toEqual(dataRows(snapshot).map((r) => [r[0], r[2], r[6]]));
  });

  it("writes the Khmer and Thai files with their headers, sex words, codes and Buddhist Era years", () => {
    const km = csvNamed(files, "personnel-km.csv");
    const th = xlsxNamed(files, "personnel-th-buddhist-era.xlsx");
    expect(km).toMatchObject({ delimiter: ",", hasBom: false, headerRow: 1 });
    expect(km.rows[0]).toEqual(KHMER_HEADERS);
    const kmRows = dataRows(km);
    expect(new Set(kmRows.map((r) => r[1]))).toContain("ស្រី");
    expect(new Set(kmRows.map((r) => r[1]))).toContain("ប្រុស");
    expect(kmRows.every((r) => /^\d{4}-\d\d-\d\d$/.test(String(r[6])))).toBe(true);
    const kmRegister = registerOf(OPTIONS.seed, HR_FILE_PROVINCES.khmer);
    const kmKnown = kmRows.filter((r) => kmRegister.has(text(r[0] ?? null)));
    expect(kmKnown.length).toBeGreaterThan(kmRegister.size * 0.95);
    expect(kmKnown.every((r) => kmRegister.get(String(r[0]))?.hireDate === r[6])).toBe(true);

    const [sheet] = th.sheets;
    expect(sheet?.rows[0]).toEqual(THAI_HEADERS);
    const thRows = sheet?.rows.slice(1) ?? [];
    expect(new Set(thRows.map((r) => r[1]))).toContain("หญิง");
    expect(new Set(thRows.map((r) => r[1]))).toContain("ชาย");
    const thRegister = registerOf(OPTIONS.seed, HR_FILE_PROVINCES.thai);
    const thKnown = thRows.filter((r) => thRegister.has(text(r[0] ?? null)));
    expect(thKnown.length).toBeGreaterThan(thRegister.size * 0.95);
    for (const row of thKnown) {
      const post = thRegister.get(text(row[0] ?? null));
      expect(Number(row[2]) - BUDDHIST_ERA_OFFSET).toBe(post?.birthYear);
      expect(isoOfDayFirst(text(row[6] ?? null), BUDDHIST_ERA_OFFSET)).toBe(post?.hireDate);
      const order = (code: unknown) => demoRanks.findIndex((r) => r.code === code);
      expect([0, 1]).toContain(order(row[3]) - order(post?.rank));
    }
  });

  it("tells the same month as events: replaying them on the register gives the snapshot", () => {
    const events = csvNamed(files, "career-events.csv");
    expect(events.rows[0]).toEqual(EVENT_HEADERS);
    const state = new Map(register);
    for (const [sn, type, date, sex, birthYear, rank, unit, role, reason] of dataRows(events)) {
      expect(String(date) > "2023-12-31" && String(date) <= files.asOf).toBe(true);
      const key = String(sn);
      if (type === "exit") {
        expect(state.delete(key)).toBe(true);
        expect(reason).not.toBeNull();
        continue;
      }
      const previous = state.get(key);
      expect(previous === undefined).toBe(type === "hire");
      state.set(key, {
        sex: (sex ?? "U") as Sex,
        birthYear: Number(birthYear),
        hireDate: type === "hire" ? String(date) : (previous?.hireDate ?? ""),
        rank: String(rank),
        unit: String(unit),
        role: String(role),
      });
    }
    expect(state).toEqual(postsOfEnglishSnapshot(snapshot));
  });
});

/** An independent check of a snapshot, finding the problems an import must report. */
function findProblems(file: CsvFileSpec, asOf: string) {
  const problems: Array<{ row: number; problem: BrokenCellProblem }> = [];
  const seen = new Set<string>();
  dataRows(file).forEach((cells, i) => {
    const row = file.headerRow + 1 + i;
    const sn = cells[0] === null ? "" : String(cells[0]);
    if (sn === "") problems.push({ row, problem: "blank_service_number" });
    else if (/^\d(\.\d+)?E\+\d+$/i.test(sn))
      problems.push({ row, problem: "scientific_service_number" });
    else if (seen.has(sn)) problems.push({ row, problem: "duplicate_service_number" });
    seen.add(sn);
    if (!rankCodeByName.has(String(cells[3]))) problems.push({ row, problem: "unknown_rank" });
    const iso = isoOfDayFirst(String(cells[6]));
    const date = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso)
      problems.push({ row, problem: "impossible_date" });
    else if (iso > asOf) problems.push({ row, problem: "future_date" });
  });
  return problems;
}

describe("personnel-with-errors.csv", () => {
  it("has exactly the listed errors, on the listed rows, and is otherwise the snapshot", () => {
    const files = build(OPTIONS.seed);
    const snapshot = csvNamed(files, "personnel-snapshot-2024-01-31.csv");
    const broken = csvNamed(files, "personnel-with-errors.csv");
    expect(findProblems(snapshot, files.asOf)).toEqual([]);
    expect(files.errors.map((e) => [e.row, e.column, e.problem])).toEqual([
      [8, "Service No.", "duplicate_service_number"],
      [15, "Rank", "unknown_rank"],
      [21, "Date joined", "future_date"],
      [27, "Date joined", "impossible_date"],
      [34, "Service No.", "blank_service_number"],
      [42, "Service No.", "scientific_service_number"],
    ]);
    expect(files.errors.map((e) => e.value)).toEqual([
      snapshot.rows[4]?.[0],
      UNKNOWN_RANK,
      "14/07/2029",
      expect.stringMatching(/^31\/02\/\d{4}$/),
      "",
      SCIENTIFIC_SERVICE_NUMBER,
    ]);
    expect(findProblems(broken, files.asOf)).toEqual(
      files.errors.map((e) => ({ row: e.row, problem: e.problem })),
    );
    const changed = broken.rows.flatMap((cells, i) =>
      cells.flatMap((cell, j) => (cell === snapshot.rows[i]?.[j] ? [] : [[i + 1, j]])),
    );
    expect(changed).toEqual([
      [8, 0],
      [15, 3],
      [21, 6],
      [27, 6],
      [34, 0],
      [42, 0],
    ]);
  });

  it("holds for any seed: only the listed errors, and a consistent month", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const files = build(seed, 600);
        const broken = csvNamed(files, "personnel-with-errors.csv");
        expect(findProblems(broken, files.asOf)).toEqual(
          files.errors.map((e) => ({ row: e.row, problem: e.problem })),
        );
        const snapshot = csvNamed(files, "personnel-snapshot-2024-01-31.csv");
        const result = diff(registerOf(seed, "P01", 600), postsOfEnglishSnapshot(snapshot));
        expect(result.otherChanges).toBe(0);
        expect(result.hires.length).toBe(
          files.months[0]?.changes.filter((c) => c.type === "hire").length,
        );
      }),
      { numRuns: 5 },
    );
  });
});

describe("createServiceNumberSequence", () => {
  it("numbers after the last service number in its own prefix and width", () => {
    const next = createServiceNumberSequence("TP0000998");
    expect([next(), next(), next()]).toEqual(["TP0000999", "TP0001000", "TP0001001"]);
  });
});
