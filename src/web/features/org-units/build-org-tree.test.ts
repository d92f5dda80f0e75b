import { describe, expect, it } from "vitest";
import type { OrgUnit } from "../../../core/schemas/org-units";
import { buildOrgTree, type OrgTreeNode } from "./build-org-tree";

const unit = (id: number, code: string, parentId: number | null): OrgUnit => ({
  id,
  code,
  name: `Unit ${code}`,
  kind: parentId === null ? "hq" : "province",
  specialisation: null,
  parentId,
  openedOn: "2000-01-01",
  closedOn: null,
});

const codes = (nodes: readonly OrgTreeNode[]): unknown[] =>
  nodes.map((n) => (n.children.length ? [n.unit.code, codes(n.children)] : n.unit.code));

describe("buildOrgTree", () => {
  it("nests children under parents and sorts siblings by code, numbers by value", () => {
    const tree = buildOrgTree([
      unit(1, "HQ", null),
      unit(2, "P10", 1),
      unit(3, "P2", 1),
      unit(4, "P2-B", 3),
      unit(5, "P2-A", 3),
    ]);
    expect(codes(tree)).toEqual([["HQ", [["P2", ["P2-A", "P2-B"]], "P10"]]]);
  });

  it("treats units whose parent is outside the scope as roots", () => {
    const tree = buildOrgTree([unit(7, "P3", 1), unit(9, "P1", 1), unit(8, "D1", 7)]);
    expect(codes(tree)).toEqual(["P1", ["P3", ["D1"]]]);
  });

  it("is empty for an empty list", () => {
    expect(buildOrgTree([])).toEqual([]);
  });
});
