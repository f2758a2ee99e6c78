/**
 * A thematic meeting's resolution (bg-thematic-resolution) through the
 * pipeline on a real DynamoDB engine: it counts whichever version of the
 * meeting recorded it, however the versions arrive and whichever of the
 * store's writes lands first, as `chibo evaluate` counts it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DynamoLedgerStore } from '../../adapters/dynamodb/ledger-store.ts';
import { instantMs, periodOf } from '../../shared/calendar/period.ts';
import type { MeetingEvent, MeetingRecorded } from '../../shared/contract/events.ts';
import { buildOrg, evaluate, exampleOrgJson, meeting, only, packs } from '../support/builders.ts';
import { Pipeline } from '../support/pipeline.ts';

const FROM = '2026-01-01T00:00:00+07:00';
const PACKS = packs('bg-thematic-resolution');
const RULE = 'bg-thematic-resolution/resolution-issued';
const CELL = 'LC.NL.TDP2';
/** After every deadline and grace of these meetings: a resolution not counted is a violation at once. */
const LATE = '2026-02-25T00:00:00+07:00';
const org = buildOrg(exampleOrgJson() as never);

let pipeline: Pipeline;
beforeEach(async () => {
  pipeline = await Pipeline.start(org, PACKS, FROM, LATE);
});
afterEach(() => pipeline.dynamo.stop());

const resolutionFindings = async () => only(await pipeline.activeFindings(org.snapshot), RULE);
const engineSays = (events: readonly MeetingEvent[]) => only(evaluate(org, events, PACKS, LATE, FROM), RULE);
const statuses = async (meetingId: string) => (await pipeline.queries.obligations({ subjectId: meetingId })).map((o) => `${o.value.period} ${o.value.status}`);

/** A version of meeting M-1 in the cell, recorded a day after it was held. */
function version(version: number, kind: MeetingRecorded['kind'], heldAt: string, resolutionIssued?: boolean): MeetingRecorded {
  const recordedAt = new Date(instantMs(heldAt) + 24 * 3600_000).toISOString();
  return meeting({ meetingId: 'M-1', version, unitId: CELL, kind, heldAt, recordedAt, ...(resolutionIssued === undefined ? {} : { resolutionIssued }) });
}

/** The store lands all of an event's writes of one kind before any of the other, as DynamoDB Local may. */
function landFirst(store: DynamoLedgerStore, first: 'registers' | 'follow-ups'): void {
  const writeRegister = store.writeRegister.bind(store);
  const writeFollowUp = store.writeFollowUp.bind(store);
  const landed: Array<Promise<unknown>> = [];
  let started!: () => void;
  // An event starts all its writes of one kind in one go, so once one has started they all have.
  const firstStarted = new Promise<void>((resolve) => (started = resolve));
  const holdBack = async <T>(write: () => Promise<T>): Promise<T> => {
    await firstStarted;
    await Promise.allSettled(landed);
    return write();
  };
  const goFirst = <T>(write: Promise<T>): Promise<T> => {
    landed.push(write);
    started();
    return write;
  };
  if (first === 'registers') {
    store.writeRegister = (w) => goFirst(writeRegister(w));
    store.writeFollowUp = (...args) => holdBack(() => writeFollowUp(...args));
  } else {
    store.writeFollowUp = (...args) => goFirst(writeFollowUp(...args));
    store.writeRegister = (w) => holdBack(() => writeRegister(w));
  }
}

describe('a resolution recorded with the meeting itself', () => {
  it.each(['registers', 'follow-ups'] as const)('counts when the store lands the %s first', async (first) => {
    landFirst(pipeline.store, first);
    const thematic = version(1, 'thematic', '2026-01-10T19:30:00+07:00', true);
    expect(await pipeline.record(thematic)).toBe('applied');
    expect(engineSays([thematic])).toEqual([]);
    expect(await resolutionFindings()).toEqual([]);
    expect(await statuses('M-1')).toEqual(['2026-01 met']);
  });
});

describe('a resolution recorded by another version of the meeting', () => {
  const regularWithResolution = version(3, 'regular', '2026-01-10T19:30:00+07:00', true);
  const combinedWithout = version(5, 'combined', '2026-01-10T19:30:00+07:00');
  const movedToFebruary = version(5, 'thematic', '2026-02-03T19:30:00+07:00');

  it.each([
    ['a regular version with it, then a combined one without', [regularWithResolution, combinedWithout]],
    ['the combined version first, the lower regular one with it after', [combinedWithout, regularWithResolution]],
    ['a version moved to February first, the lower January one with it after', [movedToFebruary, regularWithResolution]],
  ])('counts for the version that owes it: %s', async (_, events) => {
    for (const event of events) await pipeline.record(event);
    expect(engineSays(events)).toEqual([]);
    expect(await resolutionFindings()).toEqual([]);
    expect((await statuses('M-1')).filter((s) => !s.endsWith('null'))).toEqual([`${owingMonth(events)} met`]);
  });

  it('no version with it: the violation is raised, as chibo evaluate raises it', async () => {
    const events = [version(3, 'regular', '2026-01-10T19:30:00+07:00', false), combinedWithout];
    for (const event of events) await pipeline.record(event);
    const expected = engineSays(events);
    expect(expected.map((f) => `${f.kind} ${f.subject.id} ${f.period}`)).toEqual(['violation M-1 2026-01']);
    expect(await resolutionFindings()).toEqual(expected);
  });

  it('a lower version keeping it while a higher one is being claimed: the higher one is retried and counts it', async () => {
    const thematic = version(3, 'thematic', '2026-01-10T19:30:00+07:00');
    const lowerWithResolution = version(2, 'regular', '2026-01-10T19:30:00+07:00', true);
    await pipeline.record(thematic);
    const claimMeeting = pipeline.store.claimMeeting.bind(pipeline.store);
    let overtaken = false;
    pipeline.store.claimMeeting = async (claim) => {
      if (!overtaken) {
        overtaken = true;
        // Lands after the higher version read the meeting, before it claims it.
        expect(await pipeline.record(lowerWithResolution)).toBe('stale');
      }
      return claimMeeting(claim);
    };
    await expect(pipeline.record(movedToFebruary)).rejects.toThrow(/changed it first/);
    expect(await pipeline.record(movedToFebruary)).toBe('applied');
    expect(engineSays([thematic, lowerWithResolution, movedToFebruary])).toEqual([]);
    expect(await resolutionFindings()).toEqual([]);
  });
});

/** The month of the highest version: the entry that owes the resolution. */
function owingMonth(events: readonly MeetingRecorded[]): string {
  const current = [...events].sort((a, b) => b.version - a.version)[0]!;
  return periodOf(instantMs(current.heldAt), 'month');
}
