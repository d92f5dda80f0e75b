import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { setCell } from "./attendance";
import {
  draftStorageKey,
  emptyProblemDraft,
  emptySessionDraft,
  isSameDraft,
  parseDraft,
  serialiseDraft,
  type SessionDraft,
} from "./session-draft";

const text = fc.string({ maxLength: 40 });
const draft: fc.Arbitrary<SessionDraft> = fc
  .record({
    place: text,
    latitude: text,
    notes: text,
    topicIds: fc.array(fc.integer({ min: 1, max: 1000 }), { maxLength: 5 }),
    women: fc.integer({ min: 0, max: 500 }),
    problems: fc.array(
      fc.record({
        description: text,
        solved: fc.constantFrom(null, true, false),
        sex: fc.constantFrom(null, "F" as const, "X" as const),
      }),
      { maxLength: 3 },
    ),
  })
  .map((v) => {
    const base = emptySessionDraft("2025-03-04", 7);
    return {
      ...base,
      place: v.place,
      latitude: v.latitude,
      notes: v.notes,
      topicIds: v.topicIds,
      officers: { ...base.officers, F: v.women % 7 },
      attendance: setCell(base.attendance, "F", "adult", v.women),
      problems: v.problems.map((p, i) => ({
        ...emptyProblemDraft(`k${i}`),
        description: p.description,
        solvedOnTheSpot: p.solved,
        raisedBySex: p.sex,
      })),
    };
  });

describe("outreach draft in localStorage", () => {
  it("reads back exactly what was kept, with when it was kept", () => {
    fc.assert(
      fc.property(draft, (d) => {
        const stored = parseDraft(serialiseDraft(d, new Date("2025-03-04T10:00:00Z")));
        expect(stored?.savedAt).toBe("2025-03-04T10:00:00.000Z");
        expect(stored?.draft).toEqual(d);
        expect(isSameDraft(stored?.draft ?? emptySessionDraft("", null), d)).toBe(true);
      }),
    );
  });

  it("ignores nothing kept, damaged text and another version's shape", () => {
    const kept = JSON.parse(serialiseDraft(emptySessionDraft("2025-01-01", 1), new Date(0))) as {
      version: number;
      draft: Record<string, unknown>;
    };
    expect(parseDraft(null)).toBeNull();
    expect(parseDraft("{not json")).toBeNull();
    expect(parseDraft(JSON.stringify({ ...kept, version: 2 }))).toBeNull();
    expect(
      parseDraft(JSON.stringify({ ...kept, draft: { ...kept.draft, topicIds: ["x"] } })),
    ).toBeNull();
  });

  it("clamps a tampered count instead of refusing the whole draft", () => {
    const kept = JSON.parse(serialiseDraft(emptySessionDraft("2025-01-01", 1), new Date(0))) as {
      draft: { officers: Record<string, number> };
    };
    kept.draft.officers.M = -5;
    expect(parseDraft(JSON.stringify(kept))?.draft.officers.M).toBe(0);
  });

  it("compares drafts by value, whatever the order of their keys", () => {
    const a = emptySessionDraft("2025-01-01", 3);
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as unknown as SessionDraft;
    expect(isSameDraft(a, reordered)).toBe(true);
    expect(isSameDraft(a, { ...a, place: "Phum Thmei" })).toBe(false);
  });

  it("keeps each user's new session and each edit apart", () => {
    expect(draftStorageKey(4, null)).toBe("tandem.outreach.draft.4.new");
    expect(draftStorageKey(4, 19)).toBe("tandem.outreach.draft.4.19");
    expect(draftStorageKey(5, null)).not.toBe(draftStorageKey(4, null));
  });
});
