import { describe, expect, it } from "vitest";
import type { OrgUnit } from "../../../../core/schemas/org-units";
import { unitIdsByCode, unitPath } from "./unit-path";

const unit = (id: number, code: string, parentId: number | null): OrgUnit => ({
  id,
  code,
  name: `Unit ${code}`,
  kind: "province",
  specialisation: null,
  parentId,
  openedOn: "2000-01-01",
  closedOn: null,
});

// A province user's list: their province (whose parent is outside their scope) and below.
const units = [unit(4, "P01", 1), unit(9, "D01", 4), unit(17, "S01", 9), unit(5, "P02", 1)];

describe("unitPath", () => {
  it("runs from the top of the user's scope down to the unit", () => {
    expect(unitPath(units, 17).map((u) => u.code)).toEqual(["P01", "D01", "S01"]);
    expect(unitPath(units, 4).map((u) => u.code)).toEqual(["P01"]);
  });

  it("is empty for a unit the user cannot see", () => {
    expect(unitPath(units, 1)).toEqual([]);
  });

  it("stops on a cycle instead of looping", () => {
    expect(unitPath([unit(1, "A", 2), unit(2, "B", 1)], 1).map((u) => u.code)).toEqual(["B", "A"]);
  });
});

describe("unitIdsByCode", () => {
  it("maps codes to ids", () => {
    expect(unitIdsByCode(units).get("D01")).toBe(9);
  });
});
