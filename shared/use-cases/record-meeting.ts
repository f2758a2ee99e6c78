/**
 * A meeting event arrives (on-meeting-recorded): its marks become register
 * writes on the entries it touches, the meeting's version is claimed in the
 * same round trip, and the touched entries are reconciled. Three round
 * trips: context, writes, outcomes (DESIGN.md, "The obligation ledger").
 */
import { instantMs } from '../calendar/period.ts';
import type { MeetingEvent, MeetingRecorded } from '../contract/events.ts';
import { Engine, type ApplyOutcome } from '../engine/engine.ts';
import { entryKey } from '../ledger/ledger.ts';
import type { Evidence } from '../ledger/ledger.ts';
import type { EntryRef, LedgerStore, Register, RegisterWrite, StoredEntry, StoredMeeting } from '../ports/ledger-store.ts';
import type { Notifier } from '../ports/notifier.ts';
import type { OrgIndex } from '../org/org-index.ts';
import { ledgerOf } from '../pipeline/entry-ledger.ts';
import { reconcileEntry } from '../pipeline/reconcile.ts';
import { templateOf } from '../rules/templates/index.ts';
import { saveAndAnnounce } from './announce.ts';
import { engineOptions, type PipelineConfig } from './pipeline-config.ts';
import { PermanentError } from './handle-queue-message.ts';

/** A retraction outranks every version: its tombstones win whatever arrives later. */
export const RETRACTED_VERSION = 2 ** 31 - 1;

export interface RecordMeetingDeps {
  store: LedgerStore;
  notifier: Notifier;
  config: PipelineConfig;
  now: () => number;
}

export class UnknownUnitError extends PermanentError {}

export function parseEntryKey(key: string): EntryRef {
  const [ruleId, subject, period] = key.split('|') as [string, string, string];
  const colon = subject.indexOf(':');
  return { ruleId, subject: { type: subject.slice(0, colon) as EntryRef['subject']['type'], id: subject.slice(colon + 1) }, period };
}

export async function recordMeeting(event: MeetingEvent, deps: RecordMeetingDeps): Promise<ApplyOutcome> {
  const { store } = deps;
  const context = await store.meetingContext(event);
  const read = context.meeting;
  if (read?.retracted) {
    await store.rememberEvent(event.meetingId, event.eventId);
    return 'retracted';
  }
  if (event.type === 'MeetingRecorded') {
    const redelivered = read !== null && read.version === event.version && read.eventId === event.eventId;
    if (read !== null && read.version >= event.version && !redelivered) {
      await Promise.all([recordStaleFollowUp(event, context.org, deps), store.rememberEvent(event.meetingId, event.eventId)]);
      return 'stale';
    }
  }
  if (!context.org) {
    if (event.type === 'MeetingRetracted' && read === null) {
      // Retracted before any version arrived: remember it, so no version counts later.
      await store.claimMeeting({ meetingId: event.meetingId, read, version: RETRACTED_VERSION, eventId: event.eventId, unitId: null, retracted: true, touched: [] });
      return 'applied';
    }
    throw new UnknownUnitError(`unit ${event.type === 'MeetingRecorded' ? event.unitId : (read?.unitId ?? '?')} of meeting ${event.meetingId} is not in the org`);
  }
  const engine = new Engine(context.org, deps.config.packs, engineOptions(deps.config));
  const writes = event.type === 'MeetingRecorded' ? versionWrites(engine, event, read) : retractionWrites(event.eventId, read!);
  const touched = [...new Set(writes.map((w) => entryKey(w.ruleId, w.subject, w.period)))];
  const claim = store.claimMeeting({
    meetingId: event.meetingId,
    read,
    version: event.type === 'MeetingRecorded' ? event.version : RETRACTED_VERSION,
    eventId: event.eventId,
    unitId: event.type === 'MeetingRecorded' ? event.unitId : read!.unitId,
    retracted: event.type === 'MeetingRetracted',
    touched,
  });
  const followUps = event.type === 'MeetingRecorded' ? followUpWrites(engine, event, writes, store) : [];
  const [claimed, entries] = await Promise.all([claim, Promise.all(writes.map((w) => store.writeRegister(w))), ...followUps.map((f) => f.written)]);
  if (!claimed) {
    // A concurrent version won the claim: take back what this one wrote, unless something newer already replaced it.
    await Promise.all(writes.map((w, i) => (entries[i] ? store.writeRegister({ ...w, register: { ...w.register, slots: {} } }) : null)));
    // Retried, it reads the winner: stale if older, applied over it if newer or the same event (a concurrent redelivery).
    throw new Error(`meeting ${event.meetingId}: a concurrent delivery claimed it first`);
  }
  const written = entries.filter((e): e is StoredEntry => e !== null);
  const now = deps.now();
  const ledger = ledgerOf(written);
  // The follow-ups were written beside the registers, so an entry read back may not show them yet.
  for (const { field, at } of followUps) {
    const known = ledger.meeting(event.meetingId).followUps.get(field);
    if (known === undefined || at < known) ledger.meeting(event.meetingId).followUps.set(field, at);
  }
  const outcomes = written.map((entry) => reconcileEntry(engine, ledger, entry, now, deps.config.from));
  await saveAndAnnounce(outcomes, deps, event.eventId, now);
  return 'applied';
}

