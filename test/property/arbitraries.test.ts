/**
 * The order properties are only as good as their streams: these check, on a
 * fixed sample, that the arbitraries really produce what the properties
 * claim to survive (lower versions recorded and delivered late, records
 * after the deadline and after the sweep that raised the violation,
 * duplicates, retractions overtaking versions) and that every schedule is
 * one a real pipeline could see.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantMs, periodBounds, periodOf } from '../../shared/calendar/period.ts';
import type { MeetingEvent, MeetingRecorded } from '../../shared/contract/events.ts';
import { deliverySchedule, eventStream, inOrder, type Step } from '../support/arbitraries.ts';
import { buildOrg, exampleOrgJson } from '../support/builders.ts';

const org = buildOrg(exampleOrgJson() as never);
const GRACE_MS = 3 * 24 * 3600_000;
const UNTIL = instantMs('2026-04-10T00:00:00+07:00');
const SAMPLE = { numRuns: 400, seed: 20260401 };

const recorded = (events: readonly MeetingEvent[]) => events.filter((e): e is MeetingRecorded => e.type === 'MeetingRecorded');
/** After its month's deadline and grace: the month's violation is already out when this arrives. */
const afterDeadline = (e: MeetingRecorded, at: number) => at > periodBounds(periodOf(instantMs(e.heldAt), 'month')).end + GRACE_MS;
const share = (xs: readonly boolean[]) => xs.filter(Boolean).length / xs.length;

function lowerVersionRecordedLate(events: readonly MeetingEvent[]): boolean {
  const rs = recorded(events);
  return rs.some((a) => rs.some((b) => a.meetingId === b.meetingId && a.version < b.version && instantMs(a.recordedAt) > instantMs(b.recordedAt)));
}

function lowerVersionDeliveredLate(steps: readonly Step[]): boolean {
  const seen = new Map<string, number>();
  for (const s of steps) {
    if (s.type !== 'deliver' || s.event.type !== 'MeetingRecorded') continue;
    if ((seen.get(s.event.meetingId) ?? 0) > s.event.version) return true;
    seen.set(s.event.meetingId, Math.max(seen.get(s.event.meetingId) ?? 0, s.event.version));
  }
  return false;
}

function recordAfterSweepPastDeadline(steps: readonly Step[]): boolean {
  let lastSweep = -Infinity;
  for (const s of steps) {
    if (s.type === 'sweep') lastSweep = s.at;
    else if (s.event.type === 'MeetingRecorded' && afterDeadline(s.event, lastSweep)) return true;
  }
  return false;
}

function retractionBeforeVersion(steps: readonly Step[]): boolean {
  const retracted = new Set<string>();
  for (const s of steps) {
    if (s.type !== 'deliver') continue;
    if (s.event.type === 'MeetingRetracted') retracted.add(s.event.meetingId);
    else if (retracted.has(s.event.meetingId)) return true;
  }
  return false;
}

/**
 * A scored meeting after a member's fourth excused absence in a row in its cell, among the highest versions
 * (the property then compares a rating that depends on the cell's year). Eligibility is not checked: an estimate.
 */
function longRunBeforeScoredMeeting(events: readonly MeetingEvent[]): boolean {
  const latest = new Map<string, MeetingRecorded>();
  for (const e of recorded(events)) if ((latest.get(e.meetingId)?.version ?? 0) < e.version) latest.set(e.meetingId, e);
  const byCell = new Map<string, MeetingRecorded[]>();
  for (const e of latest.values()) if (e.kind === 'regular' || e.kind === 'combined') byCell.set(e.unitId, [...(byCell.get(e.unitId) ?? []), e]);
  for (const meetings of byCell.values()) {
    meetings.sort((a, b) => instantMs(a.heldAt) - instantMs(b.heldAt));
    const runs = new Map<string, number>();
    for (const m of meetings) {
      const excused = new Set(m.attendance.filter((a) => a.status === 'excused').map((a) => a.memberId));
      if (m.quality && [...runs.values()].some((n) => n > 3)) return true;
      for (const id of new Set([...runs.keys(), ...excused])) runs.set(id, excused.has(id) ? (runs.get(id) ?? 0) + 1 : 0);
      if (m.quality && [...runs.values()].some((n) => n > 3)) return true;
    }
  }
  return false;
}

