/** fast-check arbitraries: streams of meeting events over the example org, with versions and retractions. */
import fc from 'fast-check';
import { MeetingEvent } from '../../shared/contract/events.ts';
import type { OrgIndex } from '../../shared/org/org-index.ts';

const KINDS = ['regular', 'thematic', 'combined', 'extraordinary', 'committee', 'cell_committee'] as const;
const STATUSES = ['present', 'present', 'present', 'excused', 'absent', 'missing'] as const;
const Q1_START = Date.parse('2026-01-01T00:00:00+07:00');
const Q1_MS = 90 * 24 * 3600_000;

const iso = (ms: number): string => new Date(ms).toISOString();

/** One version of a meeting, as a function of its id, version and eventId. */
function meetingVersion(org: OrgIndex) {
  const unitIds = [...org.units.keys()];
  const leaderIds = [...org.leaders.keys()];
  return fc
    .record({
      unitId: fc.constantFrom(...unitIds),
      kind: fc.constantFrom(...KINDS),
      offsetMs: fc.integer({ min: 0, max: Q1_MS }),
      minutes: fc.option(fc.integer({ min: 30, max: 200 }), { nil: undefined }),
      recordDelayMs: fc.integer({ min: 0, max: 12 * 24 * 3600_000 }),
      statuses: fc.array(fc.constantFrom(...STATUSES), { minLength: 8, maxLength: 8 }),
      visitors: fc.subarray(leaderIds),
      resolutionIssued: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map((v) => (meetingId: string, version: number, eventId: string) => {
      const heldAt = Q1_START + v.offsetMs;
      const members = org.cellMembers(v.unitId);
      return MeetingEvent.parse({
        type: 'MeetingRecorded',
        eventId,
        meetingId,
        version,
        unitId: v.unitId,
        kind: v.kind,
        heldAt: iso(heldAt),
        ...(v.minutes === undefined ? {} : { endedAt: iso(heldAt + v.minutes * 60_000) }),
        recordedAt: iso(heldAt + v.recordDelayMs),
        attendance: members.flatMap((m, i) => (v.statuses[i % 8] === 'missing' ? [] : [{ memberId: m.id, status: v.statuses[i % 8] }])),
        visitingLeaderIds: v.visitors,
        ...(v.resolutionIssued === undefined ? {} : { resolutionIssued: v.resolutionIssued }),
      });
    });
}

/**
 * A canonical stream: up to 12 meetings, each with 1-3 versions (distinct
 * version numbers), some retracted; every event has its own eventId.
 */
export function eventStream(org: OrgIndex): fc.Arbitrary<MeetingEvent[]> {
  const oneMeeting = fc.record({
    versions: fc.array(meetingVersion(org), { minLength: 1, maxLength: 3 }),
    retractAfterMs: fc.option(fc.integer({ min: 0, max: Q1_MS + 20 * 24 * 3600_000 }), { nil: undefined, freq: 5 }),
  });
  return fc.array(oneMeeting, { minLength: 1, maxLength: 12 }).map((meetings) => {
    let n = 0;
    return meetings.flatMap((m, i) => {
      const events: MeetingEvent[] = m.versions.map((make, v) => make(`M${i}`, v + 1, `ev-${n++}`));
      if (m.retractAfterMs !== undefined) {
        events.push(MeetingEvent.parse({ type: 'MeetingRetracted', eventId: `ev-${n++}`, meetingId: `M${i}`, recordedAt: iso(Q1_START + m.retractAfterMs) }));
      }
      return events;
    });
  });
}

/** The same stream delivered at least once, in any order. */
export function deliveredAtLeastOnce(events: MeetingEvent[]): fc.Arbitrary<MeetingEvent[]> {
  return fc
    .tuple(fc.shuffledSubarray(events, { minLength: 0 }), fc.array(fc.nat(), { minLength: events.length + 1, maxLength: events.length + 1 }))
    .chain(([duplicates]) => fc.shuffledSubarray([...events, ...duplicates], { minLength: events.length + duplicates.length }));
}

/** Cut points that split a stream into consecutive chunks. */
export function chunksOf<T>(items: T[]): fc.Arbitrary<T[][]> {
  return fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, items.length - 1) }), { maxLength: 6 }).map((cuts) => {
    const points = [0, ...cuts.filter((c) => c < items.length).sort((a, b) => a - b), items.length];
    return points.slice(1).map((end, i) => items.slice(points[i], end));
  });
}

/** fast-check runs per property: at least 200 in CI, fewer while iterating locally if asked. */
export const RUNS = Number(process.env['CHIBO_PROPERTY_RUNS'] ?? 200);
