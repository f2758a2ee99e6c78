/**
 * The whole monitor on one machine: dynalite (on disk, or in memory, on its own thread) with the
 * stack's table, the same use cases and request handling as the Lambdas,
 * an in-process bus and queue, the daily sweeps, and an outbox of notifications.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { documentClient, dynamoPorts } from '../adapters/dynamodb/dynamo-ports.ts';
import type { DynamoLedgerStore } from '../adapters/dynamodb/ledger-store.ts';
import type { DynamoOrgStore } from '../adapters/dynamodb/org-store.ts';
import { createTableAndWait } from '../adapters/dynamodb/create-table.ts';
import { pipelineConfig } from '../shared/use-cases/pipeline-config.ts';
import type { ApiDeps } from '../shared/api/api-types.ts';
import { sweepProvince } from '../shared/use-cases/sweep-deadlines.ts';
import { realClock, SimulatedClock, type Clock } from './clock.ts';
import { DailySweeps, DIGEST_HOUR } from './daily-sweeps.ts';
import { startDynaliteThread } from './dynalite-thread.ts';
import { FileDeadLetters } from './file-dead-letters.ts';
import { apiServer } from './http-server.ts';
import { faultPlanFromEnv, Faults } from './faults.ts';
import { InProcessBus } from './in-process-bus.ts';
import { crashPlanFromEnv, withCrashPoint, withDeliveryCrashPoint } from './crash-points.ts';
import { QueueJournal } from './queue-journal.ts';
import { OutboxNotifier } from './outbox-notifier.ts';
import { CachedContacts } from './cached-contacts.ts';
import { DeliveringNotifier } from './delivering-notifier.ts';
import { localChannels } from './delivery-channels.ts';
import { DeliveryQueue, isDeliveryBody } from './delivery-queue.ts';
import { deliveryConfig } from '../shared/delivery/delivery-config.ts';
import { sendDigests } from '../shared/use-cases/send-digests.ts';
import type { DeliveryDeps } from '../shared/use-cases/deliver-notice.ts';
import { instantMs, localDateOf } from '../shared/calendar/period.ts';
import { authenticator, loadTokens } from './tokens.ts';

/** Where an instance keeps its dead letters; `chibo redrive` reads them there while it is stopped. */
export const deadLettersFileIn = (stateDir: string): string => join(stateDir, 'dead-letters.jsonl');
/** The in-process queue's messages until handled (local/queue-journal.ts). */
export const journalFileIn = (stateDir: string): string => join(stateDir, 'queue.jsonl');
/** The delivery queue's notices until sent (local/delivery-queue.ts). */
export const deliveryJournalFileIn = (stateDir: string): string => join(stateDir, 'deliveries.jsonl');

