import type { OrgSnapshot, Unit } from '../contract/org.ts';
import type { OrgIndex } from '../org/org-index.ts';
import type { OrgReferences } from '../org/org-references.ts';

export interface OrgCounts {
  units: number;
  members: number;
  leaders: number;
}

/** The org snapshot as the pipeline stores it, and the unit tree lookups that authorisation needs. */
export interface OrgStore {
  /** Replaces the whole snapshot (PUT /org). The snapshot is already validated. */
  replace(snapshot: OrgSnapshot): Promise<OrgCounts>;
  /** For each known unit id, its ancestors from the root down to the unit itself; unknown ids are absent. */
  unitPaths(unitIds: readonly string[]): Promise<Map<string, string[]>>;
  /**
   * What events naming these units and leaders may reference (checkEventReferences):
   * read in one wave of requests, for the units and leaders named and nothing else.
   */
  eventReferences(unitIds: readonly string[], leaderIds: readonly string[]): Promise<OrgReferences>;
  /** The root units (provinces) of the stored snapshot: what a whole-org operation must have in scope. */
  provinces(): Promise<readonly string[]>;
  /** Every unit of a province with its path from the province down (no members, no leaders): what a list of cells needs. */
  provinceUnits(provinceId: string): Promise<Array<{ unit: Unit; path: string[] }>>;
  /**
   * One unit's part of the org, enough for the engine to evaluate a meeting
   * there: the unit with its ancestors and officers, its members, the leaders
   * named, and with `covering` every leader whose position or assignment is
   * at the unit or an ancestor (on any date). Null for a unit the org has not.
   */
  unitOrg(unitId: string, options: { leaderIds?: readonly string[]; covering?: boolean }): Promise<OrgIndex | null>;
}
