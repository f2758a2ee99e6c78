/**
 * A meeting event arrives (on-meeting-recorded): its marks become register
 * writes on the entries it touches, the meeting's version is claimed in the
 * same round trip, and the touched entries are reconciled. Round trips:
 * context, writes, notices, outcomes (DESIGN.md, "The obligation ledger").
 *
 * Its twin in memory is `Engine.apply` (shared/engine/engine.ts), which
 * `chibo evaluate` runs: both decide versions, staleness, retractions and
 * follow-ups, and `test/integration/agreement.test.ts` keeps their findings
 * equal. A change to one of those decisions is made in both.
 */
import { instantMs } from '../calendar/period.ts';
import type { MeetingEvent, MeetingRecorded, MeetingRetracted } from '../contract/events.ts';
import { Engine, type ApplyOutcome } from '../engine/engine.ts';
import { entryKey, parseEntryKey } from '../ledger/ledger.ts';
import type { Evidence } from '../ledger/ledger.ts';
import type { EntryRef, LedgerStore, MeetingClaim, MeetingContext, Register, RegisterWrite, StoredEntry, StoredMeeting } from '../ports/ledger-store.ts';
import type { Notifier } from '../ports/notifier.ts';
import type { OrgIndex } from '../org/org-index.ts';
import { ledgerOf } from '../pipeline/entry-ledger.ts';
import { followUpFieldsByRule, followUpsSetBy } from '../pipeline/follow-up-fields.ts';
import { reconcileEntry } from '../pipeline/reconcile.ts';
import { saveAndAnnounce } from './announce.ts';
import { engineOptions, type PipelineConfig } from './pipeline-config.ts';
import { PermanentError } from './errors.ts';

/** A retraction outranks every version: its tombstones win whatever arrives later. */
export const RETRACTED_VERSION = 2 ** 31 - 1;

export interface RecordMeetingDeps {
  store: LedgerStore;
  notifier: Notifier;
  config: PipelineConfig;
  now: () => number;
}

export class UnknownUnitError extends PermanentError {}

export async function recordMeeting(event: MeetingEvent, deps: RecordMeetingDeps): Promise<ApplyOutcome> {
  const context = await deps.store.meetingContext(event);
  const read = context.meeting;
  // The retraction itself, redelivered after a crash between its claim and its outcome, runs again to the end
  // (unless it came before any version: then it touched nothing).
  if (read?.retracted && (read.eventId !== event.eventId || read.unitId === null)) {
    await deps.store.rememberEvent(event.meetingId, event.eventId);
    return 'retracted';
  }
  return event.type === 'MeetingRecorded' ? recordVersion(event, context, deps) : recordRetraction(event, context, deps);
}

/** A version: stale under a higher one (its follow-ups may still count), else written over the version read. */
async function recordVersion(event: MeetingRecorded, { meeting: read, org }: MeetingContext, deps: RecordMeetingDeps): Promise<ApplyOutcome> {
  const watched = followUpFieldsByRule(deps.config.packs);
  const redelivered = read !== null && read.version === event.version && read.eventId === event.eventId;
  if (read !== null && read.version >= event.version && !redelivered) {
    await Promise.all([recordStaleFollowUps(event, org, watched, deps), deps.store.rememberEvent(event.meetingId, event.eventId)]);
    return 'stale';
  }
  if (!org) throw new UnknownUnitError(`unit ${event.unitId} of meeting ${event.meetingId} is not in the org`);
  const engine = new Engine(org, deps.config.packs, engineOptions(deps.config));
  const claim = { read, version: event.version, unitId: event.unitId, heldAt: instantMs(event.heldAt), retracted: false, followUps: earliestFollowUps(event, read, watched) };
  return applyWrites(event, engine, versionWrites(engine, event, read), claim, watched, deps);
}

/** A retraction: tombstones wherever the meeting counted; before any version, a mark that none will. */
async function recordRetraction(event: MeetingRetracted, { meeting: read, org }: MeetingContext, deps: RecordMeetingDeps): Promise<ApplyOutcome> {
  if (read === null) {
    // Retracted before any version arrived: remember it, so no version counts later.
    await deps.store.claimMeeting({ meetingId: event.meetingId, read, version: RETRACTED_VERSION, eventId: event.eventId, unitId: null, retracted: true, touched: [], followUps: {} });
    await deps.store.rememberEvent(event.meetingId, event.eventId);
    return 'applied';
  }
  if (!org) throw new UnknownUnitError(`unit ${read.unitId ?? '?'} of meeting ${event.meetingId} is not in the org`);
  const engine = new Engine(org, deps.config.packs, engineOptions(deps.config));
  const claim = { read, version: RETRACTED_VERSION, unitId: read.unitId, retracted: true, followUps: {} };
  return applyWrites(event, engine, retractionWrites(event.eventId, read), claim, followUpFieldsByRule(deps.config.packs), deps);
}

/**
 * The event's register writes with its claim in the same round trip (taken
 * back if the claim lost a race), then the touched entries reconciled, saved
 * and announced.
 */
