/** Accepted events onto the custom bus: source chibo.meetings, detail-type the event's type, detail the contract's event. */
import { PutEventsCommand, type EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { BUS_SOURCE } from '../../shared/contract/bus-message.ts';
import type { MeetingEvent } from '../../shared/contract/events.ts';
import type { EventBus } from '../../shared/ports/event-bus.ts';

/** PutEvents takes at most 10 entries, of at most 256 KB together (Source + DetailType + Detail, in UTF-8). */
export const MAX_ENTRIES = 10;
export const MAX_REQUEST_BYTES = 256 * 1024;
const ATTEMPTS = 3;

const bytes = (s: string | undefined): number => (s === undefined ? 0 : Buffer.byteLength(s, 'utf8'));
/** An entry's size as EventBridge counts it. */
export const entrySize = (e: PutEventsRequestEntry): number => bytes(e.Source) + bytes(e.DetailType) + bytes(e.Detail);

export interface EventBridgeBusOptions {
  /** Waits before retrying the entries EventBridge failed (attempt 1, 2, …); tests pass a no-op. */
  backoff?: (attempt: number) => Promise<void>;
}

const sleep = (attempt: number) => new Promise<void>((resolve) => setTimeout(resolve, 100 * 2 ** (attempt - 1) * (0.5 + Math.random())));

export class EventBridgeBus implements EventBus {
  private readonly backoff: (attempt: number) => Promise<void>;

  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
    options: EventBridgeBusOptions = {},
  ) {
    this.backoff = options.backoff ?? sleep;
  }

  /** Throws when an entry is still refused after the retries (the caller retries the request; event ids make that harmless). */
  async put(events: readonly MeetingEvent[]): Promise<void> {
    const entries = events.map((e): PutEventsRequestEntry => ({ EventBusName: this.busName, Source: BUS_SOURCE, DetailType: e.type, Detail: JSON.stringify(e) }));
    // Refuse before sending anything, so a batch is not half on the bus because of its last event.
    const oversized = entries.findIndex((e) => entrySize(e) > MAX_REQUEST_BYTES);
    if (oversized >= 0) throw new Error(`event ${events[oversized]!.eventId} is ${entrySize(entries[oversized]!)} bytes, more than PutEvents takes (${MAX_REQUEST_BYTES})`);
    for (const chunk of chunks(entries)) await this.putChunk(chunk);
  }

  private async putChunk(chunk: PutEventsRequestEntry[]): Promise<void> {
    let entries = chunk;
    for (let attempt = 1; ; attempt++) {
      const res = await this.client.send(new PutEventsCommand({ Entries: entries }));
      if (!res.FailedEntryCount) return;
      // Results come back in the order of the entries; the failed ones carry an ErrorCode.
      const failed = entries.flatMap((entry, j) => (res.Entries?.[j]?.ErrorCode ? [{ entry, result: res.Entries[j] }] : []));
      if (attempt >= ATTEMPTS) {
        const reasons = [...new Set(failed.map((f) => `${f.result.ErrorCode}: ${f.result.ErrorMessage ?? ''}`))].join('; ');
        throw new Error(`EventBridge refused ${res.FailedEntryCount} of ${entries.length} events after ${ATTEMPTS} attempts (${reasons})`);
      }
      // A count without per-entry codes says nothing about which: send them all again.
      if (failed.length > 0) entries = failed.map((f) => f.entry);
      await this.backoff(attempt);
    }
  }
}

/** Consecutive runs of at most MAX_ENTRIES entries and MAX_REQUEST_BYTES bytes, in order. */
export function chunks(entries: readonly PutEventsRequestEntry[]): PutEventsRequestEntry[][] {
  const out: PutEventsRequestEntry[][] = [];
  let current: PutEventsRequestEntry[] = [];
  let size = 0;
  for (const entry of entries) {
    const s = entrySize(entry);
    if (current.length === MAX_ENTRIES || (current.length > 0 && size + s > MAX_REQUEST_BYTES)) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(entry);
    size += s;
  }
  if (current.length > 0) out.push(current);
  return out;
}
