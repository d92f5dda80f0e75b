import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { careerEventTypes, type CareerEventType } from "../schemas/workforce-events";
import { deriveSpells, type CareerEventFact, type Spell } from "./spells";

const LEADER = 90;

function ev(
  type: CareerEventType,
  date: string,
  state: { rank?: number; unit?: number; role?: number } = {},
): CareerEventFact {
  return {
    type,
    date,
    rankId: state.rank ?? null,
    orgUnitId: state.unit ?? null,
    jobRoleId: state.role ?? null,
  };
}

function sp(
  validFrom: string,
  validTo: string | null,
  state: { rank: number; unit: number; role?: number; isLeadership?: boolean; onLeave?: boolean },
): Spell {
  return {
    validFrom,
    validTo,
    rankId: state.rank,
    orgUnitId: state.unit,
    jobRoleId: state.role ?? null,
    isLeadership: state.isLeadership ?? false,
    onLeave: state.onLeave ?? false,
  };
}

const cases: Array<[string, CareerEventFact[], Spell[]]> = [
  [
    "hire → promotion → transfer → exit",
    [
      ev("hire", "2010-01-01", { rank: 1, unit: 10, role: 5 }),
      ev("promotion", "2012-03-01", { rank: 2 }),
      ev("transfer", "2014-07-01", { unit: 11 }),
      ev("exit", "2016-01-01"),
    ],
    [
      sp("2010-01-01", "2012-03-01", { rank: 1, unit: 10, role: 5 }),
      sp("2012-03-01", "2014-07-01", { rank: 2, unit: 10, role: 5 }),
      sp("2014-07-01", "2016-01-01", { rank: 2, unit: 11, role: 5 }),
    ],
  ],
  [
    "events on the day of hire replace the hire's spell",
    [ev("hire", "2020-01-01", { rank: 1, unit: 10 }), ev("transfer", "2020-01-01", { unit: 12 })],
    [sp("2020-01-01", null, { rank: 1, unit: 12 })],
  ],
  [
    "same-day promotion and transfer make one spell that closes the previous one",
    [
      ev("hire", "2015-01-01", { rank: 1, unit: 10 }),
      ev("promotion", "2018-05-01", { rank: 2 }),
      ev("transfer", "2018-05-01", { unit: 13 }),
    ],
    [
      sp("2015-01-01", "2018-05-01", { rank: 1, unit: 10 }),
      sp("2018-05-01", null, { rank: 2, unit: 13 }),
    ],
  ],
  [
    "an exit on the day of a transfer drops the transfer's spell",
    [
      ev("hire", "2015-01-01", { rank: 1, unit: 10 }),
      ev("transfer", "2019-09-09", { unit: 11 }),
      ev("exit", "2019-09-09"),
    ],
    [sp("2015-01-01", "2019-09-09", { rank: 1, unit: 10 })],
  ],
  [
    "a re-hire after an exit opens a new spell; missing state comes from before the exit",
    [
      ev("hire", "2010-01-01", { rank: 2, unit: 10, role: 4 }),
      ev("exit", "2012-01-01"),
      ev("hire", "2015-06-01", { unit: 14 }),
    ],
    [
      sp("2010-01-01", "2012-01-01", { rank: 2, unit: 10, role: 4 }),
      sp("2015-06-01", null, { rank: 2, unit: 14, role: 4 }),
    ],
  ],
  [
    "leave sets the flag until it ends, across other changes",
    [
      ev("hire", "2010-01-01", { rank: 1, unit: 10 }),
      ev("leave_start", "2019-01-01"),
      ev("promotion", "2019-03-01", { rank: 2 }),
      ev("leave_end", "2019-06-01"),
    ],
    [
      sp("2010-01-01", "2019-01-01", { rank: 1, unit: 10 }),
      sp("2019-01-01", "2019-03-01", { rank: 1, unit: 10, onLeave: true }),
      sp("2019-03-01", "2019-06-01", { rank: 2, unit: 10, onLeave: true }),
      sp("2019-06-01", null, { rank: 2, unit: 10 }),
    ],
  ],
  [
    "a leadership role marks its spells, a role change ends that",
    [
      ev("hire", "2010-01-01", { rank: 3, unit: 10, role: LEADER }),
      ev("demotion", "2011-01-01", { rank: 2 }),
      ev("role_change", "2012-01-01", { role: 6 }),
    ],
    [
      sp("2010-01-01", "2011-01-01", { rank: 3, unit: 10, role: LEADER, isLeadership: true }),
      sp("2011-01-01", "2012-01-01", { rank: 2, unit: 10, role: LEADER, isLeadership: true }),
      sp("2012-01-01", null, { rank: 2, unit: 10, role: 6 }),
    ],
  ],
  ["no events, no spells", [], []],
];

describe("deriveSpells", () => {
  it.each(cases)("%s", (_name, events, spells) => {
    expect(deriveSpells(events, new Set([LEADER]))).toEqual({ spells, errors: [] });
  });

  it.each([
    [
      "a promotion before any hire",
      [
        ev("promotion", "2010-01-01", { rank: 2, unit: 1 }),
        ev("hire", "2011-01-01", { rank: 1, unit: 1 }),
      ],
      [{ code: "event_before_hire", index: 0 }],
      1,
    ],
    [
      "an exit without a hire",
      [ev("exit", "2010-01-01")],
      [{ code: "event_before_hire", index: 0 }],
      0,
    ],
    [
      "a transfer after the exit",
      [
        ev("hire", "2010-01-01", { rank: 1, unit: 1 }),
        ev("exit", "2011-01-01"),
        ev("transfer", "2012-01-01", { unit: 2 }),
      ],
      [{ code: "event_before_hire", index: 2 }],
      1,
    ],
    [
      "a first hire without a rank",
      [ev("hire", "2010-01-01", { unit: 1 })],
      [{ code: "missing_initial_state", index: 0 }],
      0,
    ],
  ])("reports %s by its index and keeps the rest", (_name, events, errors, spellCount) => {
    const result = deriveSpells(events, new Set());
    expect(result.errors).toEqual(errors);
    expect(result.spells).toHaveLength(spellCount);
  });

  it("gives ordered, non-overlapping spells for any valid career", () => {
    const day = (n: number) =>
      new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    const step = fc.record({
      gap: fc.integer({ min: 0, max: 400 }),
      type: fc.constantFrom(...careerEventTypes.filter((t) => t !== "hire" && t !== "exit")),
      rank: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
      unit: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), fc.boolean(), (steps, isExited) => {
        let n = 0;
        const events = [ev("hire", day(0), { rank: 1, unit: 1 })];
        for (const s of steps) events.push(ev(s.type, day((n += s.gap)), s));
        if (isExited) events.push(ev("exit", day(n + 1)));
        const { spells, errors } = deriveSpells(events, new Set());
        expect(errors).toEqual([]);
        spells.forEach((spell, i) => {
          if (spell.validTo !== null) expect(spell.validTo > spell.validFrom).toBe(true);
          const next = spells[i + 1];
          if (next) expect(spell.validTo).toBe(next.validFrom);
        });
        expect(spells.at(-1)?.validTo ?? null).toBe(isExited ? day(n + 1) : null);
      }),
    );
  });
});
