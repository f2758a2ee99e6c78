import type { Decision } from '../contract/decisions.ts';
import type { Finding } from '../contract/findings.ts';

/** A finding as stored, with the unit path (root → unit) it is placed at, for the scope check. */
export interface PlacedFinding {
  finding: Finding;
  unitPath: string[];
  /** False once withdrawn (a late record met the obligation). */
  active: boolean;
}

/** Decisions on findings (POST /decisions), kept beside the findings. */
export interface DecisionStore {
  /** The finding of this identity, or null when none was ever raised. */
  finding(identity: string): Promise<PlacedFinding | null>;
  /** Records the decision unless one of its action is already recorded for the finding: returns the one that stands, and whether it is this one. */
  record(identity: string, placed: PlacedFinding, decision: Decision): Promise<{ decision: Decision; created: boolean }>;
  /** Decisions on findings placed in the subtree of the unit this path (province first) ends at, by finding identity, oldest first. */
  decisions(unitPath: readonly string[]): Promise<Map<string, Decision[]>>;
}
