/**
 * The pipeline as the queues run it, with faults injected (local/faults.ts):
 * meeting events through the in-process queue (retries, MAX_RECEIVES, dead
 * letters), province sweeps through handleQueueMessage as the
 * evaluate-deadlines consumer runs them; DynamoDB through a second client on
 * the test's dynalite with the fault middleware, so assertions (scanAll)
 * read past the faults.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { DynamoLedgerStore } from '../../adapters/dynamodb/ledger-store.ts';
import { DynamoOrgStore } from '../../adapters/dynamodb/org-store.ts';
import { Faults, type FaultPlan } from '../../local/faults.ts';
import { InProcessBus, MAX_RECEIVES } from '../../local/in-process-bus.ts';
import { instantMs } from '../../shared/calendar/period.ts';
import type { MeetingEvent } from '../../shared/contract/events.ts';
import { OrgSnapshot } from '../../shared/contract/org.ts';
import type { DeadLetters } from '../../shared/ports/dead-letters.ts';
import { handleQueueMessage } from '../../shared/use-cases/handle-queue-message.ts';
import type { PipelineConfig } from '../../shared/use-cases/pipeline-config.ts';
import { sweepProvince } from '../../shared/use-cases/sweep-deadlines.ts';
import type { LocalDynamo } from './dynamo.ts';
import { Pipeline, RecordingNotifier } from './pipeline.ts';

export class MemoryDeadLetters implements DeadLetters {
  letters: Array<{ body: string; reason: string }> = [];
  async send(body: string, reason: string): Promise<void> {
    this.letters.push({ body, reason });
  }
  /** Takes them all out (a redrive moves them back to the queue). */
  take(): Array<{ body: string; reason: string }> {
    const out = this.letters;
    this.letters = [];
    return out;
  }
}

/** A client of the test's dynalite whose requests fail as `faults` says; the SDK retries each up to `attempts` times, without waiting (tests never wait on time). */
export function faultyDocumentClient(dynamo: LocalDynamo, faults: Faults, attempts: number): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    retryStrategy: new ConfiguredRetryStrategy(attempts, 0),
  });
  faults.attach(client);
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

const SWEEP = 'sweep';

export interface RunFigures {
  events: number;
  faultsInjected: number;
  retries: number;
  deadLettered: number;
  redriven: number;
  notifications: number;
}

/**
 * One run: the org, the events put on the queue in batches, then (after the
 * meetings' dead letters are redriven, as ops do before a sweep) one sweep
 * per province at `sweepAt` through its queue, and its dead letters redriven.
 * Redrives run with faults off: the cause has been fixed.
 */
export class QueuedPipeline {
  readonly faults: Faults;
  readonly notifier = new RecordingNotifier();
  readonly deadLetters = new MemoryDeadLetters();
  readonly bus: InProcessBus;
  readonly store: DynamoLedgerStore;
  readonly view: Pipeline;
  /** Every dead letter as it was written, with its reason. */
  readonly deadLettersSeen: Array<{ body: string; reason: string }> = [];
  sweepRetries = 0;
  redriven = 0;

  constructor(
    readonly dynamo: LocalDynamo,
    private readonly config: PipelineConfig,
    now: string,
    plan: FaultPlan | null,
    consumers = 8,
  ) {
    this.faults = new Faults(plan ?? { seed: 0 });
    const db = plan ? faultyDocumentClient(dynamo, this.faults, 3) : dynamo.db;
    this.store = new DynamoLedgerStore(db, dynamo.table);
    const deps = { store: this.store, notifier: this.faults.notifier(this.notifier), config, now: () => instantMs(now) };
    this.bus = new InProcessBus(deps, this.deadLetters, { consumers, backoffMs: 0, ...(plan ? { faults: this.faults } : {}) });
    this.view = new Pipeline(dynamo, config.packs, new Date(config.from).toISOString(), now, config.everywhere);
  }

  async loadOrg(org: unknown): Promise<void> {
    await new DynamoOrgStore(this.dynamo.db, this.dynamo.table).replace(OrgSnapshot.parse(org));
  }

  async record(events: readonly MeetingEvent[], batch = 25): Promise<void> {
    const batches = [];
    for (let i = 0; i < events.length; i += batch) batches.push(this.bus.put(events.slice(i, i + batch)));
    await Promise.all(batches);
    await this.redrive();
  }

  async sweep(at: string): Promise<void> {
    const provinces = await this.view.store.provinces();
    await Promise.all(provinces.map((provinceId) => this.deliverSweep(JSON.stringify({ provinceId, at }), this.deadLetters)));
    await this.redrive();
  }

  /** As evaluate-deadlines consumes a sweep message: retried up to MAX_RECEIVES, then dead-lettered. */
  private async deliverSweep(body: string, deadLetters: DeadLetters): Promise<'processed' | 'dead-lettered'> {
    const deps = { store: this.store, notifier: this.faults.notifier(this.notifier), config: this.config };
    for (let receive = 1; ; receive++) {
      try {
        return await handleQueueMessage(
          body,
          receive,
          MAX_RECEIVES,
          async (b) => {
            this.faults.beforeDelivery(`${SWEEP}|${b}`, receive);
            await sweepProvince(JSON.parse(b) as { provinceId: string; at: string }, deps);
          },
          deadLetters,
        );
      } catch {
        this.sweepRetries++;
      }
    }
  }

  /** Faults off; every dead letter back through its queue, until none is left. */
  private async redrive(): Promise<void> {
    const letters = this.deadLetters.take();
    if (letters.length === 0) return;
    this.deadLettersSeen.push(...letters);
    const enabled = this.faults.enabled;
    this.faults.enabled = false;
    try {
      for (const { body, reason } of letters) {
        const sweep = 'provinceId' in (JSON.parse(body) as object);
        const again = sweep ? ((await this.deliverSweep(body, this.deadLetters)) === 'dead-lettered' ? this.deadLetters.take()[0] : null) : await this.bus.redeliver(body);
        if (again) throw new Error(`redrive failed (first: ${reason}; again: ${again.reason}): ${body.slice(0, 200)}`);
        this.redriven++;
      }
    } finally {
      this.faults.enabled = enabled;
    }
  }

  figures(events: number): RunFigures {
    return {
      events,
      faultsInjected: this.faults.injected,
      retries: this.bus.counts.retries + this.sweepRetries,
      deadLettered: this.deadLettersSeen.length,
      redriven: this.redriven,
      notifications: this.faults.counts.notifications,
    };
  }
}
