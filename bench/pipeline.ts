/**
 * The meeting pipeline on a real DynamoDB engine: dynalite in memory on
 * 127.0.0.1, in this process (as the tests and the embedded runtime run it),
 * with the stack's table; the org loaded with DynamoOrgStore.replace (not
 * timed); then the first `maxEvents` events of a synthetic province, in file
 * order, through the real use case `recordMeeting` with what the Lambda
 * builds (functions/wiring/pipeline-deps.ts: every built-in pack, RULE_PACKS
 * yb-qd18, MONITOR_FROM 2026-01, the project's meter on the client), with
 * `concurrency` events in flight as an SQS batch fans in. SNS is not
 * DynamoDB: the notifier only counts; notification claims are DynamoDB writes
 * and count. Each event's clock (`now`) is its own recordedAt.
 *
 * How each figure is measured:
 * - Per event, exactly, at full concurrency: each of the `concurrency` slots
 *   has its own client, meter and store (as separate Lambda containers do)
 *   and takes one event at a time, so the meter reset around an event sees
 *   that event's calls, sequential round trips and capacity alone. (A shared
 *   client's meter cannot: it counts a round trip when a call starts while
 *   none is in flight, whoever's.) calls, WRU and RRU per event are the means
 *   over all events; round trips the mean and the maximum.
 * - itemWritesPerSecond: successful PutItem/UpdateItem/DeleteItem calls
 *   (conditional-check failures excluded) plus BatchWriteItem items
 *   processed, during the timed pass, ÷ its seconds.
 * - rawWritesPerSecond: after the events, on a fresh table of the same
 *   server, through the same kind of clients (metered, one per slot), plain
 *   single-item PutItem of ~400-byte items at the same concurrency.
 * - sweep: after the events, the runtime's daily sweep of the first day of
 *   the month opens the month's periods (and, this being the first sweep,
 *   every period since MONITOR_FROM); timed and reported as `opening`. Then
 *   the metered deadline sweep: local midnight after the last event, and no
 *   earlier than the previous month's violation instant (its end plus the
 *   packs' grace days).
 *
 * The server's keep-alive timeout is off (Node's is 5 s): a sweep blocks the
 * event loop for seconds (starting thousands of writes at once in
 * saveAndAnnounce) to minutes (reconciling every opened entry of a large
 * province: that grows with entries × province), and meanwhile the server
 * closes pooled sockets that the client then writes to: ECONNRESET, not
 * retried, and the sweep fails.
 *
 *   node --import tsx bench/pipeline.ts [--cells 700] [--events 2000] [--concurrency 8] [--raw 5000] [--seed 2026] [--json]
 */
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { createTableAndWait } from '../adapters/dynamodb/create-table.ts';
import { documentClient } from '../adapters/dynamodb/dynamo-ports.ts';
import { DynamoLedgerStore } from '../adapters/dynamodb/ledger-store.ts';
import { meterDynamo, type Meter } from '../adapters/dynamodb/metering.ts';
import { DynamoOrgStore } from '../adapters/dynamodb/org-store.ts';
import { pipelineConfig } from '../shared/use-cases/pipeline-config.ts';
import { DAY_MS, formatInstant, instantMs, localDateOf, periodBounds, periodOf, startOfLocalDate } from '../shared/calendar/period.ts';
import { MeetingEvent } from '../shared/contract/events.ts';
import type { OrgSnapshot } from '../shared/contract/org.ts';
import { parseOrg } from '../shared/org/parse-org.ts';
import type { RegisterWrite } from '../shared/ports/ledger-store.ts';
import type { Notification, Notifier } from '../shared/ports/notifier.ts';
import type { PipelineConfig } from '../shared/use-cases/pipeline-config.ts';
import { recordMeeting } from '../shared/use-cases/record-meeting.ts';
import { sweepProvince } from '../shared/use-cases/sweep-deadlines.ts';
import { DEFAULT_CELLS as DEFAULT_PROVINCE_CELLS, DEFAULT_OUT_DIR, DEFAULT_SEED, existingData, generateProvince, integerOption } from './generate-province.ts';

