/**
 * Sample HR files for a new user to import, in the messy shapes real HR systems export: title lines
 * above the header, semicolons and a byte-order mark, day-first dates, Khmer and Thai headers,
 * Buddhist Era years, an events file, and a copy with deliberate errors for the tutorial. They
 * describe the month after the demo register's last day, so importing one derives a few hires,
 * exits, promotions and transfers. Pure: the server writes the files (features/demo/demo-files.ts).
 */
import type { Sex } from "../schemas/sex";
import { dayNumber, isoFromDay } from "./calendar";
import type { DemoPerson } from "./careers";
import { demoJobRoles, demoRanks, type DemoUnit } from "./country";
import {
  createServiceNumberSequence,
  readServingStaff,
  simulateHrMonth,
  type ProvinceMonth,
  type StaffRecord,
} from "./hr-month";
import { breakSnapshot, type BrokenCell } from "./hr-errors";
import { createRandom } from "./prng";

/** A date-formatted spreadsheet cell (ISO calendar date). */
export interface SheetDate {
  readonly date: string;
}
export type SheetCell = string | number | SheetDate | null;
export type CsvCell = string | number | null;

export interface CsvFileSpec {
  readonly format: "csv";
  readonly name: string;
  readonly kind: "snapshot" | "events";
  readonly provinceCode: string;
  readonly delimiter: "," | ";";
  readonly hasBom: boolean;
  readonly newline: "\n" | "\r\n";
  /** 1-based row of the column names (title lines come before it). */
  readonly headerRow: number;
  /** Every line of the file, title lines and header included. */
  readonly rows: readonly (readonly CsvCell[])[];
}

export interface SheetSpec {
  readonly name: string;
  readonly rows: readonly (readonly SheetCell[])[];
  readonly columnWidths: readonly number[];
}

export interface XlsxFileSpec {
  readonly format: "xlsx";
  readonly name: string;
  readonly kind: "snapshot";
  readonly provinceCode: string;
  readonly headerRow: number;
  /** The data is on the first sheet. */
  readonly sheets: readonly SheetSpec[];
}

export type DemoHrFile = CsvFileSpec | XlsxFileSpec;

export interface DemoHrFiles {
  /** The day the snapshots describe: one month after the register's last day. */
  readonly asOf: string;
  readonly files: readonly DemoHrFile[];
  /** The month of each province the files cover (the register's state and the changes). */
  readonly months: readonly ProvinceMonth[];
  /** The deliberate errors of `personnel-with-errors.csv`, by row. */
  readonly errors: readonly BrokenCell[];
}

/** English headers, as the import's alias tables recognise them. */
export const ENGLISH_HEADERS = {
  serviceNumber: "Service No.",
  sex: "Sex",
  birthYear: "Year of birth",
  rank: "Rank",
  unit: "Unit code",
  role: "Position",
  hireDate: "Date joined",
  eventType: "Event type",
  effectiveDate: "Effective date",
  reason: "Reason",
} as const;
const SNAPSHOT_HEADERS = [
  ENGLISH_HEADERS.serviceNumber,
  ENGLISH_HEADERS.sex,
  ENGLISH_HEADERS.birthYear,
  ENGLISH_HEADERS.rank,
  ENGLISH_HEADERS.unit,
  ENGLISH_HEADERS.role,
  ENGLISH_HEADERS.hireDate,
];
export const KHMER_HEADERS = [
  "លេខសម្គាល់",
  "ភេទ",
  "ឆ្នាំកំណើត",
  "ឋានន្តរស័ក្តិ",
  "អង្គភាព",
  "តួនាទី",
  "ថ្ងៃចូលបម្រើការ",
];
export const THAI_HEADERS = ["เลขประจำตัว", "เพศ", "ปีเกิด", "ยศ", "สังกัด", "ตำแหน่ง", "วันบรรจุ"];

/** The provinces the files cover: P01 (English files; the demo HR officer's), P02 (Khmer), P03 (Thai). */
export const HR_FILE_PROVINCES = { english: "P01", khmer: "P02", thai: "P03" } as const;
export const BUDDHIST_ERA_OFFSET = 543;

