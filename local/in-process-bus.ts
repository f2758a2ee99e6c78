/**
 * The bus and the meetings queue in one process: `put` delivers each event as
 * the queue would (the same envelope, the same handler code), retrying a
 * failure up to the queue's receive count, then writing it to the dead-letter
 * file with the reason. Delivery is done when `put` returns.
 */
import type { MeetingEvent } from '../shared/contract/events.ts';
import type { DeadLetters } from '../shared/ports/dead-letters.ts';
import type { EventBus } from '../shared/ports/event-bus.ts';
import { handleQueueMessage } from '../shared/use-cases/handle-queue-message.ts';
import { busMessageOf, processBusMessage } from '../shared/use-cases/process-bus-message.ts';
import type { RecordMeetingDeps } from '../shared/use-cases/record-meeting.ts';

export const MAX_RECEIVES = 3;

export class InProcessBus implements EventBus {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: RecordMeetingDeps,
    private readonly deadLetters: DeadLetters,
  ) {}

  /** One delivery at a time, like a queue drained by one consumer. */
  put(events: readonly MeetingEvent[]): Promise<void> {
    const run = this.tail.then(async () => {
      for (const event of events) await this.deliver(busMessageOf(event));
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async deliver(body: string): Promise<void> {
    for (let receive = 1; ; receive++) {
      try {
        await handleQueueMessage(body, receive, MAX_RECEIVES, async (b) => void (await processBusMessage(b, this.deps)), this.deadLetters);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 50 * receive));
      }
    }
  }
}
