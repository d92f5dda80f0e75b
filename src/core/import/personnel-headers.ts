/**
 * Column names of personnel files as HR systems and hand-kept lists write them, in the six
 * languages of Tandem, and the mapping they suggest. Row-number columns ("No.", "STT", "ល.រ",
 * "ลำดับ", "№ п/п") are deliberately absent: they are not service numbers.
 */
import type { PersonnelField, PersonnelFileKind } from "../schemas/personnel-import";
import { foldLatinDiacritics, normaliseKey } from "./text-keys";

type Aliases = Readonly<Record<"en" | "km" | "vi" | "th" | "ru" | "kk", readonly string[]>>;

export const PERSONNEL_HEADER_ALIASES: Readonly<Record<PersonnelField, Aliases>> = {
  service_number: {
    en: [
      "Service number",
      "Service No",
      "Service Num",
      "Service ID",
      "Service #",
      "Badge",
      "Badge number",
      "Badge No",
      "Badge ID",
      "ID",
      "ID number",
      "Staff ID",
      "Staff number",
      "Staff No",
      "Employee ID",
      "Employee number",
      "Employee No",
      "Employee code",
      "Personnel number",
      "Personnel No",
      "Personnel ID",
      "Officer ID",
      "Officer number",
      "Police ID",
      "Police number",
      "Force number",
    ],
    km: ["លេខសម្គាល់", "លេខអត្តសញ្ញាណ", "អត្តលេខ", "អត្តលេខមន្ត្រី", "លេខសម្គាល់មន្ត្រី"],
    vi: [
      "Số hiệu",
      "Số hiệu CAND",
      "Số hiệu Công an",
      "Số hiệu cán bộ",
      "Mã cán bộ",
      "Mã CB",
      "Mã số cán bộ",
      "Mã nhân viên",
      "Mã NV",
    ],
    th: ["เลขประจำตัว", "เลขประจำตัวข้าราชการ", "เลขประจำตัวตำรวจ", "รหัสข้าราชการ", "รหัสพนักงาน"],
    ru: [
      "Табельный номер",
      "Табельный №",
      "Таб. №",
      "Таб. номер",
      "Личный номер",
      "Личный №",
      "Служебный номер",
      "Номер жетона",
    ],
    kk: ["Жеке нөмір", "Жеке нөмірі", "Табель нөмірі", "Табельдік нөмір", "Қызметтік нөмір"],
  },
  sex: {
    en: ["Sex", "Gender", "M/F", "F/M"],
    km: ["ភេទ"],
    vi: ["Giới tính"],
    th: ["เพศ"],
    ru: ["Пол"],
    kk: ["Жынысы", "Жыныс"],
  },
  birth_year: {
    en: ["Year of birth", "Birth year", "YOB"],
    km: ["ឆ្នាំកំណើត"],
    vi: ["Năm sinh"],
    th: ["ปีเกิด"],
    ru: ["Год рождения", "Г.р."],
    kk: ["Туған жылы", "Туылған жылы"],
  },
  birth_date: {
    en: ["Date of birth", "Birth date", "Birthdate", "DOB", "D.O.B.", "Birthday"],
    km: ["ថ្ងៃខែឆ្នាំកំណើត", "ថ្ងៃកំណើត"],
    vi: ["Ngày sinh", "Ngày tháng năm sinh"],
    th: ["วันเกิด", "วันเดือนปีเกิด", "วัน/เดือน/ปีเกิด"],
    ru: ["Дата рождения"],
    kk: ["Туған күні", "Туылған күні"],
  },
  rank: {
    en: ["Rank", "Grade", "Rank code", "Rank title", "Current rank"],
    km: ["ឋានន្តរស័ក្តិ", "ឋានន្តរស័ក្ដិ"],
    vi: ["Cấp bậc", "Cấp bậc hàm", "Cấp hàm"],
    th: ["ยศ"],
    ru: ["Звание", "Специальное звание", "Спец. звание"],
    kk: ["Атағы", "Атақ", "Арнаулы атағы"],
  },
  unit: {
    en: [
      "Unit",
      "Unit code",
      "Unit name",
      "Station",
      "Posting",
      "Duty station",
      "Department",
      "Dept",
      "Office",
      "Org unit",
      "Organisation unit",
      "Organization unit",
    ],
    km: ["អង្គភាព", "ទីកន្លែងបម្រើការងារ"],
    vi: ["Đơn vị", "Đơn vị công tác", "Mã đơn vị"],
    th: ["หน่วย", "หน่วยงาน", "สังกัด"],
    ru: ["Подразделение", "Код подразделения", "Место службы", "Отдел"],
    kk: ["Бөлімше", "Бөлімше коды", "Бөлім", "Қызмет орны"],
  },
  role: {
    en: ["Role", "Position", "Post", "Function", "Job title", "Job"],
    km: ["តួនាទី", "មុខតំណែង"],
    vi: ["Chức vụ", "Chức danh"],
    th: ["ตำแหน่ง"],
    ru: ["Должность"],
    kk: ["Лауазымы", "Лауазым"],
  },
  hire_date: {
    en: [
      "Date of hire",
      "Hire date",
      "Date hired",
      "Date joined",
      "Joining date",
      "Join date",
      "Enlistment date",
      "Date of enlistment",
      "Entry date",
      "Date of entry",
      "Employment date",
      "Service start date",
    ],
    km: ["ថ្ងៃចូលបម្រើការ", "ថ្ងៃចូលបម្រើការងារ", "ថ្ងៃខែឆ្នាំចូលបម្រើការងារ", "ថ្ងៃចូលធ្វើការ"],
    vi: ["Ngày vào ngành", "Ngày tuyển dụng", "Ngày vào công an", "Ngày vào CAND"],
    th: ["วันบรรจุ", "วันที่บรรจุ", "วันเข้ารับราชการ"],
    ru: [
      "Дата приема",
      "Дата приёма",
      "Дата приема на службу",
      "Дата приёма на службу",
      "Дата поступления на службу",
    ],
    kk: ["Қабылданған күні", "Қызметке қабылданған күні", "Қызметке кірген күні"],
  },
  event_type: {
    en: [
      "Event",
      "Event type",
      "Type of event",
      "Action",
      "Action type",
      "Movement",
      "Movement type",
      "Change type",
    ],
    km: ["ព្រឹត្តិការណ៍", "ប្រភេទព្រឹត្តិការណ៍"],
    vi: ["Loại sự kiện", "Sự kiện", "Loại biến động", "Biến động"],
    th: ["ประเภท", "ประเภทเหตุการณ์", "เหตุการณ์", "ประเภทการเปลี่ยนแปลง"],
    ru: ["Событие", "Тип события", "Вид события"],
    kk: ["Оқиға", "Оқиға түрі"],
  },
  effective_date: {
    en: [
      "Effective date",
      "Date effective",
      "Effective from",
      "With effect from",
      "Effective",
      "Event date",
      "Date",
    ],
    km: ["កាលបរិច្ឆេទ", "កាលបរិច្ឆេទចូលជាធរមាន"],
    vi: ["Ngày hiệu lực", "Ngày có hiệu lực", "Có hiệu lực từ", "Ngày"],
    th: ["วันที่มีผล", "วันที่มีผลบังคับ", "วันที่"],
    ru: ["Дата", "Дата события", "Дата вступления в силу"],
    kk: ["Күні", "Оқиға күні", "Күшіне енген күні", "Күшіне ену күні"],
  },
  reason: {
    en: [
      "Reason",
      "Reason code",
      "Cause",
      "Leave reason",
      "Exit reason",
      "Reason for leaving",
      "Leave type",
    ],
    km: ["មូលហេតុ"],
    vi: ["Lý do", "Lí do"],
    th: ["เหตุผล", "สาเหตุ"],
    ru: ["Причина", "Основание"],
    kk: ["Себебі", "Себеп"],
  },
};

