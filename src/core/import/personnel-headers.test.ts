import { describe, expect, it } from "vitest";
import type { PersonnelField } from "../schemas/personnel-import";
import {
  PERSONNEL_HEADER_ALIASES,
  headerKey,
  matchHeader,
  suggestMapping,
} from "./personnel-headers";

/** The names the brief lists, field by field: each must be recognised. */
const expected: Record<PersonnelField, string[]> = {
  service_number: [
    "Service number",
    "Service No.",
    "Badge",
    "ID",
    "Personnel number",
    "លេខសម្គាល់",
    "លេខអត្តសញ្ញាណ",
    "Số hiệu",
    "Mã cán bộ",
    "เลขประจำตัว",
    "Табельный номер",
    "Личный номер",
    "Жеке нөмір",
    "Табель нөмірі",
  ],
  sex: ["Sex", "Gender", "ភេទ", "Giới tính", "เพศ", "Пол", "Жынысы"],
  birth_year: [
    "Year of birth",
    "Birth year",
    "ឆ្នាំកំណើត",
    "Năm sinh",
    "ปีเกิด",
    "Год рождения",
    "Туған жылы",
  ],
  birth_date: [
    "Date of birth",
    "DOB",
    "ថ្ងៃខែឆ្នាំកំណើត",
    "Ngày sinh",
    "วันเกิด",
    "Дата рождения",
    "Туған күні",
  ],
  rank: ["Rank", "Grade", "ឋានន្តរស័ក្តិ", "Cấp bậc", "ยศ", "Звание", "Атағы"],
  unit: [
    "Unit",
    "Unit code",
    "Station",
    "Posting",
    "អង្គភាព",
    "Đơn vị",
    "หน่วย",
    "สังกัด",
    "Подразделение",
    "Бөлімше",
  ],
  role: [
    "Role",
    "Position",
    "Post",
    "Function",
    "តួនាទី",
    "Chức vụ",
    "ตำแหน่ง",
    "Должность",
    "Лауазымы",
  ],
  hire_date: [
    "Date of hire",
    "Hire date",
    "Date joined",
    "Enlistment date",
    "ថ្ងៃចូលបម្រើការ",
    "Ngày vào ngành",
    "วันบรรจุ",
    "Дата приема",
    "Қабылданған күні",
  ],
  event_type: [
    "Event",
    "Event type",
    "Action",
    "ព្រឹត្តិការណ៍",
    "Loại sự kiện",
    "ประเภท",
    "Событие",
    "Оқиға",
  ],
  effective_date: [
    "Effective date",
    "Date",
    "Effective from",
    "កាលបរិច្ឆេទ",
    "Ngày hiệu lực",
    "วันที่มีผล",
    "Дата",
    "Күні",
  ],
  reason: ["Reason", "មូលហេតុ", "Lý do", "เหตุผล", "Причина", "Себебі"],
};

describe("matchHeader", () => {
  it.each(Object.entries(expected).flatMap(([field, names]) => names.map((name) => [name, field])))(
    "reads %j as %s",
    (name, field) => {
      expect(matchHeader(name)).toBe(field);
    },
  );

  it("ignores case, spacing, punctuation, bracketed notes, Latin diacritics and invisible characters", () => {
    expect(matchHeader("  SERVICE_NO ")).toBe("service_number");
    expect(matchHeader("Service No:")).toBe("service_number");
    expect(matchHeader("Sex*")).toBe("sex");
    expect(matchHeader("Date of birth (dd/mm/yyyy)")).toBe("birth_date");
    expect(matchHeader("ปีเกิด (พ.ศ.)")).toBe("birth_year");
    expect(matchHeader("Don vi")).toBe("unit");
    expect(matchHeader("Ngay sinh")).toBe("birth_date");
    expect(matchHeader("ថ្ងៃខែឆ្នាំ\u200Bកំណើត")).toBe("birth_date");
    expect(matchHeader("Таб. №")).toBe("service_number");
    expect(matchHeader("Д.О.Б.")).toBeUndefined();
  });

  it("does not take row numbers, names or national ID numbers for service numbers", () => {
    for (const name of [
      "No.",
      "No",
      "#",
      "STT",
      "ល.រ",
      "ลำดับ",
      "№ п/п",
      "Name",
      "Họ và tên",
      "เลขประจำตัวประชาชน",
    ]) {
      expect([name, matchHeader(name)]).toEqual([name, undefined]);
    }
  });

  it("has no column name that stands for two fields", () => {
    const fields = new Map<string, Set<string>>();
    for (const [field, aliases] of Object.entries(PERSONNEL_HEADER_ALIASES)) {
      for (const alias of Object.values(aliases).flat()) {
        const key = headerKey(alias);
        fields.set(key, (fields.get(key) ?? new Set()).add(field));
      }
    }
    expect([...fields].filter(([, set]) => set.size > 1)).toEqual([]);
    expect([...fields.keys()].filter((key) => key === "")).toEqual([]);
  });
});

describe("suggestMapping", () => {
  it("maps a Khmer snapshot export", () => {
    const headers = ["ល.រ", "អត្តលេខ", "ឈ្មោះ", "ភេទ", "ឆ្នាំកំណើត", "ឋានន្តរស័ក្តិ", "អង្គភាព", "តួនាទី"];
    expect(suggestMapping(headers)).toEqual({
      kind: "snapshot",
      columns: {
        service_number: "អត្តលេខ",
        sex: "ភេទ",
        birth_year: "ឆ្នាំកំណើត",
        rank: "ឋានន្តរស័ក្តិ",
        unit: "អង្គភាព",
        role: "តួនាទី",
      },
    });
  });

  it("takes a file with an event column for an events file", () => {
    const headers = ["เลขประจำตัว", "เพศ", "ประเภท", "วันที่มีผล", "ยศ", "สังกัด", "เหตุผล"];
    expect(suggestMapping(headers)).toEqual({
      kind: "events",
      columns: {
        service_number: "เลขประจำตัว",
        sex: "เพศ",
        event_type: "ประเภท",
        effective_date: "วันที่มีผล",
        rank: "ยศ",
        unit: "สังกัด",
        reason: "เหตุผล",
      },
    });
  });

  it("gives each field the first column naming it, and keeps a kind the caller chose", () => {
    const headers = ["Badge", "Service number", "Unit", "Unit code", "Event", "Rank"];
    expect(suggestMapping(headers, "snapshot")).toEqual({
      kind: "snapshot",
      columns: { service_number: "Badge", unit: "Unit", event_type: "Event", rank: "Rank" },
    });
    expect(suggestMapping([]).kind).toBe("snapshot");
    expect(suggestMapping(["Sex", "Sex"]).columns).toEqual({ sex: "Sex" });
  });
});
