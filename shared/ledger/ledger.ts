/**
 * The obligation ledger (DESIGN.md): one entry per (rule, subject, period),
 * each holding, per slot, the meetings that count toward it. Applying a
 * meeting only adds or removes its own marks, so every update is idempotent
 * and order-independent, and the same entries map one-to-one onto the
 * DynamoDB items of the pipeline.
 */
import type { MeetingKind } from '../contract/events.ts';
import type { Subject } from '../contract/findings.ts';
import { SmallMap } from './small-map.ts';

/** What a ledger keeps about one meeting inside one entry; `heldAt` orders the evidence. */
export type Evidence = { readonly heldAt: number } & Readonly<Record<string, number | string | readonly string[]>>;

/** "This meeting counts in slot S of entry (rule, subject, period)". */
export interface Mark {
  readonly ruleId: string;
  readonly subject: Subject;
  readonly period: string;
  readonly slot: string;
  readonly meetingId: string;
  readonly evidence: Evidence;
}

export interface LedgerEntry {
  readonly ruleId: string;
  readonly subject: Subject;
  readonly period: string;
  /** slot → meetingId → evidence */
  readonly slots: ReadonlyMap<string, ReadonlyMap<string, Evidence>>;
}

/** The ledger's own entries: tiny maps, since a province holds hundreds of thousands of them (shared/ledger/small-map.ts). */
interface HeldEntry extends LedgerEntry {
  readonly slots: SmallMap<string, SmallMap<string, Evidence>>;
}

const NO_FOLLOW_UPS: ReadonlyMap<string, number> = new Map();

/** The current version of a meeting, and the marks that version put in the ledger. */
export interface MeetingEntry {
  readonly meetingId: string;
  version: number;
  retracted: boolean;
  unitId: string | null;
  kind: MeetingKind | null;
  heldAt: number | null;
  marks: Mark[];
  /** Follow-up field (e.g. resolutionIssued) → earliest recordedAt of any version that set it (`Ledger.noteFollowUp`). */
  followUps: ReadonlyMap<string, number>;
}

export function subjectKey(subject: Subject, period: string): string {
  return `${subject.type}:${subject.id}|${period}`;
}

/** The key of a ledger entry: rule, subject and period. */
/** An entry's key, `ruleId|type:id|period` (ids hold no "|"): built and read here only. */
export function entryKey(ruleId: string, subject: Subject, period: string): string {
  return `${ruleId}|${subjectKey(subject, period)}`;
}

/** The entry an `entryKey` names. */
export function parseEntryKey(key: string): { ruleId: string; subject: Subject; period: string } {
  const [ruleId, subject, period] = key.split('|') as [string, string, string];
  const colon = subject.indexOf(':');
  return { ruleId, subject: { type: subject.slice(0, colon) as Subject['type'], id: subject.slice(colon + 1) }, period };
}

export function markKey(mark: Mark): string {
  return `${mark.ruleId}|${subjectKey(mark.subject, mark.period)}|${mark.slot}|${mark.meetingId}`;
}

export class Ledger {
  /** Idempotency keys: an eventId seen once is never applied again. */
  readonly eventIds = new Set<string>();
  readonly meetings = new Map<string, MeetingEntry>();
  private readonly byRule = new Map<string, Map<string, HeldEntry>>();

  entry(ruleId: string, subject: Subject, period: string): LedgerEntry | undefined {
    return this.byRule.get(ruleId)?.get(subjectKey(subject, period));
  }

  entries(ruleId: string): Iterable<LedgerEntry> {
    return this.byRule.get(ruleId)?.values() ?? [];
  }

  get size(): number {
    let n = 0;
    for (const entries of this.byRule.values()) n += entries.size;
    return n;
  }

  meeting(meetingId: string): MeetingEntry {
    let m = this.meetings.get(meetingId);
    if (!m) {
      m = { meetingId, version: 0, retracted: false, unitId: null, kind: null, heldAt: null, marks: [], followUps: NO_FOLLOW_UPS };
      this.meetings.set(meetingId, m);
    }
    return m;
  }