const BRACKETED = /\([^)]*\)|\[[^\]]*\]/g;
const PUNCTUATION = /[.:*_\-/\\,;'"`‘’“”«»!?]+/g;
const SPACES = / {2,}/g;

/**
 * How column names compare: normalised, Latin diacritics folded ("Don vi" = "Đơn vị"), bracketed
 * notes dropped ("Date of birth (dd/mm/yyyy)"), punctuation read as space ("Service_No." = "service no").
 */
export function headerKey(text: string): string {
  return foldLatinDiacritics(normaliseKey(text))
    .replace(BRACKETED, " ")
    .replace(PUNCTUATION, " ")
    .replace(SPACES, " ")
    .trim();
}

const FIELD_BY_KEY: ReadonlyMap<string, PersonnelField> = new Map(
  (Object.entries(PERSONNEL_HEADER_ALIASES) as [PersonnelField, Aliases][]).flatMap(
    ([field, aliases]) =>
      Object.values(aliases).flatMap((list) =>
        list.map((alias) => [headerKey(alias), field] as const),
      ),
  ),
);

/** The register field a column name stands for, or undefined. */
export function matchHeader(text: string): PersonnelField | undefined {
  return FIELD_BY_KEY.get(headerKey(text));
}

/**
 * The mapping to start from, guessed from the file's column names: each field takes the first
 * column that names it, each column serves at most one field. The kind is `events` when a column
 * names the event type, else `snapshot`, unless the caller says which.
 */
export function suggestMapping(
  headers: readonly string[],
  kind?: PersonnelFileKind,
): { columns: Partial<Record<PersonnelField, string>>; kind: PersonnelFileKind } {
  const columns: Partial<Record<PersonnelField, string>> = {};
  for (const header of headers) {
    const field = matchHeader(header);
    if (field !== undefined && columns[field] === undefined) columns[field] = header;
  }
  return { columns, kind: kind ?? (columns.event_type === undefined ? "snapshot" : "events") };
}
