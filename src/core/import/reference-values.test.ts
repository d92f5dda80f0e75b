import { describe, expect, it } from "vitest";
import { careerEventTypes, exitReasons, leaveReasons } from "../schemas/workforce-events";
import { EVENT_WORDS, EXIT_REASON_WORDS, LEAVE_REASON_WORDS } from "./event-vocabulary";
import {
  createReferenceMatcher,
  eventKey,
  parseEventType,
  parseReason,
  type ReferenceItem,
} from "./reference-values";
import type { SourceCell } from "./table";

const units: ReferenceItem[] = [
  { id: 1, code: "HQ", name: "National Headquarters", aliases: ["NHQ"] },
  { id: 2, code: "PP-01", name: "Central Station" },
  { id: 3, code: "SR-01", name: "Central Station" },
  { id: 4, code: "KD-01", name: "Đồn Công an  Phường 1" },
  { id: 5, code: "PP-02", name: "PP-01" },
];

describe("createReferenceMatcher", () => {
  const match = createReferenceMatcher(units);

  it("matches by code, name or alias, normalised (NFC, spaces, case)", () => {
    expect(match("HQ")).toBe(1);
    expect(match(" hq ")).toBe(1);
    expect(match("national   headquarters")).toBe(1);
    expect(match("nhq")).toBe(1);
    expect(match("SR-01")).toBe(3);
    expect(match("đồn công an phường 1")).toBe(4);
    expect(match("Đồn Công an Phường 1".normalize("NFD"))).toBe(4);
    expect(match("Đồn\u00A0Công an Phường 1")).toBe(4);
  });

  it("answers ambiguous when a name or code names two items, and never guesses", () => {
    expect(match("Central Station")).toBe("ambiguous");
    expect(match("PP-01")).toBe("ambiguous");
    expect(match("PP-02")).toBe(5);
  });

  it("answers undefined for unknown or blank text, and folds no diacritics", () => {
    expect(match("Nowhere")).toBeUndefined();
    expect(match("")).toBeUndefined();
    expect(match("Don Cong an Phuong 1")).toBeUndefined();
  });

  it("gives the mapping's value map the last word, by code", () => {
    const mapped = createReferenceMatcher(units, {
      "Central Station": "SR-01",
      "Old HQ": "HQ",
      Ghost: "NOPE",
      "National Headquarters": "PP-02",
    });
    expect(mapped("central station")).toBe(3);
    expect(mapped("OLD HQ")).toBe(1);
    expect(mapped("Ghost")).toBeUndefined();
    expect(mapped("National Headquarters")).toBe(5);
    expect(mapped("HQ")).toBe(1);
  });

  it("answers the same for the same text, the cache notwithstanding", () => {
    expect([match("hq"), match("hq"), match("Nowhere"), match("Nowhere")]).toEqual([
      1,
      1,
      undefined,
      undefined,
    ]);
  });
});

const event = (cell: SourceCell, extraMap?: Parameters<typeof parseEventType>[1]) => {
  const result = parseEventType(cell, extraMap);
  return result.ok ? [result.type, result.reason] : result.code;
};

