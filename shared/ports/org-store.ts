import type { OrgSnapshot } from '../contract/org.ts';
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
}
