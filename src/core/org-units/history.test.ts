import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { planChange, planMove, subtreeAsOf, treeAsOf, type OrgUnitVersion } from "./history";

let nextId = 1;
const v = (
  orgUnitId: number,
  path: string,
  validFrom: string,
  validTo: string | null = null,
  extra: Partial<OrgUnitVersion> = {},
): OrgUnitVersion => ({
  id: nextId++,
  orgUnitId,
  validFrom,
  validTo,
  code: `U${orgUnitId}`,
  name: `Unit ${orgUnitId}`,
  kind: "station",
  specialisation: null,
  parentId: Number(path.split("/").at(-3)) || null,
  path,
  isClosed: false,
  ...extra,
});

/** HQ 1 with provinces 2 and 3; station 4 was under 2 until 2022, then under 3; 5 closed in 2021. */
const history: OrgUnitVersion[] = [
  v(1, "/1/", "1900-01-01"),
  v(2, "/1/2/", "1900-01-01"),
  v(3, "/1/3/", "1900-01-01"),
  v(4, "/1/2/4/", "2000-01-01", "2022-01-01"),
  v(4, "/1/3/4/", "2022-01-01"),
  v(5, "/1/2/5/", "2010-01-01", "2021-06-01"),
  v(5, "/1/2/5/", "2021-06-01", null, { isClosed: true }),
];

describe("the tree as of a date", () => {
  it.each([
    ["2019-06-30", 2, [2, 4, 5]],
    ["2019-06-30", 3, [3]],
    ["2022-01-01", 2, [2]],
    ["2022-01-01", 3, [3, 4]],
    ["2021-05-31", 2, [2, 4, 5]],
    ["2021-06-01", 2, [2, 4]],
    ["1999-12-31", 1, [1, 2, 3]],
    ["2019-06-30", 5, [5]],
    ["2023-01-01", 5, []],
    ["1899-12-31", 1, []],
  ])("as of %s, the subtree of %i is %j", (date, unit, expected) => {
    expect(subtreeAsOf(history, unit, date).sort()).toEqual(expected);
  });

  it("leaves out closed units and units not yet opened", () => {
    expect(treeAsOf(history, "2005-01-01").map((x) => x.orgUnitId)).toEqual([1, 2, 3, 4]);
  });
});

describe("planChange", () => {
  const current = v(7, "/1/7/", "2020-01-01");

  it("ends the current version and starts a new one on a later date", () => {
    expect(planChange([current], "2024-03-01", (s) => ({ ...s, name: "New" }))).toEqual([
      {
        kind: "split",
        versionId: current.id,
        orgUnitId: 7,
        date: "2024-03-01",
        state: expect.objectContaining({ name: "New", path: "/1/7/" }) as object,
      },
    ]);
  });

  it("corrects the current version in place on the day it began", () => {
    const writes = planChange([current], "2020-01-01", (s) => ({ ...s, code: "X7" }));
    expect(writes).toEqual([
      {
        kind: "replace",
        versionId: current.id,
        orgUnitId: 7,
        state: expect.objectContaining({ code: "X7" }) as object,
      },
    ]);
  });

  it("writes nothing when nothing changes", () => {
    expect(planChange([current], "2024-03-01", (s) => ({ ...s }))).toEqual([]);
  });

  it("refuses to rewrite history before the current version began", () => {
    const error = (() => {
      try {
        planChange([current], "2019-12-31", (s) => ({ ...s, name: "Old" }));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("org_unit.history_conflict");
    expect((error as AppError).details).toEqual({
      id: 7,
      date: "2019-12-31",
      validFrom: "2020-01-01",
    });
  });
});

describe("planMove", () => {
  const subtree = [
    v(2, "/1/2/", "1900-01-01"),
    v(4, "/1/2/4/", "2000-01-01"),
    v(6, "/1/2/4/6/", "2015-01-01"),
  ];

  it("gives the unit its new parent and re-paths the whole subtree", () => {
    const { writes, oldPath, newPath } = planMove(
      subtree,
      2,
      { id: 3, path: "/1/3/" },
      "2022-01-01",
    );
    expect({ oldPath, newPath }).toEqual({ oldPath: "/1/2/", newPath: "/1/3/2/" });
    expect(writes.map((w) => [w.orgUnitId, w.kind, w.state.path, w.state.parentId])).toEqual([
      [2, "split", "/1/3/2/", 3],
      [4, "split", "/1/3/2/4/", 2],
      [6, "split", "/1/3/2/4/6/", 4],
    ]);
  });

  it("refuses a move under the unit itself or one of its descendants", () => {
    for (const parent of [
      { id: 2, path: "/1/2/" },
      { id: 6, path: "/1/2/4/6/" },
    ]) {
      expect(() => planMove(subtree, 2, parent, "2022-01-01")).toThrow("org_unit.cycle");
    }
  });
});
