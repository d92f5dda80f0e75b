import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRankOrder, normaliseRankOrder, type GroupPlace, type RankPlace } from "./rank-order";

const groups: GroupPlace[] = [
  { id: 10, ordinal: 1 },
  { id: 20, ordinal: 2 },
  { id: 30, ordinal: 3 },
];
const ranks: RankPlace[] = [
  { id: 1, groupId: 10, ordinal: 1 },
  { id: 2, groupId: 10, ordinal: 2 },
  { id: 3, groupId: 20, ordinal: 3 },
  { id: 4, groupId: 30, ordinal: 4 },
];

/** A scheme: 1–4 groups in a shuffled id order, 0–12 ranks with distinct ordinals in any group. */
const scheme = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.nat(3), { maxLength: 12 }))
  .chain(([groupCount, rankGroups]) =>
    fc
      .tuple(
        fc.shuffledSubarray(
          Array.from({ length: groupCount }, (_, i) => i + 1),
          { minLength: groupCount, maxLength: groupCount },
        ),
        fc.shuffledSubarray(
          Array.from({ length: rankGroups.length }, (_, i) => i + 1),
          { minLength: rankGroups.length, maxLength: rankGroups.length },
        ),
      )
      .map(([groupOrdinals, rankOrdinals]) => ({
        groups: groupOrdinals.map((ordinal, i) => ({ id: 100 + i, ordinal })),
        ranks: rankGroups.map((g, i) => ({
          id: i + 1,
          groupId: 100 + (g % groupCount),
          ordinal: rankOrdinals[i] ?? 0,
        })),
      })),
  );

describe("normaliseRankOrder", () => {
  it("puts a rank moved to another group among that group's ranks by its seniority", () => {
    const moved = ranks.map((r) => (r.id === 2 ? { ...r, groupId: 20 } : r));
    expect(normaliseRankOrder(groups, moved)).toEqual([1, 2, 3, 4]);
    const down = ranks.map((r) => (r.id === 3 ? { ...r, groupId: 10 } : r));
    expect(normaliseRankOrder(groups, down)).toEqual([1, 2, 3, 4]);
    const up = ranks.map((r) => (r.id === 1 ? { ...r, groupId: 30 } : r));
    expect(normaliseRankOrder(groups, up)).toEqual([2, 3, 1, 4]);
  });

  it("always yields an order that checkRankOrder accepts and keeps seniority within each group", () => {
    fc.assert(
      fc.property(scheme, ({ groups: g, ranks: r }) => {
        const order = normaliseRankOrder(g, r);
        expect(checkRankOrder(g, r, order)).toBeNull();
        for (const group of g) {
          const inGroup = order.filter((id) => r.find((x) => x.id === id)?.groupId === group.id);
          const bySeniority = r
            .filter((x) => x.groupId === group.id)
            .sort((a, b) => a.ordinal - b.ordinal)
            .map((x) => x.id);
          expect(inGroup).toEqual(bySeniority);
        }
      }),
    );
  });
});

describe("checkRankOrder", () => {
  it("accepts a new order within groups", () => {
    expect(checkRankOrder(groups, ranks, [2, 1, 3, 4])).toBeNull();
  });
  it("refuses a list that misses, repeats or invents a rank", () => {
    expect(checkRankOrder(groups, ranks, [1, 2, 3])).toBe("not_every_rank_once");
    expect(checkRankOrder(groups, ranks, [1, 2, 3, 3])).toBe("not_every_rank_once");
    expect(checkRankOrder(groups, ranks, [1, 2, 3, 9])).toBe("not_every_rank_once");
  });
  it("refuses an order that moves a rank across its group's boundary", () => {
    expect(checkRankOrder(groups, ranks, [1, 3, 2, 4])).toBe("groups_interleaved");
    expect(checkRankOrder(groups, ranks, [4, 1, 2, 3])).toBe("groups_interleaved");
  });
  it("accepts a permutation exactly when the groups' order holds along it", () => {
    fc.assert(
      fc.property(
        scheme.chain((s) =>
          fc
            .shuffledSubarray(
              s.ranks.map((r) => r.id),
              { minLength: s.ranks.length, maxLength: s.ranks.length },
            )
            .map((order) => ({ ...s, order })),
        ),
        ({ groups: g, ranks: r, order }) => {
          const groupOrdinal = (id: number) =>
            g.find((x) => x.id === r.find((y) => y.id === id)?.groupId)?.ordinal ?? 0;
          const isSorted = order.every(
            (id, i) => i === 0 || groupOrdinal(order[i - 1] ?? 0) <= groupOrdinal(id),
          );
          expect(checkRankOrder(g, r, order) === null).toBe(isSorted);
        },
      ),
    );
  });
});