/** Registers of the new version where it counts, and tombstones where an earlier version counted and this one does not. */
function versionWrites(engine: Engine, event: MeetingRecorded, read: StoredMeeting | null): RegisterWrite[] {
  const base = { version: event.version, eventId: event.eventId, unitId: event.unitId, heldAt: instantMs(event.heldAt), kind: event.kind };
  const byKey = new Map<string, { ref: EntryRef; slots: Record<string, Evidence> }>();
  for (const mark of engine.marksOf(event)) {
    const key = entryKey(mark.ruleId, mark.subject, mark.period);
    let e = byKey.get(key);
    if (!e) byKey.set(key, (e = { ref: { ruleId: mark.ruleId, subject: mark.subject, period: mark.period }, slots: {} }));
    e.slots[mark.slot] = mark.evidence;
  }
  for (const key of read?.touched ?? []) if (!byKey.has(key)) byKey.set(key, { ref: parseEntryKey(key), slots: {} });
  return [...byKey.values()].map(({ ref, slots }) => ({ ...ref, meetingId: event.meetingId, register: { ...base, slots } satisfies Register }));
}

function retractionWrites(eventId: string, read: StoredMeeting): RegisterWrite[] {
  return read.touched.map((key) => ({
    ...parseEntryKey(key),
    meetingId: read.meetingId,
    register: { version: RETRACTED_VERSION, eventId, unitId: read.unitId ?? '', heldAt: 0, kind: 'regular', slots: {} },
  }));
}

/** A follow-up flag set by this version, on the entries of the rules that watch it. */
function followUpWrites(engine: Engine, event: MeetingRecorded, writes: readonly RegisterWrite[], store: LedgerStore): Array<{ field: string; at: number; written: Promise<void> }> {
  const recordedAt = instantMs(event.recordedAt);
  const out: Array<{ field: string; at: number; written: Promise<void> }> = [];
  for (const w of writes) {
    const rule = engine.rule(w.ruleId);
    const field = rule ? templateOf(rule).followUpField?.(rule) : undefined;
    if (field === undefined || (event as Record<string, unknown>)[field] !== true || Object.keys(w.register.slots).length === 0) continue;
    out.push({ field, at: recordedAt, written: store.writeFollowUp(w, event.meetingId, field, recordedAt) });
  }
  return out;
}

/** A lower version still tells when a follow-up (a resolution) was first recorded (docs/rules.md). */
async function recordStaleFollowUp(event: MeetingRecorded, org: OrgIndex | null, deps: RecordMeetingDeps): Promise<void> {
  if (!org) return;
  const engine = new Engine(org, deps.config.packs, engineOptions(deps.config));
  const writes = versionWrites(engine, event, null);
  const followUps = followUpWrites(engine, event, writes, deps.store);
  if (followUps.length === 0) return;
  await Promise.all(followUps.map((f) => f.written));
  const entries = await deps.store.entries(writes.filter((w) => engine.rule(w.ruleId)?.template === 'follow-up'));
  const now = deps.now();
  const ledger = ledgerOf(entries);
  await saveAndAnnounce(entries.map((entry) => reconcileEntry(engine, ledger, entry, now, deps.config.from)), deps, event.eventId, now);
}
