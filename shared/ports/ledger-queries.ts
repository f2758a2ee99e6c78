import type { Finding, FindingKind } from '../contract/findings.ts';
import type { ObligationView } from '../contract/obligations.ts';

/** A stored thing with the unit path it belongs to (root → unit), so callers can check scope. */
export interface Scoped<T> {
  value: T;
  unitPath: string[];
}

export interface MeetingHeld {
  unitId: string;
  heldAt: number | null;
}

/** Read side of the ledger for the HTTP API. */
export interface LedgerQueries {
  /** Findings raised so far (not withdrawn) for the unit's subtree. */
  findings(query: { unitId: string; period?: string; kind?: FindingKind }): Promise<Finding[]>;
  /** Obligations of one subject (a cell, a leader, …), optionally of one period. */
  obligations(query: { subjectId: string; period?: string }): Promise<Array<Scoped<ObligationView>>>;
  /** Of these events, the ids already done with (for the `duplicates` count): an event claimed but cut short is not among them (record-meeting.ts). */
  seenEventIds(events: ReadonlyArray<{ eventId: string; meetingId: string }>): Promise<Set<string>>;
  /** The unit each known meeting was recorded for (retractions name only the meeting). */
  meetingUnits(meetingIds: readonly string[]): Promise<Map<string, string>>;
  /** Where and when each known meeting was held (heldAt null for a meeting recorded before it was kept), to name it to people. */
  meetingsHeld(meetingIds: readonly string[]): Promise<Map<string, MeetingHeld>>;
}
