/** EventBridgeBus: the exact PutEvents entries, ten to a call, failed entries retried. */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { EventBridgeBus } from '../../adapters/eventbridge/eventbridge-bus.ts';
import { meeting } from '../support/builders.ts';

const eb = mockClient(EventBridgeClient);
beforeEach(() => eb.reset());
const events = Array.from({ length: 12 }, (_, i) => meeting({ meetingId: `mt-${i}`, unitId: 'LC.NL.TDP2', heldAt: '2026-03-05T19:30:00+07:00' }));

describe('EventBridgeBus', () => {
  it('puts each event with source chibo.meetings, its type as detail-type and itself as detail, ten to a call', async () => {
    eb.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    await new EventBridgeBus(new EventBridgeClient({}), 'chibo-bus').put(events);
    const calls = eb.commandCalls(PutEventsCommand).map((c) => c.args[0].input.Entries!);
    expect(calls.map((c) => c.length)).toEqual([10, 2]);
    expect(calls[0]![0]).toEqual({ EventBusName: 'chibo-bus', Source: 'chibo.meetings', DetailType: 'MeetingRecorded', Detail: JSON.stringify(events[0]) });
  });

  it('retries only the entries EventBridge failed, then gives up naming why', async () => {
    eb.on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 1, Entries: [{ EventId: 'a' }, { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' }] })
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'b' }] });
    await new EventBridgeBus(new EventBridgeClient({}), 'bus').put(events.slice(0, 2));
    const calls = eb.commandCalls(PutEventsCommand).map((c) => c.args[0].input.Entries!.map((e) => JSON.parse(e.Detail!).meetingId));
    expect(calls).toEqual([['mt-0', 'mt-1'], ['mt-1']]);

    eb.reset();
    eb.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'boom' }] });
    await expect(new EventBridgeBus(new EventBridgeClient({}), 'bus').put(events.slice(0, 1))).rejects.toThrow('boom');
    expect(eb.commandCalls(PutEventsCommand)).toHaveLength(3);
  });
});
