/**
 * The org snapshot as items. Each item carries what a handler needs to
 * evaluate its part of the org without reading more: a unit its ancestors
 * and cell officers, a leader the units of its positions and assignments.
 */
import type { Leader, Member, OrgSnapshot, PackBinding, Unit } from '../../shared/contract/org.ts';
import { committeeMembers } from '../../shared/org/org-references.ts';
import { leaderKey, memberPageKey, orgSortKey, provincePartition, unitKey } from './keys.ts';

export const MEMBERS_PER_PAGE = 400;
const OFFICER_ROLES = new Set(['secretary', 'deputy_secretary']);

export interface UnitItem {
  pk: string;
  sk: string;
  gsi2pk: string;
  gsi2sk: string;
  unit: Unit;
  /** Unit ids from the root down to this unit. */
  path: string[];
  /** Ancestors, root first, without the unit itself. */
  ancestors: Unit[];
  /** Secretaries and deputies of this unit, with only those positions. */
  officers: Leader[];
  memberPages: number;
  /** Member ids of the unit's committee (leaders with a position there), who may attend its meetings besides its members. */
  committee: string[];
  provinceId: string;
  /** Pack bindings on the unit or its ancestors. */
  packs: PackBinding[];
  /**
   * Leaders with a position or an assignment at this unit (any date): with
   * its ancestors' items, who covers the unit, without a read of the province's
   * leaders. Absent on items written before it was kept.
   */
  leaderIds?: string[];
}

export interface MemberPageItem {
  pk: string;
  sk: string;
  gsi2pk: string;
  gsi2sk: string;
  members: Member[];
}

export interface LeaderItem {
  pk: string;
  sk: string;
  gsi2pk: string;
  gsi2sk: string;
  leader: Leader;
  /** The units of the leader's positions and assignments, and their ancestors. */
  units: Unit[];
  /** The leader's own membership (their own cell), if any. */
  ownMember?: Member;
  /** Pack bindings over the leader's units. */
  packs: PackBinding[];
}

export interface OrgItems {
  units: UnitItem[];
  memberPages: MemberPageItem[];
  leaders: LeaderItem[];
  provinces: string[];
}

/** The path root → unit of every unit (the snapshot is validated: no cycles, parents exist). */
export function unitPaths(units: readonly Unit[]): Map<string, string[]> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const paths = new Map<string, string[]>();
  const pathOf = (id: string): string[] => {
    const known = paths.get(id);
    if (known) return known;
    const parent = byId.get(id)?.parentId;
    const path = parent ? [...pathOf(parent), id] : [id];
    paths.set(id, path);
    return path;
  };
  for (const u of units) pathOf(u.id);
  return paths;
}

