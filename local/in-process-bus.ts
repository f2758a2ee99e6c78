/**
 * The bus and the meetings queue in one process: `put` delivers each event as
 * the queue would (the same envelope, the same handler code), retrying a
 * failure up to the queue's receive count, then writing it to the dead-letter
 * file with the reason. Delivery is done when `put` returns. With a journal,
 * `put` first appends the messages to it, on disk, and `resume` delivers what
 * a run that died left unsettled: as SQS keeps a message until it is handled.
 */
import type { MeetingEvent } from '../shared/contract/events.ts';
import type { DeadLetters } from '../shared/ports/dead-letters.ts';
import type { EventBus } from '../shared/ports/event-bus.ts';
import { handleQueueMessage } from '../shared/use-cases/handle-queue-message.ts';
import { busMessageOf, processBusMessage } from '../shared/use-cases/process-bus-message.ts';
import type { RecordMeetingDeps } from '../shared/use-cases/record-meeting.ts';
import type { DeliveryFaults } from './faults.ts';
import type { QueueJournal } from './queue-journal.ts';

export const MAX_RECEIVES = 3;

export interface InProcessBusOptions {
  /** Messages handled at once, as a queue drained by that many consumers (the handlers are idempotent and order-independent). Default 1. */
  consumers?: number;
  /** The wait before the n-th redelivery is n times this (default 50 ms). */
  backoffMs?: number;
  /** Fails deliveries on purpose (local/faults.ts); absent in normal runs. */
  faults?: DeliveryFaults;
  /** Where messages wait on disk until handled (local/queue-journal.ts). */
  journal?: QueueJournal;
}

export interface QueueCounts {
  /** Deliveries that failed and were retried. */
  retries: number;
  deadLettered: number;
  processed: number;
}

/** The meeting a message is about; a body that does not parse is its own group (it will be dead-lettered). */
function meetingOf(body: string): string {
  try {
    const id = (JSON.parse(body) as { detail?: { meetingId?: unknown } }).detail?.meetingId;
    return typeof id === 'string' ? id : body;
  } catch {
    return body;
  }
}

/** A message waiting for a consumer, with the meeting it is about (read once, not on every drain). */
type Waiting = { body: string; meeting: string; deadLetters: DeadLetters; done: (result: 'processed' | 'dead-lettered') => void };

export class InProcessBus implements EventBus {
  readonly counts: QueueCounts = { retries: 0, deadLettered: 0, processed: 0 };
  private readonly waiting: Waiting[] = [];
  private active = 0;
  private readonly busy = new Set<string>();
  private readonly consumers: number;
  private readonly backoffMs: number;

  constructor(
    private readonly deps: RecordMeetingDeps,
    private readonly deadLetters: DeadLetters,
    private readonly options: InProcessBusOptions = {},
  ) {
    this.consumers = Math.max(1, options.consumers ?? 1);
    this.backoffMs = options.backoffMs ?? 50;
  }

  async put(events: readonly MeetingEvent[]): Promise<void> {
    const bodies = events.map(busMessageOf);
    const { journal } = this.options;
    if (!journal) return void (await Promise.all(bodies.map((body, i) => this.enqueue(body, events[i]!.meetingId, this.deadLetters))));
    const entries = await journal.append(bodies);
    await Promise.all(entries.map(async (entry, i) => (await this.enqueue(entry.body, events[i]!.meetingId, this.deadLetters), await journal.settle(entry.id))));
  }

  /** Delivers what the journal holds unsettled from an earlier run; the number of messages. */
  async resume(): Promise<number> {
    const { journal } = this.options;
    if (!journal) return 0;
    await Promise.all(journal.unsettled.map(async (entry) => (await this.enqueue(entry.body, meetingOf(entry.body), this.deadLetters), await journal.settle(entry.id))));
    return journal.unsettled.length;
  }

  /** One message again (a redrive): its outcome, and the reason it was dead-lettered again, if it was. */
  async redeliver(body: string): Promise<{ reason: string } | null> {
    let reason: string | null = null;
    const result = await this.enqueue(body, meetingOf(body), { send: async (_b, r) => void (reason = r) });
    return result === 'dead-lettered' ? { reason: reason ?? 'dead-lettered' } : null;
  }

  private enqueue(body: string, meeting: string, deadLetters: DeadLetters): Promise<'processed' | 'dead-lettered'> {
    return new Promise((done) => {
      this.waiting.push({ body, meeting, deadLetters, done });
      this.drain();
    });
  }

  /**
   * Next, the oldest message whose meeting is not being handled: one meeting's
   * deliveries never overlap (as an SQS FIFO message group would have it), so
   * a duplicate cannot race its twin to the same claims.
   */
  private drain(): void {
    while (this.active < this.consumers) {
      const i = this.waiting.findIndex((w) => !this.busy.has(w.meeting));
      if (i < 0) return;
      const [next] = this.waiting.splice(i, 1) as [Waiting];
      const { meeting } = next;
      this.active++;
      this.busy.add(meeting);
      void this.deliver(next.body, next.deadLetters).then((result) => {
        this.active--;
        this.busy.delete(meeting);
        next.done(result);
        this.drain();
      });
    }
  }

  private async deliver(body: string, deadLetters: DeadLetters): Promise<'processed' | 'dead-lettered'> {
    for (let receive = 1; ; receive++) {
      try {
        const result = await handleQueueMessage(
          body,
          receive,
          MAX_RECEIVES,
          async (b) => {
            this.options.faults?.beforeDelivery(b, receive);
            await processBusMessage(b, this.deps);
          },
          deadLetters,
        );
        if (result === 'dead-lettered') this.counts.deadLettered++;
        else this.counts.processed++;
        return result;
      } catch {
        this.counts.retries++;
        if (this.backoffMs > 0) await new Promise((r) => setTimeout(r, this.backoffMs * receive));
      }
    }
  }
}
