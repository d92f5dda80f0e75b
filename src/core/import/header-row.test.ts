import { describe, expect, it } from "vitest";
import { detectHeaderRow, normaliseHeader } from "./header-row";
import type { SourceCell, SourceRow } from "./table";

const known = new Set(["service number", "sex", "rank", "unit", "пол", "звание"]);
const isKnown = (text: string) => known.has(normaliseHeader(text));
const nothingKnown = () => false;

function rows(...list: Array<[number, SourceCell[]]>): SourceRow[] {
  return list.map(([row, cells]) => ({ row, cells }));
}

const titled = rows(
  [1, ["Personnel list — Province 3 — 2024"]],
  [2, ["Printed 2024-03-01", null, null, "Page 1"]],
  [4, ["Service Number:", "Sex*", "Rank", "Unit"]],
  [5, ["P-1", "F", "Captain", "ST-12"]],
  [6, ["P-2", "M", "Sergeant", "ST-12"]],
  [7, ["P-3", "F", "Major", "PR-03"]],
);

describe("detectHeaderRow", () => {
  it("takes the row with the most known column names, below any title rows", () => {
    expect(detectHeaderRow(titled, isKnown)).toBe(4);
    const russian = rows(
      [1, ["Список личного состава"]],
      [3, ["Табельный номер", "Пол", "Звание"]],
      [4, ["Р-1", "Ж", "Лейтенант"]],
    );
    expect(detectHeaderRow(russian, isKnown)).toBe(3);
  });

  it("without known names, takes the first wordy row as wide as the data, skipping titles", () => {
    expect(detectHeaderRow(titled, nothingKnown)).toBe(4);
    const numericData = rows(
      [1, ["Effectifs 2024"]],
      [2, ["Matricule", "Année", "Taille"]],
      [3, ["1001", 1985, "1,68"]],
      [4, ["1002", { date: "1990-01-01" }, "1,82"]],
    );
    expect(detectHeaderRow(numericData, nothingKnown)).toBe(2);
  });

  it("looks only at the first 30 rows, and falls back to the first row", () => {
    const late = rows(
      ...Array.from({ length: 30 }, (_, i): [number, SourceCell[]] => [i + 1, [String(i), "1"]]),
      [31, ["Service number", "Sex"]],
    );
    expect(detectHeaderRow(late, isKnown)).toBe(1);
    expect(detectHeaderRow(rows([3, ["1", "2"]], [4, ["3", "4"]]), nothingKnown)).toBe(3);
    expect(detectHeaderRow([], isKnown)).toBe(1);
  });
});

describe("normaliseHeader", () => {
  it("compares column names as people write them", () => {
    expect(normaliseHeader("  Service\u00A0 Number : ")).toBe("service number");
    expect(normaliseHeader("Rank*")).toBe("rank");
    expect(normaliseHeader("Дата приёма:*")).toBe("дата приёма");
    expect(normaliseHeader("Nu\u031B\u0303")).toBe("nữ");
    expect(normaliseHeader("A:B")).toBe("a:b");
  });
});
