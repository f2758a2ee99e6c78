/**
 * fast-check arbitraries: streams of meeting events over the example org,
 * with new versions, retractions and late records, score sheets filled in, and the ways a stream
 * can arrive (duplicated, reordered, lower versions late, sweeps between).
 */
import fc from 'fast-check';
import * as z from 'zod';
import { MeetingEvent, type MeetingKind } from '../../shared/contract/events.ts';
import type { OrgIndex } from '../../shared/org/org-index.ts';
import type { ScoreSheetInput } from '../../shared/quality/score-sheet.ts';
import { SHIPPED_SHEETS } from '../../shared/quality/sheets.ts';

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

/** Declared scores on a sheet, each criterion a tenth of its maximum times a fraction 0-10. */
const declaredScores = (sheet: ScoreSheetInput, fractions: readonly number[]): Record<string, number> =>
  Object.fromEntries(sheet.criteria.filter((c) => c.source === 'declared').map((c, i) => [c.id, Math.round((c.max * fractions[i]!) / 10)]));

/** A score sheet filled in, by the cell or by the upper level beside the cell's own; none for a kind the sheet does not score. */
const qualityOf = (freq: number) =>
  fc.option(
    fc.record({
      sheet: fc.constantFrom(...SHIPPED_SHEETS),
      upper: fc.boolean(),
      fractions: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 6, maxLength: 6 }),
      selfFractions: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 6, maxLength: 6 }),
    }),
    { nil: undefined, freq },
  );

const randomStatuses = fc.array(fc.constantFrom(...STATUSES), { minLength: 8, maxLength: 8 });
/** The first member excused, the rest present: excused runs form over a cell's meetings. */
const firstExcused = fc.constant(['excused', ...Array<'present'>(7).fill('present')]);

/**
 * One version of a meeting, as a function of its id, version and eventId. With `oneCell`, a
 * cell's own year instead: its regular, combined and thematic meetings, mostly scored, the
 * first member mostly excused, so the attendance bonus turns on runs across meetings.
 */
function meetingVersion(org: OrgIndex, oneCell: boolean) {
  const unitIds = [...org.units.keys()];
  const leaderIds = [...org.leaders.keys()];
  const cell = [...org.units.values()].find((u) => u.kind === 'cell' && org.cellMembers(u.id).length >= 4)!.id;
  return fc
    .record({
      unitId: oneCell ? fc.constant(cell) : fc.constantFrom(...unitIds),
      kind: oneCell ? fc.constantFrom<MeetingKind>('regular', 'regular', 'combined', 'thematic') : fc.constantFrom(...KINDS),
      offsetMs: fc.integer({ min: 0, max: Q1_MS }),
      minutes: fc.option(fc.integer({ min: 30, max: 200 }), { nil: undefined }),
      recordDelayMs,
      statuses: oneCell ? fc.oneof({ weight: 3, arbitrary: firstExcused }, { weight: 1, arbitrary: randomStatuses }) : randomStatuses,
      visitors: fc.subarray(leaderIds),
      resolutionIssued: fc.option(fc.boolean(), { nil: undefined }),
      speakerCount: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
      quality: qualityOf(oneCell ? 5 : 2),
    })
    .map((v) => (meetingId: string, version: number, eventId: string) => {
      const q = v.quality && (v.quality.sheet.kinds as readonly string[]).includes(v.kind) ? v.quality : undefined;
      const quality =
        q === undefined
          ? undefined
          : q.upper
            ? { sheet: q.sheet.id, scoredBy: 'upper', scores: declaredScores(q.sheet, q.fractions), selfScores: declaredScores(q.sheet, q.selfFractions) }
            : { sheet: q.sheet.id, scoredBy: 'self', scores: declaredScores(q.sheet, q.fractions) };
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
        ...(v.speakerCount === undefined ? {} : { speakerCount: v.speakerCount }),
        ...(quality === undefined ? {} : { quality }),
      });
    });
}

/**
 * A canonical stream: up to 12 meetings (maxMeetings), each with 1-3
 * versions (distinct, ascending version numbers, sometimes with gaps; each
 * version recorded on its own, so a lower version may be recorded after a
 * higher one), some retracted; every event has its own eventId. `oneCell`:
 * the meetings of one cell (see meetingVersion).
 */
export function eventStream(org: OrgIndex, { maxMeetings = 12, oneCell = false }: { maxMeetings?: number; oneCell?: boolean } = {}): fc.Arbitrary<MeetingEvent[]> {
  const oneMeeting = fc
    .uniqueArray(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 })
    .chain((numbers) =>
      fc.record({
        versions: fc.tuple(...numbers.sort((a, b) => a - b).map((n) => meetingVersion(org, oneCell).map((make) => ({ n, make })))),
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

/** Streams over the whole org, and a quarter of the time one cell's year of scored meetings (at least 8, for runs to form). */
export function anyEventStream(org: OrgIndex, { maxMeetings = 12 }: { maxMeetings?: number } = {}): fc.Arbitrary<MeetingEvent[]> {
  return fc.oneof({ weight: 3, arbitrary: eventStream(org, { maxMeetings }) }, { weight: 1, arbitrary: eventStream(org, { maxMeetings: Math.max(maxMeetings, 8), oneCell: true }) });
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