async function applyWrites(
  event: MeetingEvent,
  engine: Engine,
  writes: RegisterWrite[],
  claimed: Omit<MeetingClaim, 'meetingId' | 'eventId' | 'touched'>,
  watched: ReadonlyMap<string, string>,
  deps: RecordMeetingDeps,
): Promise<ApplyOutcome> {
  const { store } = deps;
  const touched = [...new Set(writes.map((w) => entryKey(w.ruleId, w.subject, w.period)))];
  const claim = store.claimMeeting({ ...claimed, meetingId: event.meetingId, eventId: event.eventId, touched });
  const followUps = followUpWrites(event.meetingId, writes, watched, claimed.followUps, store);
  const [won, entries] = await Promise.all([claim, Promise.all(writes.map((w) => store.writeRegister(w))), ...followUps.map((f) => f.written)]);
  if (!won) {
    // Another delivery changed the meeting first (a concurrent version, or a lower one keeping a follow-up): take back what this one wrote, unless something newer already replaced it.
    await Promise.all(writes.map((w, i) => (entries[i] ? store.writeRegister({ ...w, register: { ...w.register, slots: {} } }) : null)));
    // Retried, it reads the winner (or the follow-up a lower version kept meanwhile): stale if older, applied over it if newer or the same event.
    throw new Error(`meeting ${event.meetingId}: a concurrent delivery changed it first`);
  }
  const written = entries.filter((e): e is StoredEntry => e !== null);
  const now = deps.now();
  const ledger = ledgerOf(written);
  // The follow-ups were written beside the registers, so an entry read back may not show them yet.
  for (const { field, at } of followUps) {
    ledger.noteFollowUp(event.meetingId, field, at);
  }
  const outcomes = written.map((entry) => reconcileEntry(engine, ledger, entry, now, deps.config.from));
  // Seen (POST /events counts it a duplicate) only in the last wave, beside the outcomes: an event claimed
  // but cut short before then is taken again when resent (and redelivered by the queue or its journal).
  await saveAndAnnounce(outcomes, deps, event.eventId, now, () => store.rememberEvent(event.meetingId, event.eventId));
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

/** For each watched field, the meeting's earliest time once this version counts: the one kept, or this version's if earlier; null for none. */
function earliestFollowUps(event: MeetingRecorded, read: StoredMeeting | null, watched: ReadonlyMap<string, string>): Record<string, number | null> {
  const recordedAt = instantMs(event.recordedAt);
  const set = new Set(followUpsSetBy(event, watched.values()));
  const out: Record<string, number | null> = {};
  for (const field of new Set(watched.values())) {
    const times = [read?.followUps[field], set.has(field) ? recordedAt : undefined].filter((t) => t !== undefined);
    out[field] = times.length > 0 ? Math.min(...times) : null;
  }
  return out;
}

/** The meeting's follow-up times on the entries where this version owes a follow-up, whichever version set them. */
function followUpWrites(
  meetingId: string,
  writes: readonly RegisterWrite[],
  watched: ReadonlyMap<string, string>,
  earliest: Record<string, number | null>,
  store: LedgerStore,
): Array<{ field: string; at: number; written: Promise<unknown> }> {
  const out: Array<{ field: string; at: number; written: Promise<unknown> }> = [];
  for (const w of writes) {
    const field = watched.get(w.ruleId);
    const at = field === undefined ? null : (earliest[field] ?? null);
    if (field === undefined || at === null || Object.keys(w.register.slots).length === 0) continue;
    out.push({ field, at, written: store.writeFollowUp(w, meetingId, field, at) });
  }
  return out;
}

/**
 * A lower (or equal) version still tells when a follow-up (a resolution) was first recorded (docs/rules.md), whatever its
 * kind or month: the meeting keeps the earliest time, and the entries its versions touched get it and are reconciled.
 * The meeting as written names those entries, so a version claimed meanwhile is not missed.
 */
async function recordStaleFollowUps(event: MeetingRecorded, org: OrgIndex | null, watched: ReadonlyMap<string, string>, deps: RecordMeetingDeps): Promise<void> {
  const { store } = deps;
  const at = instantMs(event.recordedAt);
  const fields = followUpsSetBy(event, watched.values());
  if (fields.length === 0) return;
  const kept = await Promise.all(fields.map((field) => store.keepEarliestFollowUp(event.meetingId, field, at)));
  const writes = fields.flatMap((field, i) =>
    (kept[i]?.touched ?? [])
      .map(parseEntryKey)
      .filter((ref) => watched.get(ref.ruleId) === field)
      .map((ref) => store.writeFollowUp(ref, event.meetingId, field, at)),
  );
  const entries = (await Promise.all(writes)).filter((e): e is StoredEntry => e !== null);
  if (entries.length === 0) return;
  // The event's own unit may be unknown; the entries' units are what reconciling needs.
  const engine = new Engine(org ?? (await store.orgFor(entries)), deps.config.packs, engineOptions(deps.config));
  const now = deps.now();
  const ledger = ledgerOf(entries);
  await saveAndAnnounce(entries.map((entry) => reconcileEntry(engine, ledger, entry, now, deps.config.from)), deps, event.eventId, now);
}
