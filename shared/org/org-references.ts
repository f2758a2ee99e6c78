/**
 * What checking an event against the org needs to know, and no more: the
 * event's unit (its path, for scope, and who may be in its attendance) and
 * its visiting leaders (where they serve). The CLI reads it from the whole
 * org, the API from the store's items for the event's cell and leaders.
 */
import type { Leader } from '../contract/org.ts';

export interface UnitReference {
  /** Unit ids from the root (the province) down to the unit. */
  path: readonly string[];
  /** Who may attend the unit's meetings: its own members and the members of its committee (leaders with a position there). */
  attendees: Pick<ReadonlySet<string>, 'has'>;
}

export interface OrgReferences {
  /** Undefined for a unit the org has not. */
  unit(unitId: string): UnitReference | undefined;
  /** The provinces where a leader holds a position or an assignment; undefined for a leader the org has not. */
  leaderProvinces(leaderId: string): ReadonlySet<string> | undefined;
}

/** References held in Maps, as a store reads them. */
export class MapReferences implements OrgReferences {
  constructor(
    private readonly units: ReadonlyMap<string, UnitReference>,
    private readonly leaders: ReadonlyMap<string, ReadonlySet<string>>,
  ) {}

  unit(unitId: string): UnitReference | undefined {
    return this.units.get(unitId);
  }

  leaderProvinces(leaderId: string): ReadonlySet<string> | undefined {
    return this.leaders.get(leaderId);
  }
}

/** The members of each unit's committee: the own memberships of leaders holding a position at the unit. */
export function committeeMembers(leaders: Iterable<Leader>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const leader of leaders) {
    if (leader.memberId === undefined) continue;
    for (const unitId of new Set(leader.positions.map((p) => p.unitId))) out.set(unitId, [...(out.get(unitId) ?? []), leader.memberId]);
  }
  return out;
}

/** A unit's path from the root, given each unit's parent (the snapshot is validated: no cycles). */
export function pathOf(unitId: string, parentOf: (id: string) => string | null | undefined): string[] {
  const path: string[] = [];
  for (let u: string | null | undefined = unitId; u != null; u = parentOf(u)) path.unshift(u);
  return path;
}