export const TABLE_NAME = 'chibo';
/** Consumers of the in-process meeting queue: POST /events waits for delivery, so concurrent recorders need more than one. */
const QUEUE_CONSUMERS = 8;

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is in use on 127.0.0.1; choose another with --port or PORT`);
  }
}

export interface RuntimeOptions {
  /** Where the store lives; null: in memory, gone on exit. Outbox and dead letters go beside it. */
  dataDir: string | null;
  /** Folder of outbox.jsonl, dead-letters.jsonl and state.json. */
  stateDir: string;
  port: number;
  /** A simulated clock starting here (ms), or the real clock. */
  simulatedStart: number | null;
  tokensFile: string;
  console: NodeJS.WritableStream | null;
  env?: NodeJS.ProcessEnv;
}

interface State {
  lastSweep: number;
  /** The last 07:00 whose digests ran. */
  lastDigest?: number;
  clock?: number;
}

export interface Runtime {
  url: string;
  clock: Clock;
  api: ApiDeps;
  store: DynamoLedgerStore;
  orgStore: DynamoOrgStore;
  /** Lets a demo replay the past: while set, the use cases see this instant. */
  timeTravel(ms: number | null): void;
  sweepAll(at: string): Promise<void>;
  setClock: ((ms: number) => Promise<void>) | null;
  outboxFile: string;
  /** The tokens file that was read and how many tokens it holds; null: none was, only 127.0.0.1 is served, as admin. */
  tokens: { file: string; count: number } | null;
  /** Messages a run that died had accepted and not finished, delivered at start-up. */
  resumed: number;
  /** Notices a run that died had queued for delivery and not sent, sent again at start-up. */
  resumedDeliveries: number;
  /** The delivery of notices to people; `idle()` waits for what is queued. */
  deliveries: DeliveryQueue;
  /** One line per channel: where it sends, or that it is off. */
  channels: string[];
  /** The digests due at this instant (07:00), for every province. */
  sendDigests(at: string): Promise<void>;
  /** One dead-lettered message through the queue again: null when it was processed, else why it was dead-lettered again. */
  redeliver(body: string): Promise<{ reason: string } | null>;
  close(): Promise<void>;
}

async function ensureTable(client: DynamoDBClient): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: TABLE_NAME }));
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException) && (err as Error).name !== 'ResourceNotFoundException') throw err;
    await createTableAndWait(client, TABLE_NAME);
  }
}

export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  await mkdir(options.stateDir, { recursive: true });
  if (options.dataDir) await mkdir(dirname(options.dataDir), { recursive: true });
  const db = await startDynaliteThread(options.dataDir);
  const client = new DynamoDBClient({ endpoint: db.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureTable(client);
  // A failure drill (CHIBO_FAULTS, docs/operations.md); unset, nothing of it is on any path.
  const plan = faultPlanFromEnv((options.env ?? process.env)['CHIBO_FAULTS']);
  const faults = plan ? new Faults(plan) : null;
  if (faults) faults.attach(client);
  const dynamo = dynamoPorts(documentClient(client), TABLE_NAME);

  const stateFile = join(options.stateDir, 'state.json');
  const saved: State | null = await readFile(stateFile, 'utf8').then((t) => JSON.parse(t) as State, () => null);
  const clock: Clock = options.simulatedStart === null ? realClock : new SimulatedClock(saved?.clock ?? options.simulatedStart);
  const state: State = { lastSweep: saved?.lastSweep ?? clock.now(), ...(clock.simulated ? { clock: clock.now() } : {}) };
  const saveState = () => writeFile(stateFile, JSON.stringify(state));

  let travelled: number | null = null;
  const { store, orgStore } = dynamo;
  const outboxFile = join(options.stateDir, 'outbox.jsonl');
  const outbox = new OutboxNotifier(outboxFile, options.console);
  const env = options.env ?? process.env;
  const channels = localChannels(env);
  const now = () => travelled ?? clock.now();
  const crash = crashPlanFromEnv(env['CHIBO_CRASH_AT']);
  const deliveryPorts = crash ? withDeliveryCrashPoint(crash, dynamo.deliveries, channels.senders) : { log: dynamo.deliveries, senders: channels.senders };
  const contacts = new CachedContacts(dynamo.contacts);
  const deliveryDeps: DeliveryDeps = { contacts, ...deliveryPorts, config: deliveryConfig(env), now };
  const deliveryJournal = options.dataDir ? await QueueJournal.open(deliveryJournalFileIn(options.stateDir)) : null;
  const retryMs = env['CHIBO_DELIVERY_RETRY_MS'];
  const deliveries = new DeliveryQueue(deliveryDeps, new FileDeadLetters(deadLettersFileIn(options.stateDir)), {
    ...(deliveryJournal ? { journal: deliveryJournal } : {}),
    ...(retryMs !== undefined ? { backoffMs: Number(retryMs) } : {}),
  });
  const delivering = new DeliveringNotifier(outbox, deliveries);
  const notifier = faults ? faults.notifier(delivering) : delivering;
  // A crash drill (CHIBO_CRASH_AT); unset, the ports are the adapters themselves.
  const ports = crash ? withCrashPoint(crash, store, notifier) : { store, notifier };
  const deps = { ...ports, config: pipelineConfig(env), now };
  // On disk only beside a store on disk: replayed into an empty store in memory, a message would find no org.
  const journal = options.dataDir ? await QueueJournal.open(journalFileIn(options.stateDir)) : null;
  const bus = new InProcessBus(deps, new FileDeadLetters(deadLettersFileIn(options.stateDir)), { consumers: QUEUE_CONSUMERS, ...(faults ? { faults } : {}), ...(journal ? { journal } : {}) });
  const sweepAll = async (at: string) => {
    for (const provinceId of await store.provinces()) await sweepProvince({ provinceId, at }, deps);
  };
  const sweeps = new DailySweeps(clock, state.lastSweep, sweepAll, async (ms) => {
    state.lastSweep = ms;
    await saveState();
  });
  // The digests of a day, claimed by the day: a rerun after a crash takes its own claims again (one process per home).
  const digestAll = async (at: string) => {
    const ms = instantMs(at);
    for (const provinceId of await store.provinces()) await sendDigests(provinceId, ms, deliveryDeps, `digest:${localDateOf(ms)}`);
  };
  const digests = new DailySweeps(
    clock,
    state.lastDigest ?? state.lastSweep,
    digestAll,
    async (ms) => {
      state.lastDigest = ms;
      await saveState();
    },
    DIGEST_HOUR,
  );
  /** Sweeps and digests due by now, in the order of their hours: each day's 06:00 sweep before its 07:00 digests. */
  // On a simulated clock each runs at its own instant, and its notices are delivered before the next: so a digest holds what that day's sweep raised.
  const catchUp = async () => {
    for (let next = Math.min(sweeps.next(), digests.next()); next <= clock.now(); next = Math.min(sweeps.next(), digests.next())) {
      travelled = next;
      try {
        await (sweeps.next() === next ? sweeps.catchUp(next) : digests.catchUp(next));
        await Promise.race([deliveries.idle(), new Promise((r) => setTimeout(r, 30_000).unref())]);
      } finally {
        travelled = null;
      }
    }
  };
  const setClock =
    clock instanceof SimulatedClock
      ? async (ms: number) => {
          clock.set(ms);
          state.clock = clock.now();
          await saveState();
          await catchUp();
        }
      : null;

  let provinces: string[] = (await orgStore.meta())?.provinces ?? [];
  const api: ApiDeps = {
    orgStore: {
      replace: async (s) => {
        const counts = await orgStore.replace(s);
        provinces = (await orgStore.meta())?.provinces ?? [];
        return counts;
      },
      unitPaths: (ids) => orgStore.unitPaths(ids),
      eventReferences: (units, leaders) => orgStore.eventReferences(units, leaders),
      provinces: async () => provinces,
      provinceUnits: (provinceId) => orgStore.provinceUnits(provinceId),
      unitOrg: (unitId, options) => orgStore.unitOrg(unitId, options),
    },
    ledger: dynamo.ledger,
    bus,
    reports: dynamo.reports,
    decisions: dynamo.decisions,
    contacts,
    deliveries: dynamo.deliveries,
    config: deps.config,
    now: () => clock.now(),
  };
  const tokens = await loadTokens(options.tokensFile);
  const server = apiServer(api, authenticator(tokens, () => provinces), { setClock });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => resolve());
    });
  } catch (err) {
    await journal?.close();
    await deliveryJournal?.close();
    channels.close();
    client.destroy();
    await db.close();
    throw (err as NodeJS.ErrnoException).code === 'EADDRINUSE' ? new PortInUseError(options.port) : err;
  }
  await saveState();
  // What a run that died had accepted and not finished, before the sweeps: they may need its meetings.
  const resumed = await bus.resume();
  const resumedDeliveries = deliveries.resume();
  sweeps.start();
  digests.start();

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    clock,
    api,
    store,
    orgStore,
    timeTravel: (ms) => void (travelled = ms),
    sweepAll,
    setClock,
    outboxFile,
    tokens: tokens ? { file: options.tokensFile, count: Object.keys(tokens.tokens).length } : null,
    redeliver: (body) => (isDeliveryBody(body) ? deliveries.redeliver(body) : bus.redeliver(body)),
    resumed,
    resumedDeliveries,
    deliveries,
    channels: channels.banner,
    sendDigests: digestAll,
    async close() {
      await sweeps.stop();
      await digests.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Sends under way get a moment to finish; what is left stays in the journal for the next start.
      await Promise.race([deliveries.idle(), new Promise((r) => setTimeout(r, 5000).unref())]);
      deliveries.close();
      channels.close();
      await deliveryJournal?.close();
      await journal?.close();
      client.destroy();
      await db.close();
    },
  };
}
