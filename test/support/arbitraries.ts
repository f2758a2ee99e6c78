/**
 * fast-check arbitraries: streams of meeting events over the example org,
 * with new versions, retractions and late records, and the ways a stream
 * can arrive (duplicated, reordered, lower versions late, sweeps between).
 */
import fc from 'fast-check';
import * as z from 'zod';
import { MeetingEvent } from '../../shared/contract/events.ts';
import type { OrgIndex } from '../../shared/org/org-index.ts';

const KINDS = ['regular', 'thematic', 'combined', 'extraordinary', 'committee', 'cell_committee'] as const;
const STATUSES = ['present', 'present', 'present', 'excused', 'absent', 'missing'] as const;
const DAY_MS = 24 * 3600_000;
const Q1_START = Date.parse('2026-01-01T00:00:00+07:00');
const Q1_MS = 90 * DAY_MS;
/** Most meetings are recorded within days; some long after their period's deadline and grace, when violations are out. */
const recordDelayMs = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 12 * DAY_MS }) },
  { weight: 1, arbitrary: fc.integer({ min: 25 * DAY_MS, max: 60 * DAY_MS }) },
);

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
      recordDelayMs,
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
 * A canonical stream: up to 12 meetings (maxMeetings), each with 1-3
 * versions (distinct, ascending version numbers, sometimes with gaps; each
 * version recorded on its own, so a lower version may be recorded after a
 * higher one), some retracted; every event has its own eventId.
 */
export function eventStream(org: OrgIndex, { maxMeetings = 12 }: { maxMeetings?: number } = {}): fc.Arbitrary<MeetingEvent[]> {
  const oneMeeting = fc
    .uniqueArray(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 })
    .chain((numbers) =>
      fc.record({
        versions: fc.tuple(...numbers.sort((a, b) => a - b).map((n) => meetingVersion(org).map((make) => ({ n, make })))),
        retractAfterMs: fc.option(fc.integer({ min: 0, max: Q1_MS + 20 * DAY_MS }), { nil: undefined, freq: 5 }),
      }),
    );
  return fc.array(oneMeeting, { minLength: 1, maxLength: maxMeetings }).map((meetings) => {
    let n = 0;
    return meetings.flatMap((m, i) => {
      const events: MeetingEvent[] = m.versions.map(({ n: version, make }) => make(`M${i}`, version, `ev-${n++}`));
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

/** One step of a delivery: an event handled at `at`, or the daily sweep run at `at`. */
export type Step = { type: 'deliver'; at: number; event: MeetingEvent } | { type: 'sweep'; at: number };

/**
 * How a pipeline may see the events known by `until`: each at least once
 * (up to `maxCopies`), each copy handled some time after it was recorded
 * (so versions and retractions overtake one another, and a record can land
 * after the sweep that raised the violation it cures), with up to
 * `maxSweeps` sweeps in between; in the order the steps happen.
 */
export function deliverySchedule(events: readonly MeetingEvent[], until: number, { maxSweeps = 4, maxCopies = 3 }: { maxSweeps?: number; maxCopies?: number } = {}): fc.Arbitrary<Step[]> {
  const known = events.filter((e) => Date.parse(e.recordedAt) <= until);
  const lag = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 * DAY_MS }), fc.integer({ min: 0, max: 45 * DAY_MS }));
  const copies = fc.tuple(...known.map((event) => fc.array(fc.tuple(lag, fc.nat()), { minLength: 1, maxLength: maxCopies }).map((lags) => lags.map(([ms, tie]) => ({ step: { type: 'deliver' as const, at: Math.min(Date.parse(event.recordedAt) + ms, until), event }, tie })))));
  const sweeps = fc.array(fc.tuple(fc.integer({ min: Q1_START, max: until }), fc.nat()), { maxLength: maxSweeps }).map((ss) => ss.map(([at, tie]) => ({ step: { type: 'sweep' as const, at }, tie })));
  return fc.tuple(copies, sweeps).map(([c, s]) =>
    [...c.flat(), ...s]
      .sort((a, b) => a.step.at - b.step.at || a.tie - b.tie)
      .map((x): Step => x.step),
  );
}

/** The canonical run: each event known by `until` once, handled when it was recorded. */
export function inOrder(events: readonly MeetingEvent[], until: number): Step[] {
  return events
    .filter((e) => Date.parse(e.recordedAt) <= until)
    .map((event) => ({ type: 'deliver' as const, at: Date.parse(event.recordedAt), event }))
    .sort((a, b) => a.at - b.at);
}

/** fast-check runs per property: 1,000 by default (CI), fewer while iterating locally if asked. */
export const RUNS = runsFrom('CHIBO_PROPERTY_RUNS', 1000);
/** Runs of the properties through DynamoDB (each a pipeline on a fresh table): CHIBO_PIPELINE_PROPERTY_RUNS, else RUNS. */
export const PIPELINE_RUNS = runsFrom('CHIBO_PIPELINE_PROPERTY_RUNS', RUNS);

function runsFrom(variable: string, fallback: number): number {
  const value = process.env[variable];
  const parsed = z.coerce.number().int().min(1).safeParse(value ?? fallback);
  if (!parsed.success) throw new Error(`${variable}: expected a whole number of runs, at least 1, got ${JSON.stringify(value)}`);
  return parsed.data;
}
