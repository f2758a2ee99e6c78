/** EventBridgeBus: the exact PutEvents inputs, ten entries (and at most 256 KB) to a call, failed entries retried, then an error. */
import { EventBridgeClient, PutEventsCommand, type PutEventsResultEntry } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { chunks, entrySize, EventBridgeBus, MAX_REQUEST_BYTES } from '../../adapters/eventbridge/eventbridge-bus.ts';
import type { MeetingEvent } from '../../shared/contract/events.ts';
import { meeting, retraction } from '../support/builders.ts';

const eb = mockClient(EventBridgeClient);
const waits: number[] = [];
const bus = (name = 'chibo-meetings') => new EventBridgeBus(new EventBridgeClient({ region: 'ap-southeast-1' }), name, { backoff: async (attempt) => void waits.push(attempt) });
beforeEach(() => {
  eb.reset();
  waits.length = 0;
});

const events: MeetingEvent[] = Array.from({ length: 23 }, (_, i) =>
  i === 22 ? retraction('mt-0', '2026-03-07T08:00:00+07:00') : meeting({ meetingId: `mt-${i}`, unitId: 'LC.NL.TDP2', heldAt: '2026-03-05T19:30:00+07:00', topic: 'Học tập và làm theo tư tưởng Hồ Chí Minh' }),
);
const entry = (e: MeetingEvent, busName = 'chibo-meetings') => ({ EventBusName: busName, Source: 'chibo.meetings', DetailType: e.type, Detail: JSON.stringify(e) });
const ok = (n: number): PutEventsResultEntry[] => Array.from({ length: n }, (_, i) => ({ EventId: `id-${i}` }));
const sentMeetingIds = () => eb.commandCalls(PutEventsCommand).map((c) => c.args[0].input.Entries!.map((e) => (JSON.parse(e.Detail!) as MeetingEvent).eventId));