const duplicated = (steps: readonly Step[]) => {
  const ids = steps.flatMap((s) => (s.type === 'deliver' ? [s.event.eventId] : []));
  return new Set(ids).size < ids.length;
};

describe('event streams', () => {
  const streams = fc.sample(eventStream(org), SAMPLE);

  it('have versions with gaps, lower versions recorded after higher ones, late records and retractions', () => {
    expect(share(streams.map((es) => recorded(es).some((e) => e.version > 1 && !recorded(es).some((o) => o.meetingId === e.meetingId && o.version === e.version - 1))))).toBeGreaterThan(0.5);
    expect(share(streams.map(lowerVersionRecordedLate))).toBeGreaterThan(0.4);
    expect(share(streams.map((es) => recorded(es).some((e) => afterDeadline(e, instantMs(e.recordedAt)))))).toBeGreaterThan(0.4);
    expect(share(streams.map((es) => es.some((e) => e.type === 'MeetingRetracted')))).toBeGreaterThan(0.5);
  });

  it('carry score sheets, by the cell and by the upper level, and excused runs long enough to cost a later meeting its attendance bonus', () => {
    expect(share(streams.map((es) => recorded(es).some((e) => e.quality?.scoredBy === 'self')))).toBeGreaterThan(0.5);
    expect(share(streams.map((es) => recorded(es).some((e) => e.quality?.selfScores !== undefined)))).toBeGreaterThan(0.5);
    const cellYears = fc.sample(eventStream(org, { oneCell: true, maxMeetings: 8 }), SAMPLE);
    // One cell's year of up to 8 meetings, as the pipeline property draws it a quarter of the time.
    expect(share(cellYears.map(longRunBeforeScoredMeeting))).toBeGreaterThan(0.15);
  });

  it('give every event its own eventId and each meeting distinct versions', () => {
    for (const es of streams) {
      expect(new Set(es.map((e) => e.eventId)).size).toBe(es.length);
      const versions = recorded(es).map((e) => `${e.meetingId}#${e.version}`);
      expect(new Set(versions).size).toBe(versions.length);
    }
  });
});

describe('delivery schedules', () => {
  const cases = fc.sample(eventStream(org, { maxMeetings: 5 }).chain((events) => fc.tuple(fc.constant(events), deliverySchedule(events, UNTIL, { maxSweeps: 2, maxCopies: 2 }))), SAMPLE);

  it('duplicate, reorder versions, let retractions overtake and land records after the sweep that raised their violation', () => {
    expect(share(cases.map(([, steps]) => duplicated(steps)))).toBeGreaterThan(0.5);
    expect(share(cases.map(([, steps]) => lowerVersionDeliveredLate(steps)))).toBeGreaterThan(0.35);
    expect(share(cases.map(([, steps]) => retractionBeforeVersion(steps)))).toBeGreaterThan(0.4);
    expect(share(cases.map(([, steps]) => recordAfterSweepPastDeadline(steps)))).toBeGreaterThan(0.12);
  });

  it('are what a real pipeline could see: every known event at least once, none before it was recorded or after the end, in time order', () => {
    for (const [events, steps] of cases) {
      const known = events.filter((e) => instantMs(e.recordedAt) <= UNTIL).map((e) => e.eventId);
      const delivered = steps.flatMap((s) => (s.type === 'deliver' ? [s] : []));
      expect(new Set(delivered.map((s) => s.event.eventId))).toEqual(new Set(known));
      for (const s of delivered) expect(s.at >= instantMs(s.event.recordedAt) && s.at <= UNTIL).toBe(true);
      expect(steps.map((s) => s.at)).toEqual(steps.map((s) => s.at).sort((a, b) => a - b));
    }
  });

  it('in order: each known event once, when it was recorded', () => {
    const [events] = cases.find(([es]) => es.some((e) => instantMs(e.recordedAt) > UNTIL))!;
    const steps = inOrder(events, UNTIL);
    expect(steps.map((s) => (s.type === 'deliver' ? s.event.eventId : 'sweep')).sort()).toEqual(events.filter((e) => instantMs(e.recordedAt) <= UNTIL).map((e) => e.eventId).sort());
    expect(steps.every((s) => s.type === 'deliver' && s.at === instantMs(s.event.recordedAt))).toBe(true);
  });
});
