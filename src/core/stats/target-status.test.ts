import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toSexCounts } from "./share";
import { computeTargetStatus, targetDeadline } from "./target-status";

const pct = (basisPoints: number) => ({ numerator: basisPoints, denominator: 10_000 });
/** Baseline 1 January 2021: 1 woman of 10 known (10%). */
const baseline = { date: "2021-01-01", counts: toSexCounts({ F: 1, M: 9 }) };

describe("computeTargetStatus (docs/indicators.md §1.6, status)", () => {
  it("48 of 60 against 80% is met exactly (0.48/0.60 is 0.7999999999999999 in doubles)", () => {
    const result = computeTargetStatus({
      target: pct(8000),
      targetYear: 2030,
      asOf: "2026-06-30",
      counts: toSexCounts({ F: 48, M: 12, U: 3 }),
    });
    expect(result).toMatchObject({ status: "met", gapPoints: 0, gapPersons: 0 });
    expect(result.share.counts).toEqual({ F: 48, M: 12, X: 0, U: 3, N: 63 });
    const oneShort = computeTargetStatus({
      target: pct(8000),
      targetYear: 2030,
      asOf: "2026-06-30",
      counts: toSexCounts({ F: 47, M: 13 }),
    });
    expect(oneShort).toMatchObject({ gapPersons: 1, reason: "no_baseline", status: null });
    expect(oneShort.gapPoints).toBeCloseTo(80 - (100 * 47) / 60, 12);
  });

  it("on the straight line exactly is on track, where doubles would say below", () => {
    // 10% on 2021-01-01, 20% by 2024-12-31 (1460 days); on 2023-01-01 (day 730) the line is at 15%.
    // In doubles 0.1 + (0.2 − 0.1) · 730 / 1460 is 0.15000000000000002, above 3/20 = 0.15.
    const at = (F: number, M: number) =>
      computeTargetStatus({
        target: pct(2000),
        targetYear: 2024,
        asOf: "2023-01-01",
        counts: toSexCounts({ F, M }),
        baseline,
      });
    const onLine = at(3, 17);
    expect(onLine.status).toBe("on_track");
    expect(onLine.expectedShare).toBeCloseTo(0.15, 15);
    expect(onLine.gapPoints).toBeCloseTo(5, 12);
    expect(onLine.gapPersons).toBe(1);
    expect(at(3, 18).status).toBe("off_track");
    expect(at(4, 16).status).toBe("met");
  });

  it("counts unknown sex out of the share, as everywhere (§0)", () => {
    const result = computeTargetStatus({
      target: pct(2000),
      targetYear: 2024,
      asOf: "2023-01-01",
      counts: toSexCounts({ F: 3, M: 17, U: 40 }),
      baseline,
    });
    expect(result.status).toBe("on_track");
    expect(result.share.unknownShare).toBeCloseTo(40 / 60, 15);
  });

  it("is overdue after 31 December of the target year when not met, met whenever met", () => {
    const input = { target: pct(1500), targetYear: 2030, baseline };
    const short = toSexCounts({ F: 14, M: 86 });
    expect(targetDeadline(2030)).toBe("2030-12-31");
    expect(computeTargetStatus({ ...input, asOf: "2031-01-01", counts: short })).toMatchObject({
      status: "overdue",
      gapPersons: 1,
    });
    // On the last day the line has reached the target: below it is off track, not yet overdue.
    expect(computeTargetStatus({ ...input, asOf: "2030-12-31", counts: short }).status).toBe(
      "off_track",
    );
    expect(
      computeTargetStatus({ ...input, asOf: "2035-01-01", counts: toSexCounts({ F: 15, M: 85 }) })
        .status,
    ).toBe("met");
  });

  it("has no status on an empty denominator: null with `empty_denominator`, never 0", () => {
    const result = computeTargetStatus({
      target: pct(1500),
      targetYear: 2030,
      asOf: "2026-01-01",
      counts: toSexCounts({ U: 4 }),
      baseline,
    });
    expect(result).toMatchObject({
      status: null,
      reason: "empty_denominator",
      gapPoints: null,
      gapPersons: null,
      expectedShare: null,
    });
    expect(result.share.value).toBeNull();
  });

  it("without a usable baseline decides met and overdue only (`no_baseline` otherwise)", () => {
    const input = { target: pct(1500), targetYear: 2030, counts: toSexCounts({ F: 5, M: 95 }) };
    const emptyBaseline = { date: "2021-01-01", counts: toSexCounts({ U: 2 }) };
    for (const base of [undefined, null, emptyBaseline]) {
      expect(computeTargetStatus({ ...input, asOf: "2026-01-01", baseline: base })).toMatchObject({
        status: null,
        reason: "no_baseline",
        gapPersons: 10,
        expectedShare: null,
      });
      expect(computeTargetStatus({ ...input, asOf: "2031-06-01", baseline: base }).status).toBe(
        "overdue",
      );
    }
  });

  it("before the baseline date the line is the baseline share; a baseline above the target is no help", () => {
    const early = computeTargetStatus({
      target: pct(2000),
      targetYear: 2024,
      asOf: "2020-06-30",
      counts: toSexCounts({ F: 1, M: 9 }),
      baseline,
    });
    expect(early).toMatchObject({ status: "on_track", expectedShare: 0.1 });
    const fallen = computeTargetStatus({
      target: pct(2000),
      targetYear: 2024,
      asOf: "2023-01-01",
      counts: toSexCounts({ F: 19, M: 81 }),
      baseline: { date: "2021-01-01", counts: toSexCounts({ F: 30, M: 70 }) },
    });
    expect(fallen.status).toBe("off_track");
    expect(fallen.expectedShare).toBeCloseTo(0.25, 15);
  });

  it("property: met iff nobody is short; on/off track agrees with the line wherever doubles can tell", () => {
    const count = fc.integer({ min: 0, max: 2000 });
    fc.assert(
      fc.property(
        count,
        count,
        count,
        count,
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 3000 }),
        (F, M, bF, bM, bp, day) => {
          const asOf = new Date(Date.UTC(2021, 0, 1 + day)).toISOString().slice(0, 10);
          const result = computeTargetStatus({
            target: pct(bp),
            targetYear: 2028,
            asOf,
            counts: toSexCounts({ F, M }),
            baseline: { date: "2021-01-01", counts: toSexCounts({ F: bF, M: bM }) },
          });
          if (F + M === 0) {
            expect(result.reason).toBe("empty_denominator");
            return;
          }
          expect(result.status === "met").toBe(result.gapPersons === 0);
          if (bF + bM === 0) {
            expect(["met", "overdue", null]).toContain(result.status);
            return;
          }
          const share = F / (F + M);
          const expected = result.expectedShare ?? NaN;
          if (result.status === "on_track") expect(share).toBeGreaterThan(expected - 1e-12);
          if (result.status === "off_track") expect(share).toBeLessThan(expected + 1e-12);
          if (result.status === "overdue") expect(asOf > "2028-12-31").toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
