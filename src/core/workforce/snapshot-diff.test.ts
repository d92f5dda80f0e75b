import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveSpells } from "./spells";
import { commonAncestorPath, diffSnapshotRow, exitDraft, type ServingState } from "./snapshot-diff";

const serving: ServingState = { rankId: 2, rankOrdinal: 2, unitId: 10, roleId: 5 };
const post = { rankId: 2, rankOrdinal: 2, unitId: 10, roleId: 5, hireDate: "2015-01-05" };

describe("diffSnapshotRow", () => {
  it("derives nothing when the row matches the register", () => {
    expect(diffSnapshotRow(post, serving, "2025-06-30", false)).toEqual([]);
  });

  it("hires a new person on the file's hire date, a returning person on the snapshot date", () => {
    expect(diffSnapshotRow(post, undefined, "2025-06-30", true)).toEqual([
      { type: "hire", date: "2015-01-05", rankId: 2, unitId: 10, roleId: 5, reason: null },
    ]);
    expect(diffSnapshotRow(post, undefined, "2025-06-30", false)[0]?.date).toBe("2025-06-30");
    expect(
      diffSnapshotRow({ ...post, hireDate: "2026-01-01" }, undefined, "2025-06-30", true)[0]?.date,
    ).toBe("2025-06-30");
  });

  it("derives a promotion or demotion by rank order, a transfer and a role change", () => {
    const changed = { ...post, rankId: 3, rankOrdinal: 3, unitId: 11, roleId: 6 };
    expect(diffSnapshotRow(changed, serving, "2025-06-30", false).map((e) => e.type)).toEqual([
      "promotion",
      "transfer",
      "role_change",
    ]);
    expect(
      diffSnapshotRow({ ...post, rankId: 1, rankOrdinal: 1 }, serving, "2025-06-30", false)[0]
        ?.type,
    ).toBe("demotion");
  });

  it("leaves the role alone when the file gives none", () => {
    expect(diffSnapshotRow({ ...post, roleId: null }, serving, "2025-06-30", false)).toEqual([]);
  });

  it("makes the register agree with any snapshot row (property, through deriveSpells)", () => {
    const postArb = fc.record({
      rankOrdinal: fc.integer({ min: 1, max: 5 }),
      unitId: fc.integer({ min: 1, max: 4 }),
      roleId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    });
    fc.assert(
      fc.property(postArb, postArb, (before, after) => {
        const hire = {
          type: "hire" as const,
          date: "2020-01-01",
          rankId: before.rankOrdinal,
          orgUnitId: before.unitId,
          jobRoleId: before.roleId,
        };
        const state = {
          rankId: before.rankOrdinal,
          rankOrdinal: before.rankOrdinal,
          unitId: before.unitId,
          roleId: before.roleId,
        };
        const drafts = diffSnapshotRow(
          {
            rankId: after.rankOrdinal,
            rankOrdinal: after.rankOrdinal,
            unitId: after.unitId,
            roleId: after.roleId,
            hireDate: null,
          },
          state,
          "2025-06-30",
          false,
        );
        const facts = [
          hire,
          ...drafts.map((d) => ({
            type: d.type,
            date: d.date,
            rankId: d.rankId,
            orgUnitId: d.unitId,
            jobRoleId: d.roleId,
          })),
        ];
        const { spells, errors } = deriveSpells(facts, new Set());
        const open = spells.at(-1);
        expect(errors).toEqual([]);
        expect(open?.rankId).toBe(after.rankOrdinal);
        expect(open?.orgUnitId).toBe(after.unitId);
        expect(open?.jobRoleId).toBe(after.roleId ?? before.roleId);
      }),
    );
  });

  it("dates an exit on the snapshot date", () => {
    expect(exitDraft("2025-06-30")).toMatchObject({
      type: "exit",
      date: "2025-06-30",
      reason: "other",
    });
  });
});

describe("commonAncestorPath", () => {
  it("is the deepest unit that contains every path", () => {
    expect(commonAncestorPath(["/1/4/17/", "/1/4/18/22/", "/1/4/"])).toBe("/1/4/");
    expect(commonAncestorPath(["/1/4/17/"])).toBe("/1/4/17/");
    expect(commonAncestorPath(["/1/41/", "/1/4/"])).toBe("/1/");
    expect(commonAncestorPath([])).toBe("/");
  });
});