/** What the Lambda's environment says (shared/use-cases/pipeline-config.ts (pipelineConfig)). */
export const PIPELINE_ENV = { RULE_PACKS: 'yb-qd18', MONITOR_FROM: '2026-01' } as const;
/** 700 cells (17.5k members) load in ~1.5 s; 7,000 (168k members) in ~14 s, and their first sweep opens ten times the obligations. */
export const DEFAULT_CELLS = 700;
/** About 100 events/s on this engine: with the raw writes and the sweeps (whose first one opens every period since January), ~40 s in all. */
export const DEFAULT_MAX_EVENTS = 2000;
export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_RAW_PUTS = 5000;
const RAW_PAYLOAD_BYTES = 350;
const RAW_WARM_UP = 500;

export const TARGET_OVERHEAD_RATIO = 0.7;
export const TARGET_MAX_ROUND_TRIPS = 3;

export interface PipelineOptions {
  /** Both files, or neither: the province of `cells` cells generated with `seed` (bench/data for the standard 7,000, else under the temp folder). */
  orgFile?: string;
  eventsFile?: string;
  cells?: number;
  seed?: number;
  maxEvents?: number;
  concurrency?: number;
  /** Plain PutItem calls for the raw write rate. */
  rawPuts?: number;
  /** Hears each phase as it ends. */
  log?: (line: string) => void;
}

export interface SweepFigures {
  seconds: number;
  calls: number;
  roundTrips: number;
  wru: number;
  rru: number;
}

export interface PipelineResult {
  events: number;
  seconds: number;
  meetingsPerSecond: number;
  callsPerEvent: number;
  /** Mean. */
  roundTripsPerEvent: number;
  maxRoundTrips: number;
  wruPerEvent: number;
  rruPerEvent: number;
  itemWritesPerSecond: number;
  rawWritesPerSecond: number;
  overheadRatio: number;
  sweep: SweepFigures & { at: string; reconciled: number; notified: number; byCommand: Record<string, number> };
  orgCells: number;
  orgMembers: number;
  /** How the figures above were obtained, and what else was seen. */
  details: {
    concurrency: number;
    orgUnits: number;
    orgLeaders: number;
    orgLoadSeconds: number;
    firstRecordedAt: string;
    lastRecordedAt: string;
    outcomes: Record<string, number>;
    failed: number;
    /** Events by their number of sequential round trips. */
    roundTripHistogram: Record<string, number>;
    maxCalls: number;
    /** The event with the most round trips (the first such). */
    worstEvent: { eventId: string; type: string; roundTrips: number; byCommand: Record<string, number> };
    byCommand: Record<string, number>;
    itemWrites: number;
    conditionalCheckFailures: number;
    notificationsPublished: number;
    /** CPU seconds of this process (client and dynalite alike) in the timed pass: the rates per CPU second hold when other processes compete for the cores. */
    cpuSeconds: number;
    raw: { puts: number; seconds: number; cpuSeconds: number; itemBytes: number; concurrency: number };
    /** itemWrites per CPU second ÷ raw puts per CPU second. */
    overheadRatioCpu: number;
    /** The pipeline's own most frequent write alone (DynamoLedgerStore.writeRegister: a conditional UpdateItem returning the entry), half as many as the raw puts, same concurrency, fresh table. */
    registerWrites: { writes: number; seconds: number; perSecond: number };
    /** itemWritesPerSecond ÷ registerWrites.perSecond: what the pipeline costs beyond the kind of write it is made of. */
    overheadRatioVsRegisterWrites: number;
    opening: SweepFigures & { at: string; opened: number; reconciled: number; notified: number };
  };
}

// ---------------------------------------------------------------- engine

/** Successful item writes and conditional-check failures, counted on a client beside the project's meter. */
interface WriteCounts {
  itemWrites: number;
  conditionalCheckFailures: number;
}

const SINGLE_WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand']);
const requestCount = (byTable: Record<string, unknown[]> | undefined) => Object.values(byTable ?? {}).reduce((n, rs) => n + rs.length, 0);

