import type { Unit } from '../contract/org.ts';
import type { OrgIndex } from '../org/org-index.ts';

/** A unit and everything below it, parents before children, siblings by id; depth 0 is the root. */
export function subtreeInOrder(org: OrgIndex, root: Unit): Array<{ unit: Unit; depth: number }> {
  const children = new Map<string, Unit[]>();
  for (const u of org.units.values()) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u);
    children.set(u.parentId, list);
  }
  const out: Array<{ unit: Unit; depth: number }> = [];
  const visit = (unit: Unit, depth: number): void => {
    out.push({ unit, depth });
    for (const child of (children.get(unit.id) ?? []).sort((a, b) => a.id.localeCompare(b.id))) visit(child, depth + 1);
  };
  visit(root, 0);
  return out;
}