export function orgItems(snapshot: OrgSnapshot): OrgItems {
  const byId = new Map(snapshot.units.map((u) => [u.id, u]));
  const paths = unitPaths(snapshot.units);
  const provinceOf = (unitId: string) => paths.get(unitId)?.[0] ?? unitId;
  const membersByCell = new Map<string, Member[]>();
  for (const m of snapshot.members) membersByCell.set(m.cellId, [...(membersByCell.get(m.cellId) ?? []), m]);
  const officersByUnit = new Map<string, Leader[]>();
  for (const l of snapshot.leaders) {
    for (const unitId of new Set(l.positions.filter((p) => OFFICER_ROLES.has(p.role)).map((p) => p.unitId))) {
      const positions = l.positions.filter((p) => p.unitId === unitId && OFFICER_ROLES.has(p.role));
      officersByUnit.set(unitId, [...(officersByUnit.get(unitId) ?? []), { id: l.id, name: l.name, positions, assignments: [] }]);
    }
  }
  const leadersAt = new Map<string, Set<string>>();
  for (const l of snapshot.leaders) {
    for (const { unitId } of [...l.positions, ...l.assignments]) leadersAt.set(unitId, (leadersAt.get(unitId) ?? new Set()).add(l.id));
  }
  const memberById = new Map(snapshot.members.map((m) => [m.id, m]));
  const committees = committeeMembers(snapshot.leaders);
  const bindingsOn = (unitIds: Iterable<string>) => {
    const ids = new Set(unitIds);
    return (snapshot.packs ?? []).filter((b) => ids.has(b.unitId));
  };

  const units: UnitItem[] = [];
  const memberPages: MemberPageItem[] = [];
  for (const unit of snapshot.units) {
    const path = paths.get(unit.id)!;
    const provinceId = provinceOf(unit.id);
    const members = membersByCell.get(unit.id) ?? [];
    const pages = Math.ceil(members.length / MEMBERS_PER_PAGE);
    units.push({
      ...unitKey(unit.id),
      gsi2pk: provincePartition(provinceId),
      gsi2sk: orgSortKey.unit(unit.id),
      unit,
      path,
      ancestors: path.slice(0, -1).map((id) => byId.get(id)!),
      officers: officersByUnit.get(unit.id) ?? [],
      memberPages: pages,
      committee: committees.get(unit.id) ?? [],
      provinceId,
      packs: bindingsOn(path),
      leaderIds: [...(leadersAt.get(unit.id) ?? [])].sort(),
    });
    for (let page = 0; page < pages; page++) {
      memberPages.push({
        ...memberPageKey(unit.id, page),
        gsi2pk: provincePartition(provinceId),
        gsi2sk: orgSortKey.memberPage(unit.id, page),
        members: members.slice(page * MEMBERS_PER_PAGE, (page + 1) * MEMBERS_PER_PAGE),
      });
    }
  }
  const leaders: LeaderItem[] = snapshot.leaders.map((leader) => {
    // With their ancestors, so a finding about the leader has a full unit path.
    const unitIds = new Set([...leader.positions.map((p) => p.unitId), ...leader.assignments.map((a) => a.unitId)].flatMap((id) => paths.get(id) ?? [id]));
    const home = leader.positions[0]?.unitId ?? leader.assignments[0]?.unitId;
    const ownMember = leader.memberId === undefined ? undefined : memberById.get(leader.memberId);
    return {
      ...leaderKey(leader.id),
      gsi2pk: provincePartition(home === undefined ? '-' : provinceOf(home)),
      gsi2sk: orgSortKey.leader(leader.id),
      leader,
      units: [...unitIds].map((id) => byId.get(id)!),
      ...(ownMember ? { ownMember } : {}),
      packs: bindingsOn(unitIds),
    };
  });
  const provinces = [...new Set(snapshot.units.filter((u) => u.parentId === null).map((u) => u.id))].sort();
  return { units, memberPages, leaders, provinces };
}

/** A partial org from items: enough for the engine to evaluate the units, leaders and members they cover. */
export function snapshotFromItems(units: readonly UnitItem[], leaders: readonly LeaderItem[], members: readonly Member[]): OrgSnapshot {
  const unitById = new Map<string, Unit>();
  const leaderById = new Map<string, Leader>();
  const memberById = new Map<string, Member>();
  const addLeader = (l: Leader) => {
    const known = leaderById.get(l.id);
    // A full leader record wins over an officer's trimmed one.
    if (!known || known.positions.length < l.positions.length || known.assignments.length < l.assignments.length) leaderById.set(l.id, l);
  };
  for (const item of units) {
    for (const u of [...item.ancestors, item.unit]) unitById.set(u.id, u);
    item.officers.forEach(addLeader);
  }
  for (const item of leaders) {
    for (const u of item.units) if (!unitById.has(u.id)) unitById.set(u.id, u);
    addLeader(item.leader);
    if (item.ownMember && !memberById.has(item.ownMember.id)) memberById.set(item.ownMember.id, item.ownMember);
  }
  for (const m of members) memberById.set(m.id, m);
  const packs = new Map<string, PackBinding>();
  for (const b of [...units, ...leaders].flatMap((i) => i.packs ?? [])) packs.set(JSON.stringify(b), b);
  return { units: [...unitById.values()], members: [...memberById.values()], leaders: [...leaderById.values()], packs: [...packs.values()] };
}
