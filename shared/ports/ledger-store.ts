import type { MeetingEvent, MeetingKind } from '../contract/events.ts';
import type { Finding, Subject } from '../contract/findings.ts';
import type { Evidence } from '../ledger/ledger.ts';
import type { OrgIndex } from '../org/org-index.ts';
import type { ObligationView } from '../contract/obligations.ts';

/** A meeting's current version as stored, with every entry any of its versions ever marked. */
export interface StoredMeeting {
  meetingId: string;
  version: number;
  eventId: string;
  retracted: boolean;
  unitId: string | null;
  /** Entry keys (`entryKey`) marked by any version so far: a new version clears those it does not mark. */
  touched: string[];
  /** Follow-up field → earliest recordedAt (ms) of any version that set it, whatever its kind or order of arrival. */
  followUps: Record<string, number>;
}

/**
 * One meeting's register in one entry: last writer wins by version, so
 * versions applied in any order, any number of times, leave the same entry.
 * No slots = the meeting does not count there (a tombstone that keeps its version).
 */
export interface Register {
  version: number;
  eventId: string;
  unitId: string;
  heldAt: number;
  kind: MeetingKind;
  slots: Record<string, Evidence>;
}

export interface EntryRef {
  ruleId: string;
  subject: Subject;
  period: string;
}

export interface StoredEntry extends EntryRef {
  /** Bumped by every register or follow-up write: the order of reconciliations. */
  rev: number;
  registers: Map<string, Register>;
  /** meetingId → follow-up field → earliest recordedAt (ms) of a version that set it. */
  followUps: Map<string, Map<string, number>>;
  /** What the last reconciliation saved: findings raised (identity → fingerprint), status, next attention, the view. */
  saved: SavedOutcome;
}

export interface SavedOutcome {
  raised: Record<string, string>;
  status: 'open' | 'met' | null;
  attentionAt: number | null;
  view: ObligationView | null;
}

export interface MeetingClaim {
  meetingId: string;
  read: StoredMeeting | null;
  version: number;
  eventId: string;
  unitId: string | null;
  /** When the version was held (ms); absent for a retraction, which keeps the record's. */
  heldAt?: number;
  retracted: boolean;
  touched: string[];
  /** Each follow-up field the packs watch → the meeting's earliest time once this version is claimed (null: none yet). */
  followUps: Record<string, number | null>;
}

export interface RegisterWrite extends EntryRef {
  meetingId: string;
  register: Register;
}

/** Where an entry's findings belong: the unit path (root → unit) and the province. */
export interface Placement {
  unitId: string;
  unitPath: string[];
  provinceId: string;
  /** For a meeting's entry: the meeting as people name it, its unit's name and the date it was held. */
  meetingName?: string;
}

/** What reconciling one entry writes: its status and the findings it raises now. */
export interface EntryOutcome {
  entry: StoredEntry;
  placement: Placement;
  status: 'open' | 'met' | null;
  /** When the sweep must look again (reminder window, deadline, grace end); null: never by time alone. */
  attentionAt: number | null;
  raised: Record<string, Finding>;
  /** The obligation as GET /obligations shows it; null for entries of alert-only rules. */
  view: ObligationView | null;
  /** Identities raised before and not now. */
  dropped: string[];
  /** False when the result is what the last reconciliation saved: nothing to write. */
  changed: boolean;
}

export interface MeetingContext {
  meeting: StoredMeeting | null;
  /** The part of the org the event concerns; null when its unit is unknown. */
  org: OrgIndex | null;
}

/** The obligation ledger's storage, one method per round trip of the pipeline. */
export interface LedgerStore {
  /** Round trip 1: the meeting as stored, and the org around it (unit with ancestors and officers, members, visiting leaders). */
  meetingContext(event: MeetingEvent): Promise<MeetingContext>;
  /**
   * The current version (or retraction) of a meeting: conditional on the version read, so concurrent versions serialise,
   * and on the follow-up times read for each field in `followUps` (its value: the earliest time after this version, null for none).
   */
  claimMeeting(claim: MeetingClaim): Promise<boolean>;
  /** Remembers an event id once it is done with (applied to the end, stale, or after a retraction), for the API's duplicates count. */
  rememberEvent(meetingId: string, eventId: string): Promise<void>;
  /** A register, if it is not older than the one stored; the entry after the write, or null when a newer register won. */
  writeRegister(write: RegisterWrite): Promise<StoredEntry | null>;
  /**
   * A meeting's follow-up time on one entry, kept if not later than the one there (so a retry writes it again):
   * the entry after the write, or null when an earlier time was already there.
   */
  writeFollowUp(entry: EntryRef, meetingId: string, field: string, recordedAt: number): Promise<StoredEntry | null>;
  /**
   * The earliest recording time of a follow-up on the meeting, kept if not later than the one there:
   * the meeting after the write (its current version's entries are owed the time), or null when an earlier time
   * was already kept or the meeting is retracted.
   */
  keepEarliestFollowUp(meetingId: string, field: string, recordedAt: number): Promise<StoredMeeting | null>;
  /**
   * An entry's changed findings: raised ones written, dropped ones made inactive (each kept if not older than
   * the one there). Done before the entry's outcome, which records them as saved: a retry then writes again
   * whatever failed here.
   */
  saveFindings(outcome: EntryOutcome, now: number): Promise<void>;
  /** The last round trip: an entry's status, open-obligation index and the fingerprints of its findings; false when a later reconciliation already wrote. */
  saveOutcome(outcome: EntryOutcome, now: number): Promise<boolean>;
  /** Claims the right to send one notification; true once per key, or again to the same claimant (its retry) until it is marked sent. */
  claimNotification(key: string, claimant: string, now: number): Promise<boolean>;
  /** Marks a claimed notification sent, so its claimant's retry does not send it again. */
  notificationSent(key: string, now: number): Promise<void>;
  /** Entries of the province that need the sweep's attention at or before `now` (the sparse index). */
  entriesNeedingAttention(provinceId: string, now: number): Promise<StoredEntry[]>;
  /** Entries by reference, created empty when absent (a subject that never met still owes). */
  entries(refs: readonly EntryRef[]): Promise<StoredEntry[]>;
  /** The last month whose obligations were opened for a province, or null before the first sweep. */
  lastOpened(provinceId: string): Promise<string | null>;
  markOpened(provinceId: string, month: string): Promise<void>;
  /** The org for these entries' subjects: their units (with ancestors and officers), leaders and members. */
  orgFor(entries: readonly StoredEntry[]): Promise<OrgIndex>;
  /** The whole org of one province, for opening a period's obligations. */
  provinceOrg(provinceId: string): Promise<OrgIndex>;
  provinces(): Promise<string[]>;
  /** Findings as last raised, by identity (to word a withdrawal). */
  findings(identities: readonly string[]): Promise<Map<string, Finding>>;
}
