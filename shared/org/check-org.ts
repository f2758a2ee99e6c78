import type { ContractIssue } from '../contract/issues.ts';
import type { OrgSnapshot } from '../contract/org.ts';

/**
 * The checks a schema cannot make alone: every reference resolves, ids are
 * unique, the unit tree has no cycle and no cell sits under a cell.
 */
export function checkOrgReferences(org: OrgSnapshot): ContractIssue[] {
  const issues: ContractIssue[] = [];
  const units = new Map(org.units.map((u) => [u.id, u]));

  /** A list by id, each duplicate reported. */
  const byId = <T extends { id: string }>(list: readonly T[], where: string): Map<string, T> => {
    const seen = new Map<string, T>();
    for (let i = 0; i < list.length; i++) {
      const item = list[i]!;
      if (seen.has(item.id)) issues.push({ path: [where, i, 'id'], message: `duplicate id "${item.id}"` });
      else seen.set(item.id, item);
    }
    return seen;
  };
  if (units.size !== org.units.length) byId(org.units, 'units');
  const members = byId(org.members, 'members');
  byId(org.leaders, 'leaders');

  org.units.forEach((u, i) => {
    if (u.parentId === null) return;
    const parent = units.get(u.parentId);
    if (!parent) issues.push({ path: ['units', i, 'parentId'], message: `unknown unit "${u.parentId}"` });
    else if (u.kind === 'cell' && parent.kind === 'cell') issues.push({ path: ['units', i, 'parentId'], message: `a cell cannot sit under another cell ("${u.parentId}")` });
  });

  // Each unit is walked up once: a walk stops at a unit already settled (acyclic, or on a reported cycle).
  const settled = new Set<string>();
  org.units.forEach((u, i) => {
    const path = new Set<string>();
    let current: string | null | undefined = u.id;
    while (current != null && !settled.has(current)) {
      if (path.has(current)) {
        issues.push({ path: ['units', i, 'parentId'], message: `the unit tree has a cycle through "${current}"` });
        break;
      }
      path.add(current);
      current = units.get(current)?.parentId;
    }
    for (const id of path) settled.add(id);
  });

  for (let i = 0; i < org.members.length; i++) {
    const m = org.members[i]!;
    const cell = units.get(m.cellId);
    if (!cell) issues.push({ path: ['members', i, 'cellId'], message: `unknown cell "${m.cellId}"` });
    else if (cell.kind !== 'cell') issues.push({ path: ['members', i, 'cellId'], message: `"${m.cellId}" is a ${cell.kind}, not a cell` });
  }

  (org.packs ?? []).forEach((b, i) => {
    if (!units.has(b.unitId)) issues.push({ path: ['packs', i, 'unitId'], message: `unknown unit "${b.unitId}"` });
  });
  org.leaders.forEach((l, i) => {
    if (l.memberId !== undefined && !members.has(l.memberId)) issues.push({ path: ['leaders', i, 'memberId'], message: `unknown member "${l.memberId}"` });
    l.positions.forEach((p, j) => {
      if (!units.has(p.unitId)) issues.push({ path: ['leaders', i, 'positions', j, 'unitId'], message: `unknown unit "${p.unitId}"` });
    });
    l.assignments.forEach((a, j) => {
      if (!units.has(a.unitId)) issues.push({ path: ['leaders', i, 'assignments', j, 'unitId'], message: `unknown unit "${a.unitId}"` });
    });
  });
  return issues;
}
