import type { OrgUnit } from "../../../core/schemas/org-units";

export interface OrgTreeNode {
  readonly unit: OrgUnit;
  readonly children: OrgTreeNode[];
}

const byCode = (a: OrgTreeNode, b: OrgTreeNode) =>
  a.unit.code.localeCompare(b.unit.code, "en", { numeric: true });

/**
 * Builds the tree from the flat list. A unit whose parent is not in the list (outside the
 * user's scope) is a root. Siblings are sorted by code.
 */
export function buildOrgTree(units: readonly OrgUnit[]): OrgTreeNode[] {
  const nodes = new Map<number, OrgTreeNode>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });
  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId === null ? undefined : nodes.get(node.unit.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sortDeep = (list: OrgTreeNode[]) => {
    list.sort(byCode);
    for (const node of list) sortDeep(node.children);
  };
  sortDeep(roots);
  return roots;
}