const sexLabels: Record<"en" | "km" | "th" | "code", Record<Sex, string | null>> = {
  en: { F: "Female", M: "Male", X: "X", U: null },
  km: { F: "ស្រី", M: "ប្រុស", X: "X", U: null },
  th: { F: "หญิง", M: "ชาย", X: "X", U: null },
  code: { F: "F", M: "M", X: "X", U: null },
};

/** `dd/mm/yyyy`, with the year shifted by `yearOffset` (543 for the Buddhist Era). */
export function formatDayFirst(iso: string, yearOffset = 0): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${Number(year) + yearOffset}`;
}

export interface DemoHrFilesOptions {
  readonly seed: number;
  /** The demo's `endYear`: its register ends on 31 December of the year before. */
  readonly endYear: number;
}

/** Builds every sample file from the demo's people (streamed once). Deterministic for a seed. */
export function buildDemoHrFiles(
  persons: Iterable<DemoPerson>,
  units: readonly DemoUnit[],
  options: DemoHrFilesOptions,
): DemoHrFiles {
  const asOfDay = dayNumber(options.endYear, 1, 31);
  const asOf = isoFromDay(asOfDay);
  const provinces = Object.values(HR_FILE_PROVINCES).map((code) => {
    const province = units.find((u) => u.code === code && u.kind === "province");
    if (!province) throw new Error(`the demo country has no province ${code}`);
    return province;
  });
  const serving = readServingStaff(
    persons,
    units,
    provinces.map((p) => p.index),
  );
  const nextServiceNumber = createServiceNumberSequence(serving.lastServiceNumber);
  const [english, khmer, thai] = provinces.map((province) =>
    simulateHrMonth(
      createRandom((options.seed ^ 0x68726d6f) + province.index),
      serving.byProvince.get(province.index) ?? [],
      {
        provinceCode: province.code,
        units: units.filter(
          (u) => u.index === province.index || u.provinceIndex === province.index,
        ),
        year: options.endYear,
        month: 1,
        nextServiceNumber,
      },
    ),
  );
  if (!english || !khmer || !thai) throw new Error("three provinces expected");
  const unitCodes = units.map((u) => u.code);
  const snapshot = englishSnapshotCsv(english, asOf, isoFromDay(asOfDay + 1), unitCodes);
  const broken = breakSnapshot(snapshot.rows, snapshot.headerRow, asOf);
  return {
    asOf,
    files: [
      snapshot,
      englishSnapshotXlsx(english, asOf, unitCodes),
      khmerCsv(khmer, unitCodes),
      thaiXlsx(thai, unitCodes),
      eventsCsv(english, unitCodes),
      { ...snapshot, name: "personnel-with-errors.csv", rows: broken.rows },
    ],
    months: [english, khmer, thai],
    errors: broken.errors,
  };
}

const rankName = (r: StaffRecord) => demoRanks[r.rankOrdinal - 1]?.name ?? "";
const rankCode = (r: StaffRecord) => demoRanks[r.rankOrdinal - 1]?.code ?? "";
const roleName = (r: StaffRecord) => demoJobRoles[r.roleIndex]?.name ?? "";
const roleCode = (r: StaffRecord) => demoJobRoles[r.roleIndex]?.code ?? "";

/** The staff list as exported the morning after the snapshot date. */
function englishSnapshotCsv(
  month: ProvinceMonth,
  asOf: string,
  exported: string,
  unitCodes: readonly string[],
): CsvFileSpec {
  return {
    format: "csv",
    name: `personnel-snapshot-${asOf}.csv`,
    kind: "snapshot",
    provinceCode: month.provinceCode,
    delimiter: ";",
    hasBom: true,
    newline: "\r\n",
    headerRow: 3,
    rows: [
      [`Provincial Police Commissariat ${month.provinceCode} — staff list`],
      [`Exported ${exported} 07:42`],
      SNAPSHOT_HEADERS,
      ...month.after.map((r) => [
        r.serviceNumber,
        sexLabels.en[r.sex],
        r.birthYear,
        rankName(r),
        unitCodes[r.unitIndex] ?? "",
        roleName(r),
        formatDayFirst(r.hireDate),
      ]),
    ],
  };
}

function englishSnapshotXlsx(
  month: ProvinceMonth,
  asOf: string,
  unitCodes: readonly string[],
): XlsxFileSpec {
  return {
    format: "xlsx",
    name: `personnel-snapshot-${asOf}.xlsx`,
    kind: "snapshot",
    provinceCode: month.provinceCode,
    headerRow: 2,
    sheets: [
      {
        name: "Staff list",
        columnWidths: [14, 8, 13, 22, 16, 40, 13],
        rows: [
          [
            `Provincial Police Commissariat ${month.provinceCode} — staff list as of ${formatDayFirst(asOf)}`,
          ],
          SNAPSHOT_HEADERS,
          ...month.after.map((r) => [
            r.serviceNumber,
            sexLabels.en[r.sex],
            r.birthYear,
            rankName(r),
            unitCodes[r.unitIndex] ?? "",
            roleName(r),
            { date: r.hireDate },
          ]),
        ],
      },
      {
        name: "Notes",
        columnWidths: [20, 60],
        rows: [
          ["About this export"],
          ["Province", month.provinceCode],
          ["Situation as of", { date: asOf }],
          ["Officers listed", month.after.length],
          ["Sex", "Female, Male, X (another sex); blank when not recorded"],
          ["Source", "Tandem demo country: fictional people"],
        ],
      },
    ],
  };
}

function khmerCsv(month: ProvinceMonth, unitCodes: readonly string[]): CsvFileSpec {
  return {
    format: "csv",
    name: "personnel-km.csv",
    kind: "snapshot",
    provinceCode: month.provinceCode,
    delimiter: ",",
    hasBom: false,
    newline: "\n",
    headerRow: 1,
    rows: [
      KHMER_HEADERS,
      ...month.after.map((r) => [
        r.serviceNumber,
        sexLabels.km[r.sex],
        r.birthYear,
        rankCode(r),
        unitCodes[r.unitIndex] ?? "",
        roleCode(r),
        r.hireDate,
      ]),
    ],
  };
}

function thaiXlsx(month: ProvinceMonth, unitCodes: readonly string[]): XlsxFileSpec {
  return {
    format: "xlsx",
    name: "personnel-th-buddhist-era.xlsx",
    kind: "snapshot",
    provinceCode: month.provinceCode,
    headerRow: 1,
    sheets: [
      {
        name: "กำลังพล",
        columnWidths: [14, 8, 10, 10, 16, 22, 13],
        rows: [
          THAI_HEADERS,
          ...month.after.map((r) => [
            r.serviceNumber,
            sexLabels.th[r.sex],
            r.birthYear + BUDDHIST_ERA_OFFSET,
            rankCode(r),
            unitCodes[r.unitIndex] ?? "",
            roleCode(r),
            formatDayFirst(r.hireDate, BUDDHIST_ERA_OFFSET),
          ]),
        ],
      },
    ],
  };
}

export const EVENT_HEADERS = [
  ENGLISH_HEADERS.serviceNumber,
  ENGLISH_HEADERS.eventType,
  ENGLISH_HEADERS.effectiveDate,
  ENGLISH_HEADERS.sex,
  ENGLISH_HEADERS.birthYear,
  ENGLISH_HEADERS.rank,
  ENGLISH_HEADERS.unit,
  ENGLISH_HEADERS.role,
  ENGLISH_HEADERS.reason,
];

/** The same month as the English snapshot, told as events: importing either gives the same register. */
function eventsCsv(month: ProvinceMonth, unitCodes: readonly string[]): CsvFileSpec {
  return {
    format: "csv",
    name: "career-events.csv",
    kind: "events",
    provinceCode: month.provinceCode,
    delimiter: ",",
    hasBom: false,
    newline: "\n",
    headerRow: 1,
    rows: [
      EVENT_HEADERS,
      ...month.changes.map(({ type, date, reason, record: r }) => {
        const hasState = type !== "exit";
        return [
          r.serviceNumber,
          type,
          date,
          sexLabels.code[r.sex],
          r.birthYear,
          hasState ? rankCode(r) : null,
          hasState ? (unitCodes[r.unitIndex] ?? "") : null,
          hasState ? roleCode(r) : null,
          reason,
        ];
      }),
    ],
  };
}
