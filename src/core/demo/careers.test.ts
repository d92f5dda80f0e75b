import { describe, expect, it } from "vitest";
import type { Sex } from "../schemas/sex";
import { deriveSpells } from "../workforce/spells";
import { DEMO_WINDOW_YEARS, generateDemoPersons, type DemoPerson } from "./careers";
import { buildDemoUnits, demoRankGroups, demoRanks } from "./country";

const END_YEAR = 2026;
const START = `${END_YEAR - DEMO_WINDOW_YEARS}-01-01`;
const END = `${END_YEAR - 1}-12-31`;

function firstPersons(seed: number, count: number, endYear = END_YEAR): DemoPerson[] {
  const units = buildDemoUnits("small", seed);
  const persons: DemoPerson[] = [];
  for (const person of generateDemoPersons(units, { scale: "small", seed, endYear })) {
    persons.push(person);
    if (persons.length === count) break;
  }
  return persons;
}

/** Rank ordinal in post on `date`, replayed from the events; null when not in post. */
function rankOn(person: DemoPerson, date: string): number | null {
  let rank: number | null = null;
  let isInPost = false;
  for (const event of person.events) {
    if (event.date > date) break;
    if (event.type === "exit") isInPost = false;
    else if (event.type === "hire") isInPost = true;
    rank = event.rankOrdinal ?? rank;
  }
  return isInPost ? rank : null;
}

function countBySex(persons: readonly DemoPerson[], date: string, minRank = 1) {
  const counts: Record<Sex, number> = { F: 0, M: 0, X: 0, U: 0 };
  for (const person of persons) {
    const rank = rankOn(person, date);
    if (rank !== null && rank >= minRank) counts[person.sex]++;
  }
  const known = counts.F + counts.M + counts.X;
  return { ...counts, N: known + counts.U, share: known === 0 ? 0 : counts.F / known };
}

describe("buildDemoUnits", () => {
  it("builds the same tree for the same seed, parents first, with unique codes", () => {
    const units = buildDemoUnits("small", 1);
    expect(buildDemoUnits("small", 1)).toEqual(units);
    expect(units[0]).toMatchObject({ code: "HQ", kind: "hq", parentIndex: null });
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
    expect(new Set(units.map((u) => u.name)).size).toBe(units.length);
    units.forEach((unit) => {
      if (unit.parentIndex !== null) expect(unit.parentIndex).toBeLessThan(unit.index);
    });
    expect(units.filter((u) => u.kind === "province")).toHaveLength(3);
    expect(buildDemoUnits("small", 2).map((u) => u.name)).not.toEqual(units.map((u) => u.name));
  });
});

describe("generateDemoPersons", () => {
  it("is deterministic for the same seed, scale and end year", () => {
    expect(firstPersons(1, 60)).toEqual(firstPersons(1, 60));
  });

  it("gives other people for another seed or another end year", () => {
    const base = firstPersons(1, 60);
    expect(firstPersons(2, 60)).not.toEqual(base);
    expect(firstPersons(1, 60, END_YEAR + 1)).not.toEqual(base);
  });

  it("takes the starting headcount from an override, plus ten years of hires", () => {
    const units = buildDemoUnits("small", 1);
    const persons = [
      ...generateDemoPersons(units, { scale: "small", seed: 1, endYear: END_YEAR, officers: 100 }),
    ];
    expect(persons).toHaveLength(100 + DEMO_WINDOW_YEARS * Math.round(100 * 0.058));
  });

  describe("at small scale", () => {
    const units = buildDemoUnits("small", 1);
    const persons = [...generateDemoPersons(units, { scale: "small", seed: 1, endYear: END_YEAR })];

    it("gives consistent careers: a hire first, dates in order, spells without errors", () => {
      expect(new Set(persons.map((p) => p.serviceNumber)).size).toBe(persons.length);
      for (const person of persons) {
        expect(person.events[0]?.type).toBe("hire");
        const dates = person.events.map((e) => e.date);
        expect(dates).toEqual([...dates].sort());
        expect((dates.at(-1) ?? "") < `${END_YEAR}-01-01`).toBe(true);
        const facts = person.events.map((e) => ({
          type: e.type,
          date: e.date,
          rankId: e.rankOrdinal,
          orgUnitId: e.unitIndex,
          jobRoleId: e.roleIndex,
        }));
        expect(deriveSpells(facts, new Set()).errors).toEqual([]);
      }
    });

    it("has the share of women rising over the window", () => {
      const start = countBySex(persons, START);
      const middle = countBySex(persons, `${END_YEAR - 5}-01-01`);
      const end = countBySex(persons, END);
      expect(start.share).toBeGreaterThan(0.03);
      expect(middle.share).toBeGreaterThan(start.share);
      expect(end.share).toBeGreaterThan(middle.share);
      expect(end.share - start.share).toBeGreaterThan(0.03);
      expect(end.N).toBeGreaterThan(start.N);
    });

    it("has very few women in the top rank group and fewer among commissioned officers", () => {
      const topGroup = demoRankGroups.find((g) => g.isTop)?.code;
      const topRank = Math.min(
        ...demoRanks.filter((r) => r.groupCode === topGroup).map((r) => r.ordinal),
      );
      const top = countBySex(persons, END, topRank);
      const commissioned = countBySex(persons, END, 7);
      const all = countBySex(persons, END);
      expect(top.N).toBeGreaterThan(0);
      expect(top.F).toBeLessThanOrEqual(1);
      expect(commissioned.share).toBeLessThan(all.share / 2);
    });

    it("records some people with unknown sex, as real registers do", () => {
      const unknown = persons.filter((p) => p.sex === "U").length / persons.length;
      expect(unknown).toBeGreaterThan(0.005);
      expect(unknown).toBeLessThan(0.03);
    });
  });
});
