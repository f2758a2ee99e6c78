/**
 * An org snapshot read row by row, as a country's file is streamed: each unit,
 * member, leader and pack binding is checked by the fast path compiled from
 * its own schema, members go straight into columns (member-table.ts), and the
 * checks of check-org.ts run over the result. No zod output object is kept.
 * Like the fast path, the builder answers "valid, and here is the index" or
 * "not sure": on "not sure" the caller reads the file again the slow way
 * (parseOrg), whose first error is the one every other reader gives.
 */
import { compileFastParse, UNSURE } from '../contract/fast-parse.ts';
import { Leader, Member, PackBinding, Unit } from '../contract/org.ts';
import { MemberTable } from './member-table.ts';
import { OrgIndex } from './org-index.ts';

const fastUnit = compileFastParse(Unit, { owned: true });
const fastMember = compileFastParse(Member, { owned: true });
const fastLeader = compileFastParse(Leader, { owned: true });
const fastPack = compileFastParse(PackBinding, { owned: true });
/** PackBinding's array limit in OrgSnapshot. */
const MAX_PACKS = 10_000;

export type OrgSection = 'units' | 'members' | 'leaders' | 'packs';
const SECTIONS: ReadonlySet<string> = new Set<OrgSection>(['units', 'members', 'leaders', 'packs']);

export class OrgBuilder {
  private readonly units = new Map<string, Unit>();
  private readonly members = new MemberTable();
  private readonly leaders: Leader[] = [];
  private readonly leaderIds = new Set<string>();
  private readonly packs: PackBinding[] = [];
  private readonly sections = new Set<string>();
  private section: string | null = null;
  private unsure = false;

  /** A section of the snapshot begins; false when the builder is no longer sure (an unknown or repeated section). */
  begin(section: string): boolean {
    if (!SECTIONS.has(section) || this.sections.has(section)) this.unsure = true;
    this.sections.add(section);
    this.section = section;
    return !this.unsure;
  }

  /** One element of the current section, which the builder may keep and complete in place; false once not sure. */
  add(element: unknown): boolean {
    if (this.unsure) return false;
    switch (this.section as OrgSection) {
      case 'units': {
        const unit = fastUnit(element);
        if (unit === UNSURE || this.units.has(unit.id)) return this.doubt();
        this.units.set(unit.id, unit);
        return true;
      }
      case 'members': {
        const member = fastMember(element);
        return member !== UNSURE && this.members.add(member) ? true : this.doubt();
      }
      case 'leaders': {
        const leader = fastLeader(element);
        if (leader === UNSURE || this.leaderIds.has(leader.id)) return this.doubt();
        this.leaderIds.add(leader.id);
        this.leaders.push(leader);
        return true;
      }
      case 'packs': {
        const pack = fastPack(element);
        if (pack === UNSURE || this.packs.length === MAX_PACKS) return this.doubt();
        this.packs.push(pack);
        return true;
      }
    }
  }

  /** The index, when every row was valid and every reference resolves (check-org.ts); else not sure. */
  finish(): OrgIndex | typeof UNSURE {
    if (this.unsure || !this.sections.has('units') || !this.sections.has('members') || !this.referencesResolve()) return UNSURE;
    return new OrgIndex({ units: this.units, members: this.members.seal(), leaders: this.leaders, packs: this.packs });
  }

  private doubt(): false {
    this.unsure = true;
    return false;
  }

  private referencesResolve(): boolean {
    const { units } = this;
    const isUnit = (id: string) => units.has(id);
    for (const u of units.values()) {
      if (u.parentId === null) continue;
      const parent = units.get(u.parentId);
      if (!parent || (u.kind === 'cell' && parent.kind === 'cell')) return false;
    }
    // Each unit is walked up once: a walk stops at a unit already settled.
    const settled = new Set<string>();
    for (const u of units.values()) {
      const path = new Set<string>();
      for (let id: string | null | undefined = u.id; id != null && !settled.has(id); id = units.get(id)?.parentId) {
        if (path.has(id)) return false;
        path.add(id);
      }
      for (const id of path) settled.add(id);
    }
    if (!this.members.cellIds().every((id) => units.get(id)?.kind === 'cell')) return false;
    if (!this.packs.every((b) => isUnit(b.unitId))) return false;
    return this.leaders.every(
      (l) => (l.memberId === undefined || this.members.has(l.memberId)) && l.positions.every((p) => isUnit(p.unitId)) && l.assignments.every((a) => isUnit(a.unitId)),
    );
  }
}