describe("parseEventType", () => {
  it("reads every code, with any case, spaces, hyphens or underscores", () => {
    for (const type of careerEventTypes) {
      expect(event(type)).toEqual([type, null]);
      expect(event(type.toUpperCase().replace("_", " "))).toEqual([type, null]);
      expect(event(type.replace("_", "-"))).toEqual([type, null]);
    }
  });

  it.each<[string, string, string | null]>([
    ["Hired", "hire", null],
    ["Recruitment", "hire", null],
    ["Promoted", "promotion", null],
    ["Transferred", "transfer", null],
    ["Retired", "exit", "retirement"],
    ["Resigned", "exit", "resignation"],
    ["Deceased", "exit", "death"],
    ["Maternity leave", "leave_start", "maternity"],
    ["Return from leave", "leave_end", null],
    ["Nghỉ hưu", "exit", "retirement"],
    ["nghi huu", "exit", "retirement"],
    ["Điều động", "transfer", null],
    ["เลื่อนยศ", "promotion", null],
    ["ลาคลอด", "leave_start", "maternity"],
    ["Перевод", "transfer", null],
    ["Увольнение", "exit", null],
    ["Зейнеткерлікке шығу", "exit", "retirement"],
    ["ចូលនិវត្តន៍", "exit", "retirement"],
  ])("reads %j as %s (%s)", (text, type, reason) => {
    expect(event(text)).toEqual([type, reason]);
  });

  it("refuses unknown or doubtful words, and reports blanks and formulas", () => {
    expect(event("appointment")).toBe("invalid_event_type");
    expect(event("reshuffle")).toBe("invalid_event_type");
    expect(event(3)).toBe("invalid_event_type");
    expect(event(true)).toBe("invalid_event_type");
    expect(event(null)).toBe("required");
    expect(event(" ")).toBe("required");
    expect(event({ formula: "A1" })).toBe("formula_cell");
  });

  it("consults the mapping's value map first", () => {
    const map = { "P-01": "promotion", Retired: "leave_start", "7": "transfer" } as const;
    expect(event("p-01", map)).toEqual(["promotion", null]);
    expect(event("retired", map)).toEqual(["leave_start", null]);
    expect(event(7, map)).toEqual(["transfer", null]);
    expect(event("hired", map)).toEqual(["hire", null]);
  });

  it("has no word naming two different events (or one event with two reasons)", () => {
    const meanings = new Map<string, Set<string>>();
    const entries: [string, string][] = [
      ...careerEventTypes.map((type): [string, string] => [type, `${type}/`]),
      ...Object.values(EVENT_WORDS)
        .flat()
        .map(([word, type, why]): [string, string] => [word, `${type}/${why ?? ""}`]),
    ];
    for (const [word, meaning] of entries) {
      const key = eventKey(word);
      meanings.set(key, (meanings.get(key) ?? new Set()).add(meaning));
    }
    expect([...meanings].filter(([, set]) => set.size > 1)).toEqual([]);
  });
});

const reason = (
  type: Parameters<typeof parseReason>[0],
  cell: SourceCell,
  extraMap?: Record<string, string>,
) => {
  const result = parseReason(type, cell, extraMap);
  return result.ok ? result.value : result.code;
};

describe("parseReason", () => {
  it("reads every code for the events that carry it", () => {
    for (const code of leaveReasons) {
      expect(reason("leave_start", code)).toBe(code);
      expect(reason("leave_end", code.toUpperCase())).toBe(code);
    }
    for (const code of exitReasons) expect(reason("exit", code)).toBe(code);
  });

  it.each<[Parameters<typeof parseReason>[0], string, string]>([
    ["leave_start", "UN mission", "un_mission"],
    ["leave_start", "Peacekeeping", "un_mission"],
    ["leave_start", "Maternity leave", "maternity"],
    ["leave_start", "Thai sản", "maternity"],
    ["leave_start", "Декрет", "maternity"],
    ["exit", "Retired", "retirement"],
    ["exit", "Died", "death"],
    ["exit", "ลาออก", "resignation"],
    ["exit", "По собственному желанию", "resignation"],
    ["exit", "Other", "other"],
  ])("%s: reads %j as %s", (type, text, expected) => {
    expect(reason(type, text)).toBe(expected);
  });

  it("refuses a reason of the wrong kind of event, and reasons for events that carry none", () => {
    expect(reason("exit", "maternity")).toBe("invalid_reason");
    expect(reason("leave_start", "retirement")).toBe("invalid_reason");
    expect(reason("promotion", "other")).toBe("invalid_reason");
    expect(reason("exit", "tired")).toBe("invalid_reason");
    expect(reason("exit", null)).toBe("required");
    expect(reason("exit", { formula: "B2" })).toBe("formula_cell");
  });

  it("takes the value map first, but only to a reason of this event type", () => {
    const map = { R1: "retirement", M: "maternity", Other: "death" };
    expect(reason("exit", "r1", map)).toBe("retirement");
    expect(reason("leave_start", "m", map)).toBe("maternity");
    expect(reason("exit", "m", map)).toBe("invalid_reason");
    expect(reason("exit", "other", map)).toBe("death");
  });

  it("has no word naming two reasons of the same list", () => {
    const conflicts: string[] = [];
    const lists: Record<string, readonly (readonly [string, string])[]>[] = [
      LEAVE_REASON_WORDS,
      EXIT_REASON_WORDS,
    ];
    for (const words of lists) {
      const seen = new Map<string, string>();
      for (const [word, why] of Object.values(words).flat()) {
        const previous = seen.get(eventKey(word));
        if (previous !== undefined && previous !== why) conflicts.push(word);
        seen.set(eventKey(word), why);
      }
    }
    expect(conflicts).toEqual([]);
  });
});
