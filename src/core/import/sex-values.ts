/**
 * Sex as HR files write it, in the six languages of Tandem. Only words that name one sex whatever
 * the context are built in (titles such as Thai นาย "Mr" qualify, rank titles do not); numeric
 * codes (1/2) differ between systems and belong in the mapping's value map. A blank cell is `U`:
 * unknown sex is counted and shown, never dropped (shared/domain/INDICATORS.md §0).
 */
import type { Sex } from "../schemas/sex";
import { isFormulaCell, type SourceCell } from "./table";
import { foldLatinDiacritics, normaliseKey } from "./text-keys";

/** Built-in words per language; French is there because older Cambodian records use it. */
export const SEX_WORDS: Readonly<
  Record<string, Readonly<Partial<Record<Sex, readonly string[]>>>>
> = {
  en: {
    F: ["f", "female", "woman", "w", "fem"],
    M: ["m", "male", "man", "masc"],
    X: ["x", "other", "another", "non-binary", "nonbinary", "non binary"],
    U: ["u", "unknown", "not known", "not stated", "not specified", "unspecified"],
  },
  fr: { F: ["femme", "féminin"], M: ["homme", "masculin"] },
  km: {
    F: ["ស្រី", "ស្ត្រី", "នារី", "ភេទស្រី"],
    M: ["ប្រុស", "បុរស", "ភេទប្រុស"],
    X: ["ផ្សេងទៀត"],
    U: ["មិនស្គាល់", "មិនបញ្ជាក់"],
  },
  vi: {
    F: ["nữ", "nữ giới"],
    M: ["nam", "nam giới"],
    X: ["khác"],
    U: ["không rõ", "không xác định"],
  },
  th: {
    F: ["หญิง", "ญ", "เพศหญิง", "สตรี", "นาง", "นางสาว", "น.ส."],
    M: ["ชาย", "ช", "เพศชาย", "นาย"],
    X: ["อื่นๆ", "อื่น ๆ"],
    U: ["ไม่ระบุ", "ไม่ทราบ"],
  },
  ru: {
    F: ["ж", "жен", "женский", "женщина"],
    M: ["м", "муж", "мужской", "мужчина"],
    X: ["другой", "другое"],
    U: ["неизвестно", "не указан", "не указано"],
  },
  kk: {
    F: ["ә", "әйел", "әйел адам"],
    M: ["е", "ер", "еркек", "ер адам"],
    X: ["басқа"],
    U: ["белгісіз", "көрсетілмеген"],
  },
};

const DOTS = /\./g;

/** How sex values compare: normalised, Latin diacritics folded ("Nữ" = "Nu"), dots dropped ("Ж." = "Ж"). */
export function sexKey(text: string): string {
  return foldLatinDiacritics(normaliseKey(text)).replace(DOTS, "");
}

export type SexParse =
  | { readonly ok: true; readonly value: Sex }
  | { readonly ok: false; readonly code: "invalid_sex" | "formula_cell" };

const RESULTS: Readonly<Record<Sex, SexParse>> = {
  F: Object.freeze({ ok: true, value: "F" }),
  M: Object.freeze({ ok: true, value: "M" }),
  X: Object.freeze({ ok: true, value: "X" }),
  U: Object.freeze({ ok: true, value: "U" }),
};
const INVALID: SexParse = Object.freeze({ ok: false, code: "invalid_sex" });
const FORMULA: SexParse = Object.freeze({ ok: false, code: "formula_cell" });

const BUILT_IN: ReadonlyMap<string, Sex> = new Map(
  Object.values(SEX_WORDS).flatMap((words) =>
    (Object.entries(words) as [Sex, readonly string[]][]).flatMap(([sex, list]) =>
      list.map((word) => [sexKey(word), sex] as const),
    ),
  ),
);

const compiledMaps = new WeakMap<Readonly<Record<string, Sex>>, ReadonlyMap<string, Sex>>();

function compile(extraMap: Readonly<Record<string, Sex>>): ReadonlyMap<string, Sex> {
  let compiled = compiledMaps.get(extraMap);
  if (!compiled) {
    compiled = new Map(Object.entries(extraMap).map(([word, sex]) => [sexKey(word), sex]));
    compiledMaps.set(extraMap, compiled);
  }
  return compiled;
}

/**
 * Reads a sex cell as F, M, X or U. `extraMap` (the mapping's value map, e.g. {"1": "M", "2": "F"})
 * is consulted first and overrides the built-in words; it is compiled once per map object.
 */
export function parseSex(cell: SourceCell, extraMap?: Readonly<Record<string, Sex>>): SexParse {
  if (cell === null) return RESULTS.U;
  if (typeof cell === "object" && isFormulaCell(cell)) return FORMULA;
  if (typeof cell !== "string" && typeof cell !== "number") return INVALID;
  const key = sexKey(String(cell));
  if (key === "") return RESULTS.U;
  const sex = (extraMap && compile(extraMap).get(key)) ?? BUILT_IN.get(key);
  return sex ? RESULTS[sex] : INVALID;
}
