/** Accepted events onto the custom bus: source chibo.meetings, detail-type the event's type, detail the contract's event. */
import { PutEventsCommand, type EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { BUS_SOURCE } from '../../shared/contract/bus-message.ts';
import type { MeetingEvent } from '../../shared/contract/events.ts';
import type { EventBus } from '../../shared/ports/event-bus.ts';

/** PutEvents takes at most 10 entries. */
const CHUNK = 10;
const ATTEMPTS = 3;

export class EventBridgeBus implements EventBus {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
  ) {}

  async put(events: readonly MeetingEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += CHUNK) {
      let entries: PutEventsRequestEntry[] = events.slice(i, i + CHUNK).map((e) => ({ EventBusName: this.busName, Source: BUS_SOURCE, DetailType: e.type, Detail: JSON.stringify(e) }));
      for (let attempt = 1; entries.length > 0; attempt++) {
        const res = await this.client.send(new PutEventsCommand({ Entries: entries }));
        if (!res.FailedEntryCount) break;
        // Results come back in the order of the entries; the failed ones carry an ErrorCode.
        const failed = entries.filter((_, j) => res.Entries?.[j]?.ErrorCode);
        if (attempt >= ATTEMPTS) throw new Error(`EventBridge refused ${failed.length} events: ${(res.Entries ?? []).map((r) => r.ErrorMessage ?? r.ErrorCode).filter(Boolean).join('; ')}`);
        entries = failed;
      }
    }
  }
}
