import type { Leader, Member, OrgSnapshot, PackBinding, Role, Unit } from '../contract/org.ts';
import { MemberTable } from './member-table.ts';
import { committeeMembers, pathOf, type OrgReferences, type UnitReference } from './org-references.ts';

/** Inclusive local-date range check; dates are `YYYY-MM-DD`, so string order is date order. */
export function coversDate(range: { from?: string | undefined; to?: string | undefined }, date: string): boolean {
  return (range.from === undefined || range.from <= date) && (range.to === undefined || date <= range.to);
}

/** Whether an inclusive local-date range (a position, an exemption) meets the days from `first` to `last`. */
export function overlapsDays(range: { from?: string | undefined; to?: string | undefined }, first: string, last: string): boolean {
  return (range.from === undefined || range.from <= last) && (range.to === undefined || first <= range.to);
}

const CELL_OFFICER_ROLES: ReadonlySet<Role> = new Set(['secretary', 'deputy_secretary']);

/** An org already checked, in the form the index keeps: what the streaming reader (org-builder.ts) builds without a snapshot. */
export interface OrgParts {
  units: Map<string, Unit>;
  members: MemberTable;
  leaders: readonly Leader[];
  packs: readonly PackBinding[];
}

/**
 * Read-only lookups over a validated org: who belongs where, who is active
 * or exempted on a date, and which units lie under which. Members are held
 * as columns (member-table.ts); units and leaders, a few hundred thousand
 * even for a country, as the schema's objects.
 */
export class OrgIndex {
  readonly units: Map<string, Unit>;
  readonly members: MemberTable;
  readonly leaders = new Map<string, Leader>();
  /** The snapshot's pack bindings (its optional `packs`). */
  readonly packs: readonly PackBinding[];
  private readonly officersByCell = new Map<string, Leader[]>();
  private readonly bindingsByPack = new Map<string, PackBinding[]>();
  private source: OrgSnapshot | undefined;

  /** From a snapshot the caller has validated (parseOrg), or from parts already checked. */
  constructor(from: OrgSnapshot | OrgParts) {
    if (from.members instanceof MemberTable) {
      const parts = from as OrgParts;
      this.units = parts.units;
      this.members = parts.members;
      this.packs = parts.packs;
    } else {
      const snapshot = from as OrgSnapshot;
      this.source = snapshot;
      this.units = new Map(snapshot.units.map((u) => [u.id, u]));
      this.members = MemberTable.of(snapshot.members);
      this.packs = snapshot.packs ?? [];
    }
    for (const b of this.packs) this.bindingsByPack.set(b.pack, [...(this.bindingsByPack.get(b.pack) ?? []), b]);
    for (const l of from.leaders) {
      this.leaders.set(l.id, l);
      for (const p of l.positions) {
        if (!CELL_OFFICER_ROLES.has(p.role)) continue;
        const list = this.officersByCell.get(p.unitId) ?? [];
        if (!list.includes(l)) list.push(l);
        this.officersByCell.set(p.unitId, list);
      }
    }
  }

  /** The org as a snapshot: the one it was built from, or one made up from its parts. */
  get snapshot(): OrgSnapshot {
    this.source ??= {
      units: [...this.units.values()],
      members: [...this.members.values()],
      leaders: [...this.leaders.values()],
      ...(this.packs.length > 0 ? { packs: [...this.packs] } : {}),
    };
    return this.source;
  }

  /** Where a pack is bound (the snapshot's optional `packs`). */
  packBindings(packId: string): readonly PackBinding[] {
    return this.bindingsByPack.get(packId) ?? [];
  }

  unit(id: string): Unit | undefined {
    return this.units.get(id);
  }

  /** True when `unitId` is `rootId` or lies below it. */
  isWithin(unitId: string, rootId: string): boolean {
    let current: string | null | undefined = unitId;
    for (let depth = 0; current != null && depth <= this.units.size; depth++) {
      if (current === rootId) return true;
      current = this.units.get(current)?.parentId;
    }
    return false;
  }

  unitActiveOn(unit: Unit, date: string): boolean {
    return coversDate({ from: unit.activeFrom, to: unit.activeTo }, date);
  }

  cellMembers(cellId: string): readonly Member[] {
    return this.members.inCell(cellId);
  }

  memberActiveOn(member: Member, date: string): boolean {
    return coversDate({ from: member.joinedOn, to: member.leftOn }, date);
  }

  /** Miễn sinh hoạt: exempted from party activity on that date. */
  memberExemptOn(member: Member, date: string): boolean {
    return member.exemptions.some((e) => coversDate(e, date));
  }

  /** Members who count in attendance on a date: active in the cell and not exempted. */
  isEligible(member: Member, cellId: string, date: string): boolean {
    return member.cellId === cellId && this.memberActiveOn(member, date) && !this.memberExemptOn(member, date);
  }

  /** Leaders holding secretary or deputy secretary at a cell on a date, by id. */
  cellOfficers(cellId: string, date: string): string[] {
    const officers = this.officersByCell.get(cellId) ?? [];
    return officers
      .filter((l) => l.positions.some((p) => p.unitId === cellId && CELL_OFFICER_ROLES.has(p.role) && coversDate(p, date)))
      .map((l) => l.id)
      .sort();
  }

  /** The cell a leader belongs to as a member, if any. */
  leaderOwnCell(leader: Leader): string | undefined {
    return leader.memberId === undefined ? undefined : this.members.cellOf(leader.memberId);
  }

  private referenceCache: OrgReferences | undefined;

  /** What an event may reference (checkEventReferences), worked out once per unit and leader asked for. */
  references(): OrgReferences {
    if (this.referenceCache) return this.referenceCache;
    const committees = committeeMembers(this.leaders.values());
    const units = new Map<string, UnitReference>();
    const leaders = new Map<string, ReadonlySet<string>>();
    const parentOf = (id: string) => this.units.get(id)?.parentId;
    this.referenceCache = {
      unit: (unitId) => {
        if (!this.units.has(unitId)) return undefined;
        let ref = units.get(unitId);
        if (!ref) {
          const committee = committees.get(unitId) ?? [];
          // Asked of the columns, not kept as a set: a country has 230,000 cells.
          ref = { path: pathOf(unitId, parentOf), attendees: { has: (memberId) => this.members.cellOf(memberId) === unitId || committee.includes(memberId) } };
          units.set(unitId, ref);
        }
        return ref;
      },
      leaderProvinces: (leaderId) => {
        const leader = this.leaders.get(leaderId);
        if (!leader) return undefined;
        let provinces = leaders.get(leaderId);
        if (!provinces) {
          provinces = new Set([...leader.positions, ...leader.assignments].map((p) => pathOf(p.unitId, parentOf)[0]!));
          leaders.set(leaderId, provinces);
        }
        return provinces;
      },
    };
    return this.referenceCache;
  }
}
