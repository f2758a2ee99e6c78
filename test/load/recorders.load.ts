/**
 * The embedded default under load: a generated province's org PUT over
 * HTTP, then 50 concurrent recorders POST 10,000 meetings (LOAD_MEETINGS=20000 for the longer run) to /events in
 * batches of 10; throughput and the latency of each POST are printed, no
 * request may fail, and afterwards every meeting is recorded exactly once.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { LineWriter } from '../../bench/line-writer.ts';
import { PIPELINE_ENV } from '../../bench/pipeline.ts';
import { ProvinceEvents } from '../../bench/province-events.ts';
import { buildProvince } from '../../bench/province-org.ts';
import { Rng } from '../../bench/rng.ts';
import { startRuntime } from '../../local/runtime.ts';
import { instantMs } from '../../shared/calendar/period.ts';
import { MeetingEvent, type MeetingRecorded } from '../../shared/contract/events.ts';

const MEETINGS = Number(process.env['LOAD_MEETINGS'] ?? 10_000);
const RECORDERS = 50;
const BATCH = 10;
const CELLS = Math.ceil(MEETINGS / 11);

const dir = await mkdtemp(join(tmpdir(), 'chibo-load-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** First-version records of distinct meetings, in the generator's order (no duplicates, corrections or retractions: each must count once). */
async function generate() {
  const rng = new Rng(2026);
  const province = buildProvince(rng, CELLS);
  const writer = new LineWriter(join(dir, 'events.jsonl'));
  await new ProvinceEvents(rng, writer).writeYear(province);
  await writer.close();
  const seen = new Set<string>();
  const meetings: MeetingRecorded[] = [];
  for (const line of (await readFile(join(dir, 'events.jsonl'), 'utf8')).split('\n')) {
    if (!line || meetings.length === MEETINGS) continue;
    const e = MeetingEvent.parse(JSON.parse(line));
    if (e.type !== 'MeetingRecorded' || e.version !== 1 || seen.has(e.meetingId)) continue;
    seen.add(e.meetingId);
    meetings.push(e);
  }
  return { org: province.org, meetings };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

it(`${RECORDERS} recorders post ${MEETINGS} meetings: none lost, none twice`, async () => {
  const { org, meetings } = await generate();
  expect(meetings.length).toBe(MEETINGS);
  const runtime = await startRuntime({ dataDir: null, stateDir: dir, port: 0, simulatedStart: instantMs('2027-01-05T00:00:00+07:00'), tokensFile: join(dir, 'none'), console: null, env: { ...PIPELINE_ENV } });
  try {
    const put = await fetch(`${runtime.url}/org`, { method: 'PUT', body: JSON.stringify(org) });
    expect(put.status).toBe(200);

    const batches: MeetingRecorded[][] = [];
    for (let i = 0; i < meetings.length; i += BATCH) batches.push(meetings.slice(i, i + BATCH));
    const latencies: number[] = [];
    const failures: string[] = [];
    let accepted = 0;
    let duplicates = 0;
    let next = 0;
    const recorder = async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        const started = performance.now();
        const res = await fetch(`${runtime.url}/events`, { method: 'POST', body: JSON.stringify(batch) });
        latencies.push(performance.now() - started);
        const body = (await res.json()) as { accepted?: number; duplicates?: number };
        if (res.status !== 202) failures.push(`${res.status} ${JSON.stringify(body)}`);
        accepted += body.accepted ?? 0;
        duplicates += body.duplicates ?? 0;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: RECORDERS }, recorder));
    const seconds = (performance.now() - started) / 1000;

    // Every meeting's record holds its event: recorded, once (a meeting is one item, its registers keyed by meeting).
    const recorded = new Set<string>();
    for (let i = 0; i < meetings.length; i += 100) for (const id of await runtime.api.ledger.seenEventIds(meetings.slice(i, i + 100))) recorded.add(id);
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        meetings: meetings.length,
        cells: CELLS,
        recorders: RECORDERS,
        eventsPerPost: BATCH,
        posts: latencies.length,
        seconds: Number(seconds.toFixed(1)),
        meetingsPerSecond: Number((meetings.length / seconds).toFixed(1)),
        p50ms: Math.round(percentile(sorted, 50)),
        p99ms: Math.round(percentile(sorted, 99)),
        errors: failures.length,
        accepted,
        duplicates,
        recorded: recorded.size,
        lost: meetings.length - recorded.size,
      }),
    );
    expect(failures).toEqual([]);
    expect(accepted).toBe(meetings.length);
    expect(duplicates).toBe(0);
    expect(recorded.size).toBe(meetings.length);
  } finally {
    await runtime.close();
  }
});
