/**
 * Injected faults, for tests and failure drills: a seeded share of DynamoDB
 * requests fail as throttled or as a 5xx, of notifier publishes, and of
 * queue deliveries. Whether the n-th sighting of a thing fails depends only
 * on the seed, the thing and n, so a run fails the same calls however
 * concurrent work interleaves. Nothing here is on any path unless a plan is
 * given.
 */
import { createHash } from 'node:crypto';
import { DynamoDBServiceException, InternalServerError, ProvisionedThroughputExceededException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Notification, Notifier } from '../shared/ports/notifier.ts';

export interface FaultPlan {
  seed: number;
  /** Share of DynamoDB requests (each SDK attempt, so the SDK's own retries see them) that fail. */
  dynamo?: number;
  /** Share of notifications whose first publish fails before anything is sent: the handler dies between its ledger writes and its notice. */
  publish?: number;
  /** Share of queue deliveries that fail before the handler runs (a crashed or timed-out consumer). */
  delivery?: number;
  /** Share of queue messages whose every delivery fails while faults are on: they exhaust their receives and are dead-lettered. */
  poison?: number;
}

export interface FaultCounts {
  dynamo: number;
  publish: number;
  delivery: number;
  /** Notifications that went out (publishes that did not fail). */
  notifications: number;
}

export class InjectedFault extends Error {}

/** The hook the in-process queue calls before each delivery; it throws to fail it. */
export interface DeliveryFaults {
  beforeDelivery(body: string, receive: number): void;
}

const HTTP = { httpStatusCode: 0, attempts: 1, totalRetryDelay: 0 };

export class Faults implements DeliveryFaults {
  readonly counts: FaultCounts = { dynamo: 0, publish: 0, delivery: 0, notifications: 0 };
  /** Off: everything passes (a drill's recovery phase, a redrive). */
  enabled = true;
  private readonly seen = new Map<string, number>();

  constructor(readonly plan: FaultPlan) {}

  get injected(): number {
    return this.counts.dynamo + this.counts.publish + this.counts.delivery;
  }

  /** A uniform draw in [0, 1) for this kind and key, stable under reordering. */
  private draw(kind: string, key: string, occurrence: number | null): number {
    let n = 0;
    if (occurrence === null) {
      const seenKey = `${kind}|${key}`;
      n = (this.seen.get(seenKey) ?? 0) + 1;
      this.seen.set(seenKey, n);
    } else n = occurrence;
    const digest = createHash('sha256').update(`${this.plan.seed}|${kind}|${key}|${n}`).digest();
    return digest.readUInt32BE(0) / 2 ** 32;
  }

  private hits(kind: string, share: number | undefined, key: string, occurrence: number | null = null): boolean {
    if (!this.enabled || !share) return false;
    return this.draw(kind, key, occurrence) < share;
  }

  /** Fails a share of the client's requests before they are sent, inside the SDK's retry loop (as a throttled or failing DynamoDB would). */
  attach(client: DynamoDBClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const request = args.request as { headers?: Record<string, string>; body?: unknown };
        const key = `${request.headers?.['x-amz-target'] ?? context.commandName}|${String(request.body)}`;
        if (this.hits('dynamo', this.plan.dynamo, key)) {
          this.counts.dynamo++;
          throw this.dynamoError(key);
        }
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low', name: 'chiboFaults' },
    );
  }

  /** A third each: ProvisionedThroughputExceededException, ThrottlingException (both throttling), InternalServerError (500). */
  private dynamoError(key: string): Error {
    const pick = this.draw('dynamo-kind', key, 1);
    const message = 'injected fault';
    if (pick < 1 / 3) return new ProvisionedThroughputExceededException({ message, $metadata: { ...HTTP, httpStatusCode: 400 } });
    if (pick < 2 / 3) return new DynamoDBServiceException({ name: 'ThrottlingException', $fault: 'client', message, $metadata: { ...HTTP, httpStatusCode: 400 } });
    return new InternalServerError({ message, $metadata: { ...HTTP, httpStatusCode: 500 } });
  }

  /** A notifier whose first publish of a share of notifications throws before anything is sent; counts what goes out. */
  notifier(inner: Notifier): Notifier {
    return {
      publish: async (n: Notification) => {
        const key = `${JSON.stringify(n.attributes)}|${n.subject}|${n.body}`;
        const first = !this.seen.has(`publish|${key}`);
        this.seen.set(`publish|${key}`, 1);
        if (first && this.hits('publish', this.plan.publish, key, 1)) {
          this.counts.publish++;
          throw new InjectedFault(`injected fault: publish to ${n.attributes.recipientId} failed`);
        }
        await inner.publish(n);
        this.counts.notifications++;
      },
    };
  }

  beforeDelivery(body: string, receive: number): void {
    if (this.hits('poison', this.plan.poison, body, 1) || this.hits('delivery', this.plan.delivery, body)) {
      this.counts.delivery++;
      throw new InjectedFault(`injected fault: delivery ${receive} failed`);
    }
  }
}

/** `CHIBO_FAULTS=seed:dynamo:publish:delivery:poison` (shares, e.g. `7:0.2:0.2:0.05:0.01`), for a drill of the embedded default; unset: null. */
export function faultPlanFromEnv(value: string | undefined): FaultPlan | null {
  if (!value) return null;
  const [seed, dynamo, publish, delivery, poison] = value.split(':').map(Number);
  const shares = [dynamo, publish, delivery, poison];
  if (!Number.isInteger(seed) || shares.some((s) => s !== undefined && !(s >= 0 && s <= 1))) throw new Error(`CHIBO_FAULTS: expected seed:dynamo:publish:delivery:poison with shares in [0, 1], not "${value}"`);
  return { seed: seed!, ...(dynamo === undefined ? {} : { dynamo }), ...(publish === undefined ? {} : { publish }), ...(delivery === undefined ? {} : { delivery }), ...(poison === undefined ? {} : { poison }) };
}