describe('EventBridgeBus.put', () => {
  it('sends every event in order, ten entries to a PutEvents call, with the bus, source, detail-type and detail', async () => {
    eb.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({ FailedEntryCount: 0, Entries: ok(input.Entries.length) }));
    await bus().put(events);
    expect(eb).toHaveReceivedCommandTimes(PutEventsCommand, 3);
    expect(eb).toHaveReceivedNthCommandWith(PutEventsCommand, 1, { Entries: events.slice(0, 10).map((e) => entry(e)) });
    expect(eb).toHaveReceivedNthCommandWith(PutEventsCommand, 2, { Entries: events.slice(10, 20).map((e) => entry(e)) });
    expect(eb).toHaveReceivedNthCommandWith(PutEventsCommand, 3, { Entries: events.slice(20).map((e) => entry(e)) });
    // Exactly these keys: no Time, no Resources, no TraceHeader.
    expect(eb.commandCalls(PutEventsCommand)[2]!.args[0].input).toEqual({ Entries: events.slice(20).map((e) => entry(e)) });
    expect(eb.commandCalls(PutEventsCommand)[2]!.args[0].input.Entries!.map((e) => e.DetailType)).toEqual(['MeetingRecorded', 'MeetingRecorded', 'MeetingRetracted']);
    expect(JSON.parse(eb.commandCalls(PutEventsCommand)[0]!.args[0].input.Entries![0]!.Detail!)).toEqual(events[0]);
    expect(waits).toEqual([]);
  });

  it('nothing to put, no call', async () => {
    await bus().put([]);
    expect(eb).not.toHaveReceivedCommand(PutEventsCommand);
  });

  it('retries only the entries EventBridge failed, after a backoff', async () => {
    eb.on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 2, Entries: [{ EventId: 'a' }, { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' }, { EventId: 'c' }, { ErrorCode: 'InternalFailure', ErrorMessage: 'oops' }] })
      .resolvesOnce({ FailedEntryCount: 1, Entries: [{ EventId: 'b' }, { ErrorCode: 'InternalFailure', ErrorMessage: 'oops' }] })
      .resolves({ FailedEntryCount: 0, Entries: ok(1) });
    const four = events.slice(0, 4);
    await bus().put(four);
    expect(sentMeetingIds()).toEqual([four.map((e) => e.eventId), [four[1]!.eventId, four[3]!.eventId], [four[3]!.eventId]]);
    expect(eb).toHaveReceivedNthCommandWith(PutEventsCommand, 2, { Entries: [entry(four[1]!), entry(four[3]!)] });
    expect(waits).toEqual([1, 2]);
  });

  it('a failed chunk is retried before the next chunk is sent', async () => {
    eb.on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 1, Entries: [...ok(9), { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' }] })
      .resolves({ FailedEntryCount: 0, Entries: ok(10) });
    await bus().put(events.slice(0, 12));
    expect(sentMeetingIds().map((ids) => ids.length)).toEqual([10, 1, 2]);
    expect(sentMeetingIds()[1]).toEqual([events[9]!.eventId]);
  });

  it('gives up after three attempts with an error naming the codes, and sends nothing of the later chunks', async () => {
    // The tenth event is always refused.
    const poison = events[9]!.eventId;
    eb.on(PutEventsCommand).callsFake((input: { Entries: Array<{ Detail: string }> }) => {
      const results = input.Entries.map((e) => (e.Detail.includes(`"${poison}"`) ? { ErrorCode: 'InternalFailure', ErrorMessage: 'boom' } : { EventId: 'ok' }));
      return { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results };
    });
    await expect(bus().put(events.slice(0, 12))).rejects.toThrow('EventBridge refused 1 of 1 events after 3 attempts (InternalFailure: boom)');
    expect(sentMeetingIds()).toEqual([events.slice(0, 10).map((e) => e.eventId), [poison], [poison]]);
    eb.reset();
    eb.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'boom' }] });
    await expect(bus().put(events.slice(0, 1))).rejects.toThrow('InternalFailure: boom');
    expect(eb).toHaveReceivedCommandTimes(PutEventsCommand, 3);
    expect(waits).toEqual([1, 2, 1, 2]);
  });

  it('a failure count without per-entry codes resends the whole chunk', async () => {
    eb.on(PutEventsCommand).resolvesOnce({ FailedEntryCount: 1 }).resolves({ FailedEntryCount: 0, Entries: ok(3) });
    await bus().put(events.slice(0, 3));
    expect(sentMeetingIds()).toEqual([events.slice(0, 3).map((e) => e.eventId), events.slice(0, 3).map((e) => e.eventId)]);
  });

  it('an error from the client itself (after the SDK’s own retries) propagates', async () => {
    eb.on(PutEventsCommand).rejects(new Error('AccessDeniedException'));
    await expect(bus().put(events.slice(0, 1))).rejects.toThrow('AccessDeniedException');
  });

  it('keeps each call under 256 KB; an event too large for PutEvents is refused before anything is sent', async () => {
    eb.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({ FailedEntryCount: 0, Entries: ok(input.Entries.length) }));
    const attendance = Array.from({ length: 1500 }, (_, i) => ({ memberId: `TDP2-${String(i).padStart(5, '0')}`, status: 'present' as const }));
    const large = Array.from({ length: 6 }, (_, i) => meeting({ meetingId: `big-${i}`, unitId: 'LC.NL.TDP2', heldAt: '2026-03-05T19:30:00+07:00', attendance }));
    const size = entrySize(entry(large[0]!));
    expect(size).toBeGreaterThan(MAX_REQUEST_BYTES / 4);
    expect(size).toBeLessThan(MAX_REQUEST_BYTES / 3);
    await bus().put(large);
    expect(sentMeetingIds().map((ids) => ids.length)).toEqual([3, 3]);
    for (const call of eb.commandCalls(PutEventsCommand)) expect(call.args[0].input.Entries!.reduce((n, e) => n + entrySize(e), 0)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);

    eb.reset();
    const huge = meeting({ meetingId: 'huge', unitId: 'LC.NL.TDP2', heldAt: '2026-03-05T19:30:00+07:00', attendance: Array.from({ length: 5000 }, (_, i) => ({ memberId: `TDP2-${'0'.repeat(40)}${i}`, status: 'present' as const })) });
    await expect(bus().put([events[0]!, huge])).rejects.toThrow(`event ${huge.eventId} is`);
    expect(eb).not.toHaveReceivedCommand(PutEventsCommand);
  });
});

describe('chunks', () => {
  it('counts UTF-8 bytes of source, detail-type and detail', () => {
    // "Đảng": two quotes, Đ (2 bytes), ả (3 bytes), n, g.
    expect(entrySize({ Source: 'chibo.meetings', DetailType: 'MeetingRecorded', Detail: '"Đảng"' })).toBe(14 + 15 + 9);
  });

  it('splits at ten entries or at the byte limit, whichever comes first, keeping the order', () => {
    const small = Array.from({ length: 25 }, (_, i) => ({ Source: 's', DetailType: 't', Detail: String(i) }));
    expect(chunks(small).map((c) => c.length)).toEqual([10, 10, 5]);
    expect(chunks(small).flat()).toEqual(small);
    const third = { Source: 's', DetailType: 't', Detail: 'x'.repeat(MAX_REQUEST_BYTES / 3) };
    expect(chunks([third, third, third, third]).map((c) => c.length)).toEqual([2, 2]);
    expect(chunks([])).toEqual([]);
  });
});