  /** Keeps the earliest time a version of the meeting set a follow-up field. */
  noteFollowUp(meetingId: string, field: string, at: number): void {
    const meeting = this.meeting(meetingId);
    const known = meeting.followUps.get(field);
    if (known !== undefined && known <= at) return;
    // Most meetings never set one: they share one empty map.
    const followUps = new Map(meeting.followUps);
    meeting.followUps = followUps.set(field, at);
  }

  add(mark: Mark): void {
    let entries = this.byRule.get(mark.ruleId);
    if (!entries) this.byRule.set(mark.ruleId, (entries = new Map()));
    const key = subjectKey(mark.subject, mark.period);
    const entry = entries.get(key);
    if (!entry) {
      const slots = new SmallMap(mark.slot, new SmallMap(mark.meetingId, mark.evidence));
      entries.set(key, { ruleId: mark.ruleId, subject: mark.subject, period: mark.period, slots });
      return;
    }
    const slot = entry.slots.get(mark.slot);
    if (slot) slot.set(mark.meetingId, mark.evidence);
    else entry.slots.set(mark.slot, new SmallMap(mark.meetingId, mark.evidence));
  }

  remove(mark: Mark): void {
    const entries = this.byRule.get(mark.ruleId);
    const key = subjectKey(mark.subject, mark.period);
    const entry = entries?.get(key);
    const slot = entry?.slots.get(mark.slot);
    if (!entries || !entry || !slot) return;
    slot.delete(mark.meetingId);
    if (slot.size === 0) entry.slots.delete(mark.slot);
    if (entry.slots.size === 0) entries.delete(key);
  }

  /** Every entry, rule by rule. */
  *allEntries(): Generator<LedgerEntry> {
    for (const entries of this.byRule.values()) yield* entries.values();
  }

  /** Takes an entry out whole: it moves to the worker that makes its subject's findings (shared/engine/partition.ts). */
  drop(entry: LedgerEntry): void {
    this.byRule.get(entry.ruleId)?.delete(subjectKey(entry.subject, entry.period));
  }

  /** Knows a meeting another worker holds, so findings can describe it; it makes no marks here. */
  adopt(meeting: MeetingEntry): void {
    if (!this.meetings.has(meeting.meetingId)) this.meetings.set(meeting.meetingId, meeting);
  }

  /** Adds a moved entry's meetings slot by slot; another worker made them, so none is in this ledger yet. */
  merge(entry: LedgerEntry): void {
    for (const [slot, meetings] of entry.slots) {
      for (const [meetingId, evidence] of meetings) this.add({ ruleId: entry.ruleId, subject: entry.subject, period: entry.period, slot, meetingId, evidence });
    }
  }

  /** A plain, order-free picture of the whole ledger, for comparing two runs. */
  snapshot(): Record<string, Record<string, string[]>> {
    const out: Record<string, Record<string, string[]>> = {};
    for (const [ruleId, entries] of this.byRule) {
      for (const [key, entry] of entries) {
        const slots: Record<string, string[]> = {};
        for (const [slot, meetings] of [...entry.slots].sort(([a], [b]) => (a < b ? -1 : 1))) slots[slot] = [...meetings.keys()].sort();
        out[`${ruleId}|${key}`] = slots;
      }
    }
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
  }
}

/** Meeting ids of an entry (all slots, or the given ones), oldest meeting first. */
export function evidenceOf(entry: LedgerEntry | undefined, slots?: readonly string[]): string[] {
  if (!entry) return [];
  const seen = new Map<string, number>();
  for (const [name, meetings] of entry.slots) {
    if (slots && !slots.includes(name)) continue;
    for (const [id, ev] of meetings) seen.set(id, ev.heldAt);
  }
  return [...seen].sort(([a, ta], [b, tb]) => ta - tb || (a < b ? -1 : a > b ? 1 : 0)).map(([id]) => id);
}