function countWrites(client: DynamoDBClient): WriteCounts {
  const counts: WriteCounts = { itemWrites: 0, conditionalCheckFailures: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? '';
      try {
        const result = await next(args);
        if (SINGLE_WRITES.has(name)) counts.itemWrites++;
        else if (name === 'BatchWriteItemCommand') {
          const sent = requestCount((args.input as { RequestItems?: Record<string, unknown[]> }).RequestItems);
          counts.itemWrites += sent - requestCount((result.output as { UnprocessedItems?: Record<string, unknown[]> }).UnprocessedItems);
        }
        return result;
      } catch (err) {
        if ((err as Error).name === 'ConditionalCheckFailedException') counts.conditionalCheckFailures++;
        throw err;
      }
    },
    { step: 'initialize', name: 'benchWriteCounter' },
  );
  return counts;
}

/** One client as functions/wiring/pipeline-deps.ts builds it (the meter on it, the document client over it), plus the write counter. */
interface Connection {
  db: DynamoDBDocumentClient;
  meter: { readonly meter: Meter; reset(): Meter };
  writes: WriteCounts;
}

interface Engine {
  connect(): Connection;
  createTable(name: string): Promise<string>;
  stop(): Promise<void>;
}

async function startEngine(): Promise<Engine> {
  const server = dynalite({ createTableMs: 0 });
  server.keepAliveTimeout = 0;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const clients: DynamoDBClient[] = [];
  const connect = (): Connection => {
    const client = new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    clients.push(client);
    const meter = meterDynamo(client);
    const writes = countWrites(client);
    return { db: documentClient(client), meter, writes };
  };
  const admin = new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  clients.push(admin);
  return {
    connect,
    async createTable(name) {
      await createTableAndWait(admin, name);
      return name;
    },
    async stop() {
      for (const c of clients) c.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ---------------------------------------------------------------- data

async function readEvents(file: string, max: number): Promise<MeetingEvent[]> {
  const events: MeetingEvent[] = [];
  if (max <= 0) return events;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    const parsed = MeetingEvent.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${n}: not a meeting event: ${parsed.error.message}`);
    events.push(parsed.data);
    if (events.length >= max) break;
  }
  lines.close();
  return events;
}

async function readOrg(file: string): Promise<OrgSnapshot> {
  const parsed = parseOrg(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.ok) throw new Error(`${file}: not a valid org: ${parsed.issues.slice(0, 3).map((i) => i.message).join('; ')}`);
  return parsed.value.snapshot;
}

/**
 * A generated province's files. The standard 7,000 cells: bench/data, used
 * as it is when there (other benchmarks read it; they regenerate it), else
 * generated. Other sizes: under the temp folder, reused while the generator
 * is unchanged.
 */
async function provinceFiles(cells: number, seed: number): Promise<{ orgFile: string; eventsFile: string }> {
  const standard = cells === DEFAULT_PROVINCE_CELLS && seed === DEFAULT_SEED;
  const outDir = standard ? DEFAULT_OUT_DIR : join(tmpdir(), `chibo-bench-province-${cells}-${seed}`);
  const files = { orgFile: join(outDir, 'org.json'), eventsFile: join(outDir, 'events.jsonl') };
  const present = async () => (await Promise.all([access(files.orgFile), access(files.eventsFile)]).then(() => true, () => false));
  if (standard ? !(await present()) : !(await existingData({ seed, cells, outDir }))) {
    console.log(`generating a province of ${fmt(cells)} cells (seed ${seed}) in ${outDir} …`);
    await generateProvince({ seed, cells, outDir });
  }
  return files;
}

// ---------------------------------------------------------------- pipeline

class CountingNotifier implements Notifier {
  published = 0;
  async publish(_: Notification): Promise<void> {
    this.published++;
  }
}

const seconds = (since: number) => (performance.now() - since) / 1000;
const cpuSince = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1e6;
};

/** `fn` over `items` in order, `slots` at a time, each slot taking the next item when its last is done. */
async function fanIn<T>(items: readonly T[], slots: number, fn: (item: T, slot: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (slot: number) => {
    while (next < items.length) await fn(items[next++]!, slot);
  };
  await Promise.all(Array.from({ length: Math.min(slots, items.length) }, (_, slot) => worker(slot)));
}

/**
 * Local midnight after the last event, or later in that month: no earlier
 * than the previous month's violation instant (its end plus the grace days),
 * so that month's violations are due, and after the month's opening sweep.
 */
export function deadlineSweepInstant(lastRecordedAt: number, graceDays: number): number {
  const nextMidnight = startOfLocalDate(localDateOf(lastRecordedAt)) + DAY_MS;
  const previousMonthViolation = periodBounds(periodOf(nextMidnight, 'month')).start + graceDays * DAY_MS;
  return Math.max(nextMidnight, previousMonthViolation);
}

async function sweepAll(at: number, store: DynamoLedgerStore, config: PipelineConfig, connection: Connection) {
  const notifier = new CountingNotifier();
  const totals = { opened: 0, reconciled: 0, notified: 0 };
  connection.meter.reset();
  const started = performance.now();
  for (const provinceId of await store.provinces()) {
    const r = await sweepProvince({ provinceId, at: formatInstant(at) }, { store, notifier, config });
    totals.opened += r.opened;
    totals.reconciled += r.reconciled;
    totals.notified += r.notified;
  }
  const elapsed = seconds(started);
  const m = connection.meter.reset();
  return { at: formatInstant(at), seconds: elapsed, calls: m.calls, roundTrips: m.roundTrips, wru: m.writeUnits, rru: m.readUnits, byCommand: m.byCommand, ...totals };
}

export async function benchPipeline(opts: PipelineOptions): Promise<PipelineResult> {
  const maxEvents = opts.maxEvents ?? DEFAULT_MAX_EVENTS;
  const concurrency = Math.max(1, opts.concurrency ?? DEFAULT_CONCURRENCY);
  const rawPuts = opts.rawPuts ?? DEFAULT_RAW_PUTS;
  const log = opts.log ?? (() => {});
  const config = pipelineConfig({ ...PIPELINE_ENV });
  const graceDays = Math.max(...config.packs.map((p) => p.graceDays));

  if ((opts.orgFile === undefined) !== (opts.eventsFile === undefined)) throw new Error('benchPipeline: give both orgFile and eventsFile, or neither');
  const { orgFile, eventsFile } =
    opts.orgFile !== undefined && opts.eventsFile !== undefined ? { orgFile: opts.orgFile, eventsFile: opts.eventsFile } : await provinceFiles(opts.cells ?? DEFAULT_CELLS, opts.seed ?? DEFAULT_SEED);
  const [org, events] = await Promise.all([readOrg(orgFile), readEvents(eventsFile, maxEvents)]);
  if (events.length === 0) throw new Error(`${eventsFile}: no events`);
  const recordedAt = events.map((e) => instantMs(e.recordedAt));
  const lastRecordedAt = Math.max(...recordedAt);

  const engine = await startEngine();
  try {
    // Setup, not timed.
    const table = await engine.createTable('bench-pipeline');
    const slots = Array.from({ length: concurrency }, () => engine.connect());
    const orgStarted = performance.now();
    await new DynamoOrgStore(slots[0]!.db, table).replace(org);
    const orgLoadSeconds = seconds(orgStarted);
    log(`org of ${org.units.length} units, ${org.members.length} members, ${org.leaders.length} leaders loaded in ${orgLoadSeconds.toFixed(1)} s`);

    // The timed pass: one store per slot, the meter reset around each event.
    const stores = slots.map((c) => new DynamoLedgerStore(c.db, table));
    const notifier = new CountingNotifier();
    const perEvent: Array<Meter & { eventId: string; type: string }> = [];
    const outcomes: Record<string, number> = {};
    let failed = 0;
    let firstError: unknown;
    for (const c of slots) {
      c.writes.itemWrites = 0;
      c.writes.conditionalCheckFailures = 0;
    }
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    await fanIn(events, concurrency, async (event, slot) => {
      const now = instantMs(event.recordedAt);
      const { meter } = slots[slot]!;
      meter.reset();
      try {
        const outcome = await recordMeeting(event, { store: stores[slot]!, notifier, config, now: () => now });
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      } catch (err) {
        failed++;
        firstError ??= err;
      }
      perEvent.push({ ...meter.reset(), eventId: event.eventId, type: event.type });
    });
    const elapsed = seconds(started);
    const cpuSeconds = cpuSince(cpuStarted);
    const itemWrites = slots.reduce((n, c) => n + c.writes.itemWrites, 0);
    const conditionalCheckFailures = slots.reduce((n, c) => n + c.writes.conditionalCheckFailures, 0);
    log(`timed pass: ${events.length} events at concurrency ${concurrency} in ${elapsed.toFixed(1)} s`);
    if (failed > 0) console.warn(`warning: ${failed} events failed; the first: ${String(firstError)}`);

    // dynalite's own single-item write rate: same server, same kind of clients, same concurrency.
    const rawTable = await engine.createTable('bench-raw-writes');
    const payload = 'x'.repeat(RAW_PAYLOAD_BYTES);
    const rawItem = (i: number) => ({ pk: `RAW#${String(i % 5000).padStart(5, '0')}`, sk: `ITEM#${String(i).padStart(8, '0')}`, at: 1_767_200_000_000 + i, payload });
    const put = async (i: number, slot: number) => void (await slots[slot]!.db.send(new PutCommand({ TableName: rawTable, Item: rawItem(i) })));
    // A few untimed puts first: the pipeline's own PutItem path is warm, dynalite's plain one not yet.
    await fanIn(Array.from({ length: RAW_WARM_UP }, (_, i) => rawPuts + i), concurrency, put);
    const rawStarted = performance.now();
    const rawCpuStarted = process.cpuUsage();
    await fanIn(Array.from({ length: rawPuts }, (_, i) => i), concurrency, put);
    const rawSeconds = seconds(rawStarted);
    const rawCpuSeconds = cpuSince(rawCpuStarted);
    log(`raw writes: ${rawPuts} puts in ${rawSeconds.toFixed(1)} s`);

    // The adapter's register write alone: 2,000 entries of a month, each taking a register per meeting.
    const registerTable = await engine.createTable('bench-register-writes');
    const registerStores = slots.map((c) => new DynamoLedgerStore(c.db, registerTable));
    const heldAt = instantMs('2026-01-15T19:00:00+07:00');
    const registerWrite = (i: number): RegisterWrite => ({
      ruleId: 'dieu-le/monthly-regular-meeting',
      subject: { type: 'cell', id: `C${String(i % 2000).padStart(4, '0')}` },
      period: '2026-01',
      meetingId: `M${i}`,
      register: { version: 1, eventId: `ev.M${i}.v1`, unitId: `C${String(i % 2000).padStart(4, '0')}`, heldAt, kind: 'regular', slots: { regularMeetings: { heldAt } } },
    });
    const writeRegister = async (i: number, slot: number) => void (await registerStores[slot]!.writeRegister(registerWrite(i)));
    await fanIn(Array.from({ length: RAW_WARM_UP }, (_, i) => rawPuts + i), concurrency, writeRegister);
    const registerWrites = Math.ceil(rawPuts / 2);
    const registerStarted = performance.now();
    await fanIn(Array.from({ length: registerWrites }, (_, i) => i), concurrency, writeRegister);
    const registerSeconds = seconds(registerStarted);
    log(`register writes: ${registerWrites} in ${registerSeconds.toFixed(1)} s`);

    // The sweeps, one Lambda's client: the month's opening sweep, then the metered deadline sweep.
    const sweepAt = deadlineSweepInstant(lastRecordedAt, graceDays);
    const opening = await sweepAll(periodBounds(periodOf(sweepAt, 'month')).start, stores[0]!, config, slots[0]!);
    log(`opening sweep at ${opening.at}: ${opening.opened} obligations opened in ${opening.seconds.toFixed(1)} s`);
    const sweep = await sweepAll(sweepAt, stores[0]!, config, slots[0]!);
    log(`deadline sweep at ${sweep.at}: ${sweep.reconciled} reconciled in ${sweep.seconds.toFixed(1)} s`);

    const sum = (f: (m: Meter) => number) => perEvent.reduce((n, m) => n + f(m), 0);
    const roundTripHistogram: Record<string, number> = {};
    const byCommand: Record<string, number> = {};
    for (const m of perEvent) {
      roundTripHistogram[m.roundTrips] = (roundTripHistogram[m.roundTrips] ?? 0) + 1;
      for (const [k, v] of Object.entries(m.byCommand)) byCommand[k] = (byCommand[k] ?? 0) + v;
    }
    const itemWritesPerSecond = itemWrites / elapsed;
    const rawWritesPerSecond = rawPuts / rawSeconds;
    const { opened: _opened, byCommand: sweepCommands, ...sweepFigures } = sweep;
    const { byCommand: _openingCommands, ...openingFigures } = opening;
    return {
      events: events.length,
      seconds: elapsed,
      meetingsPerSecond: events.length / elapsed,
      callsPerEvent: sum((m) => m.calls) / events.length,
      roundTripsPerEvent: sum((m) => m.roundTrips) / events.length,
      maxRoundTrips: Math.max(...perEvent.map((m) => m.roundTrips)),
      wruPerEvent: sum((m) => m.writeUnits) / events.length,
      rruPerEvent: sum((m) => m.readUnits) / events.length,
      itemWritesPerSecond,
      rawWritesPerSecond,
      overheadRatio: itemWritesPerSecond / rawWritesPerSecond,
      sweep: { ...sweepFigures, byCommand: sweepCommands },
      orgCells: org.units.filter((u) => u.kind === 'cell').length,
      orgMembers: org.members.length,
      details: {
        concurrency,
        orgUnits: org.units.length,
        orgLeaders: org.leaders.length,
        orgLoadSeconds,
        firstRecordedAt: formatInstant(Math.min(...recordedAt)),
        lastRecordedAt: formatInstant(lastRecordedAt),
        outcomes,
        failed,
        roundTripHistogram,
        maxCalls: Math.max(...perEvent.map((m) => m.calls)),
        worstEvent: (({ eventId, type, roundTrips, byCommand }) => ({ eventId, type, roundTrips, byCommand }))(perEvent.reduce((a, b) => (b.roundTrips > a.roundTrips ? b : a))),
        byCommand,
        itemWrites,
        conditionalCheckFailures,
        notificationsPublished: notifier.published,
        cpuSeconds,
        overheadRatioCpu: itemWrites / cpuSeconds / (rawPuts / rawCpuSeconds),
        raw: { puts: rawPuts, seconds: rawSeconds, cpuSeconds: rawCpuSeconds, itemBytes: Buffer.byteLength(JSON.stringify(rawItem(0))), concurrency },
        registerWrites: { writes: registerWrites, seconds: registerSeconds, perSecond: registerWrites / registerSeconds },
        overheadRatioVsRegisterWrites: itemWritesPerSecond / (registerWrites / registerSeconds),
        opening: openingFigures,
      },
    };
  } finally {
    await engine.stop();
  }
}

// ---------------------------------------------------------------- command line

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdict = (pass: boolean): string => (pass ? 'PASS' : 'FAIL');
const commands = (byCommand: Record<string, number>, per = 1, digits = 0) =>
  Object.entries(byCommand)
    .map(([k, v]) => `${k.replace(/Command$/, '')} ${fmt(v / per, digits)}`)
    .join(', ');

export function printResult(r: PipelineResult): void {
  const d = r.details;
  const rows: Array<[string, string, string?]> = [
    ['events (the first of the file, in order)', fmt(r.events), `recorded ${d.firstRecordedAt} … ${d.lastRecordedAt}`],
    ['  outcomes', Object.entries(d.outcomes).map(([k, v]) => `${k} ${fmt(v)}`).join(', ') + (d.failed > 0 ? `, FAILED ${fmt(d.failed)}` : '')],
    [`seconds (concurrency ${d.concurrency})`, fmt(r.seconds, 2)],
    ['meetings/s', fmt(r.meetingsPerSecond, 1)],
    ['calls/event', fmt(r.callsPerEvent, 2), `${commands(d.byCommand, r.events, 2)}; max ${d.maxCalls}`],
    ['round trips/event (mean)', fmt(r.roundTripsPerEvent, 2), `events by round trips: ${Object.entries(d.roundTripHistogram).map(([k, v]) => `${k}: ${fmt(v)}`).join(', ')}`],
    ['max round trips', fmt(r.maxRoundTrips), `${verdict(r.maxRoundTrips <= TARGET_MAX_ROUND_TRIPS)} (target ≤ ${TARGET_MAX_ROUND_TRIPS}); the worst: ${d.worstEvent.type} ${d.worstEvent.eventId}, ${commands(d.worstEvent.byCommand)}`],
    ['WRU/event', fmt(r.wruPerEvent, 2)],
    ['RRU/event', fmt(r.rruPerEvent, 2)],
    ['item writes/s', fmt(r.itemWritesPerSecond), `${fmt(d.itemWrites)} writes; ${fmt(d.conditionalCheckFailures)} conditional-check failures`],
    ['raw PutItem/s (dynalite)', fmt(r.rawWritesPerSecond), `${fmt(d.raw.puts)} puts of ${d.raw.itemBytes} B at concurrency ${d.raw.concurrency}`],
    ['overhead ratio', fmt(r.overheadRatio, 2), `${verdict(r.overheadRatio >= TARGET_OVERHEAD_RATIO)} (target ≥ ${TARGET_OVERHEAD_RATIO})`],
    ['  vs the register write alone', fmt(d.overheadRatioVsRegisterWrites, 2), `${fmt(d.registerWrites.perSecond)} DynamoLedgerStore.writeRegister/s (conditional UpdateItem, ALL_NEW) at the same concurrency`],
    ['  per CPU second', fmt(d.overheadRatioCpu, 2), `${fmt(d.itemWrites / d.cpuSeconds)} writes per CPU s (${fmt(d.cpuSeconds, 1)} CPU s) vs ${fmt(d.raw.puts / d.raw.cpuSeconds)} puts per CPU s`],
    [`opening sweep ${d.opening.at}`, `${fmt(d.opening.seconds, 2)} s`, `${fmt(d.opening.opened)} opened, ${fmt(d.opening.reconciled)} reconciled, ${fmt(d.opening.notified)} notified; ${fmt(d.opening.calls)} calls`],
    [`deadline sweep ${r.sweep.at}`, `${fmt(r.sweep.seconds, 2)} s`, `${fmt(r.sweep.reconciled)} reconciled, ${fmt(r.sweep.notified)} notified`],
    ['  calls / round trips', `${fmt(r.sweep.calls)} / ${fmt(r.sweep.roundTrips)}`, commands(r.sweep.byCommand)],
    ['  WRU / RRU', `${fmt(r.sweep.wru, 1)} / ${fmt(r.sweep.rru, 1)}`],
  ];
  console.log(`\nmeeting pipeline on dynalite (in process): ${fmt(r.orgCells)} cells, ${fmt(r.orgMembers)} members, ${fmt(d.orgLeaders)} leaders (org loaded in ${fmt(d.orgLoadSeconds, 1)} s, not timed)`);
  for (const [label, value, note] of rows) console.log(`${label.padEnd(42)}${value.padStart(14)}${note ? `  ${note}` : ''}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      cells: { type: 'string' },
      seed: { type: 'string' },
      events: { type: 'string' },
      concurrency: { type: 'string' },
      raw: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const started = performance.now();
  const result = await benchPipeline({
    cells: integerOption(values.cells, 'cells', DEFAULT_CELLS),
    seed: integerOption(values.seed, 'seed', DEFAULT_SEED),
    maxEvents: integerOption(values.events, 'events', DEFAULT_MAX_EVENTS),
    concurrency: integerOption(values.concurrency, 'concurrency', DEFAULT_CONCURRENCY),
    rawPuts: integerOption(values.raw, 'raw', DEFAULT_RAW_PUTS),
    log: (line) => console.log(`${seconds(started).toFixed(1).padStart(6)} s  ${line}`),
  });
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else printResult(result);
  console.log(`\nwhole run ${fmt(seconds(started), 1)} s`);
}
