/**
 * The delivery queue in one process, what the delivery queue subscribed to
 * the topics is on AWS: a notice published by the pipeline is appended to
 * the journal (on disk) before `put` returns, and sent in the background
 * through the same use case as the delivery function; a failure is retried
 * with growing waits, then written to the dead letters with the reason. On
 * start-up, `resume` sends what a run that died had not settled; the claims
 * in the delivery log keep what was sent from going out again.
 */
import { randomUUID } from 'node:crypto';
import type { DeadLetters } from '../shared/ports/dead-letters.ts';
import { DeliveryMessage, deliveryIdOf } from '../shared/delivery/delivery-message.ts';
import { PermanentError } from '../shared/use-cases/errors.ts';
import { deliverNotice, type DeliveryDeps } from '../shared/use-cases/deliver-notice.ts';
import { handleQueueMessage } from '../shared/use-cases/handle-queue-message.ts';
import type { QueueJournal } from './queue-journal.ts';

/** Receives before a message is dead-lettered: with the waits below, a mail server may be away for about two minutes. */
export const DELIVERY_RECEIVES = 8;
/** Sends at once (default): also how many may be in the window between a send and its mark when the process dies. */
export const DELIVERY_CONSUMERS = 4;

export interface DeliveryQueueOptions {
  journal?: QueueJournal;
  consumers?: number;
  /** The wait before the n-th redelivery is this × 2^(n-1), at most a minute (default 1 s). */
  backoffMs?: number;
}

export interface DeliveryCounts {
  delivered: number;
  retries: number;
  deadLettered: number;
}

/** A queued delivery's body: the message under `delivery`, which tells a dead letter of it from a meeting's. */
export const deliveryBody = (m: DeliveryMessage): string => JSON.stringify({ delivery: m });
export const isDeliveryBody = (body: string): boolean => body.startsWith('{"delivery":');

function parseBody(body: string): DeliveryMessage {
  let json: unknown;
  try {
    json = (JSON.parse(body) as { delivery?: unknown }).delivery;
  } catch {
    throw new PermanentError('the delivery message is not JSON');
  }
  const parsed = DeliveryMessage.safeParse(json);
  if (!parsed.success) throw new PermanentError(`not a delivery message: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

const idOf = (body: string): string => {
  try {
    return deliveryIdOf(parseBody(body));
  } catch {
    return body;
  }
};

/** `stopped`: the queue was closed before the message was done with; it stays unsettled in the journal for the next start. */
type Outcome = 'processed' | 'dead-lettered' | 'stopped';
type Waiting = { body: string; id: string; claimant: string; deadLetters: DeadLetters; done: (r: Outcome) => void };

export class DeliveryQueue {
  readonly counts: DeliveryCounts = { delivered: 0, retries: 0, deadLettered: 0 };
  private readonly waiting: Waiting[] = [];
  private readonly busy = new Set<string>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private active = 0;
  private closed = false;

  constructor(
    private readonly deps: DeliveryDeps,
    private readonly deadLetters: DeadLetters,
    private readonly options: DeliveryQueueOptions = {},
  ) {}

  /** Accepts a notice for delivery: on disk when this returns, sent later. */
  async put(m: DeliveryMessage): Promise<void> {
    const body = deliveryBody(m);
    const { journal } = this.options;
    if (!journal) return void this.track(this.enqueue(body, randomUUID(), this.deadLetters));
    const [entry] = await journal.append([body]);
    // The journal entry's id is the claimant: after a restart the same message takes its own claims again.
    this.track(this.enqueue(body, entry!.id, this.deadLetters).then((r) => (r === 'stopped' ? undefined : journal.settle(entry!.id))));
  }

  /** Sends what the journal holds unsettled from an earlier run; the number of messages. */
  resume(): number {
    const { journal } = this.options;
    if (!journal) return 0;
    for (const entry of journal.unsettled) this.track(this.enqueue(entry.body, entry.id, this.deadLetters).then((r) => (r === 'stopped' ? undefined : journal.settle(entry.id))));
    return journal.unsettled.length;
  }

  /** One dead letter again (a redrive): null when it went through, else why it was dead-lettered again. */
  async redeliver(body: string): Promise<{ reason: string } | null> {
    let reason: string | null = null;
    const result = await this.enqueue(body, randomUUID(), { send: async (_b, r) => void (reason = r) });
    if (result === 'stopped') return { reason: 'the delivery queue was stopped' };
    return result === 'dead-lettered' ? { reason: reason ?? 'dead-lettered' } : null;
  }

  /** Resolves when nothing is waiting or being sent (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track(p: Promise<unknown>): void {
    const t = p.catch(() => undefined).finally(() => this.inFlight.delete(t));
    this.inFlight.add(t);
  }

  /** Stops: nothing more is taken or retried; what is not done stays in the journal. */
  close(): void {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.done('stopped');
  }

  private enqueue(body: string, claimant: string, deadLetters: DeadLetters): Promise<Outcome> {
    return new Promise((done) => {
      if (this.closed) return done('stopped');
      this.waiting.push({ body, id: idOf(body), claimant, deadLetters, done });
      this.drain();
    });
  }

  /** The oldest message whose notice is not being sent: two copies of one notice never race for its claims. */
  private drain(): void {
    while (this.active < Math.max(1, this.options.consumers ?? DELIVERY_CONSUMERS)) {
      const i = this.waiting.findIndex((w) => !this.busy.has(w.id));
      if (i < 0) return;
      const [next] = this.waiting.splice(i, 1) as [Waiting];
      const { id } = next;
      this.active++;
      this.busy.add(id);
      void this.deliver(next).then((result) => {
        this.active--;
        this.busy.delete(id);
        next.done(result);
        this.drain();
      });
    }
  }

  private async deliver(w: Waiting): Promise<Outcome> {
    const backoff = this.options.backoffMs ?? 1000;
    for (let receive = 1; ; receive++) {
      try {
        const result = await handleQueueMessage(w.body, receive, DELIVERY_RECEIVES, async (b) => void (await deliverNotice(parseBody(b), this.deps, w.claimant)), w.deadLetters);
        if (result === 'dead-lettered') this.counts.deadLettered++;
        else this.counts.delivered++;
        return result;
      } catch {
        if (this.closed) return 'stopped';
        this.counts.retries++;
        // Unref'd: a wait must not keep a stopping process alive.
        if (backoff > 0) await new Promise((r) => setTimeout(r, Math.min(60_000, backoff * 2 ** (receive - 1))).unref());
        if (this.closed) return 'stopped';
      }
    }
  }
}
