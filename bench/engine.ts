/**
 * `npm run bench:engine`: `chibo evaluate` end to end over a synthetic
 * province-year (all six packs), as a child process pinned to one core; the
 * median of several runs against the targets of issue 18 (≥ 20,000
 * meetings/s on one core, peak RSS ≤ 800 MB). The standard size and seed
 * save their figures to bench/results/engine.json, which is committed.
 *
 *   npm run bench:engine -- [--cells 7000] [--seed 2026] [--runs 3] [--out FILE]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, platform, release, totalmem } from 'node:os';
import { dirname, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_CELLS, DEFAULT_OUT_DIR, DEFAULT_SEED, existingData, generateProvince, integerOption, type Manifest } from './generate-province.ts';
import { makeRunner, type RunResult, type Runner } from './measure.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/engine.json', import.meta.url));
const DATA = relative(ROOT, DEFAULT_OUT_DIR);
const PACKS = 'dieu-le,yb-qd18,hn-da11,kt-qd776,bg-thematic-resolution,td-exemptions';
/** After the year and its grace days: every 2026 obligation is decided. */
const AS_OF = '2027-01-05T00:00:00+07:00';
const CHIBO_ARGS = ['bin/chibo.js', 'evaluate', '--org', `${DATA}/org.json`, '--events', `${DATA}/events.jsonl`, '--packs', PACKS, '--as-of', AS_OF];
const TARGET_MEETINGS_PER_SECOND = 20_000;
/** In the MB of 1024 KiB that peak RSS is reported in. */
const TARGET_PEAK_RSS_MB = 800;

interface Options {
  seed: number;
  cells: number;
  runs: number;
  /** Where to save the figures; null: print only. */
  out: string | null;
}

interface Summary {
  seconds: number;
  peakRssMB: number;
  findings: number;
  meetingsPerSecond: number;
  attendanceRecordsPerSecond: number;
  speedPass: boolean;
  memoryPass: boolean;
}

function options(): Options {
  const { values } = parseArgs({ options: { cells: { type: 'string' }, seed: { type: 'string' }, runs: { type: 'string' }, out: { type: 'string' } } });
  const seed = integerOption(values.seed, 'seed', DEFAULT_SEED);
  const cells = integerOption(values.cells, 'cells', DEFAULT_CELLS);
  const runs = Math.max(1, integerOption(values.runs, 'runs', 3));
  // Only the standard run overwrites the committed results; a quick one saves only when asked.
  const standard = seed === DEFAULT_SEED && cells === DEFAULT_CELLS;
  return { seed, cells, runs, out: values.out ?? (standard ? RESULTS : null) };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const verdict = (pass: boolean): string => (pass ? 'PASS' : 'FAIL');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The data for this seed and size: reused when the manifest says it is what the generator would write now. */
export async function data({ seed, cells }: Pick<Options, 'seed' | 'cells'>): Promise<Manifest> {
  const options = { seed, cells, outDir: DEFAULT_OUT_DIR };
  const existing = await existingData(options);
  if (existing) {
    console.log(`reusing ${DATA} (seed ${seed}, ${fmt(cells)} cells)`);
    return existing;
  }
  console.log(`generating ${DATA} (seed ${seed}, ${fmt(cells)} cells) …`);
  const started = performance.now();
  const manifest = await generateProvince(options);
  console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return manifest;
}

async function timeRuns(runner: Runner, runs: number): Promise<RunResult[]> {
  console.log(`timing: node ${CHIBO_ARGS.join(' ')}`);
  console.log(`pinned: ${runner.pinnedTo ?? 'no (taskset not found): the child may use several cores'}; peak RSS from ${runner.rssFrom}`);
  const results: RunResult[] = [];
  for (let i = 1; i <= runs; i++) {
    const r = await runner.run(CHIBO_ARGS, ROOT);
    results.push(r);
    console.log(`  run ${i}/${runs}: ${r.seconds.toFixed(2)} s, peak RSS ${fmt(r.peakRssMB)} MB, ${fmt(r.lines)} findings`);
  }
  if (results.some((r) => r.lines !== results[0]!.lines)) console.warn('warning: the runs printed different numbers of findings');
  return results;
}

/** Medians of time and memory; throughput counts the distinct MeetingRecorded events the CLI had to apply. */
function summarise(manifest: Manifest, results: RunResult[]): Summary {
  const seconds = median(results.map((r) => r.seconds));
  const peakRssMB = median(results.map((r) => r.peakRssMB));
  const meetingsPerSecond = manifest.events.recordedEvents / seconds;
  return {
    seconds,
    peakRssMB,
    findings: results[0]!.lines,
    meetingsPerSecond,
    attendanceRecordsPerSecond: manifest.events.attendance / seconds,
    speedPass: meetingsPerSecond >= TARGET_MEETINGS_PER_SECOND,
    memoryPass: peakRssMB < TARGET_PEAK_RSS_MB,
  };
}

function print(manifest: Manifest, runs: number, s: Summary): void {
  const { org, events } = manifest;
  const rows: Array<[string, string, string?]> = [
    ['meetings (distinct MeetingRecorded events)', fmt(events.recordedEvents)],
    ['  of which distinct meetingIds', fmt(events.meetings)],
    ['events (lines, redeliveries included)', fmt(events.lines)],
    ['attendance records', fmt(events.attendance)],
    [`seconds (median of ${runs})`, s.seconds.toFixed(2)],
    ['meetings/s', fmt(s.meetingsPerSecond), `${verdict(s.speedPass)} (target ≥ ${fmt(TARGET_MEETINGS_PER_SECOND)})`],
    ['attendance records/s', fmt(s.attendanceRecordsPerSecond)],
    ['peak RSS MB (median)', fmt(s.peakRssMB), `${verdict(s.memoryPass)} (target < ${fmt(TARGET_PEAK_RSS_MB)})`],
    ['findings', fmt(s.findings)],
  ];
  console.log(`\nchibo evaluate, one province-year: ${fmt(org.members)} members in ${fmt(manifest.cells)} cells of ${fmt(org.communes)} communes, ${fmt(org.leaders)} leaders`);
  for (const [label, value, note] of rows) console.log(`${label.padEnd(44)}${value.padStart(12)}${note ? `  ${note}` : ''}`);
}

async function save(file: string, o: Options, runner: Runner, manifest: Manifest, results: RunResult[], s: Summary): Promise<void> {
  const cpu = cpus();
  const record = {
    date: new Date().toISOString(),
    machine: { cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, memoryGB: Math.round(totalmem() / 2 ** 30), platform: `${platform()} ${release()}`, node: process.version },
    method: { command: `node ${CHIBO_ARGS.join(' ')}`, pinnedTo: runner.pinnedTo, peakRssFrom: runner.rssFrom, runs: o.runs },
    data: { seed: o.seed, cells: o.cells, generator: manifest.generator, org: manifest.org, events: manifest.events },
    runs: results.map((r) => ({ seconds: Number(r.seconds.toFixed(3)), peakRssMB: Math.round(r.peakRssMB), findings: r.lines })),
    median: {
      seconds: Number(s.seconds.toFixed(3)),
      meetingsPerSecond: Math.round(s.meetingsPerSecond),
      attendanceRecordsPerSecond: Math.round(s.attendanceRecordsPerSecond),
      peakRssMB: Math.round(s.peakRssMB),
      findings: s.findings,
    },
    targets: {
      meetingsPerSecond: { min: TARGET_MEETINGS_PER_SECOND, pass: s.speedPass },
      peakRssMB: { below: TARGET_PEAK_RSS_MB, pass: s.memoryPass },
    },
  };
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
  const shown = relative(ROOT, file);
  console.log(`\nsaved ${shown.startsWith(`..`) ? file : shown}`);
}

export interface EngineFigures {
  scale: string;
  /** One core (taskset -c 0) or all the machine's cores. */
  cores: 'one' | 'all';
  /** chibo evaluate --workers. */
  workers: number;
  meetings: number;
  attendanceRecords: number;
  seconds: number;
  meetingsPerSecond: number;
  attendanceRecordsPerSecond: number;
  peakRssMb: number;
  findings: number;
  runs: number;
}

/**
 * `chibo evaluate` over generated data in `dataDir` (median of `runs` child
 * processes), for `npm run bench`: pinned to one core with one worker, or on
 * all cores with `workers` worker threads.
 */
export async function benchEngine(o: { scale: string; dataDir: string; manifest: Pick<Manifest, 'events'>; runs: number; packs?: string; asOf?: string; cores?: 'one' | 'all'; workers?: number }): Promise<EngineFigures> {
  const dir = relative(ROOT, o.dataDir);
  const cores = o.cores ?? 'one';
  const workers = o.workers ?? 1;
  const args = ['bin/chibo.js', 'evaluate', '--org', `${dir}/org.json`, '--events', `${dir}/events.jsonl`, '--packs', o.packs ?? PACKS, '--as-of', o.asOf ?? AS_OF, '--workers', String(workers)];
  const runner = makeRunner({ oneCore: cores === 'one' });
  const results: RunResult[] = [];
  for (let i = 0; i < o.runs; i++) results.push(await runner.run(args, ROOT));
  const seconds = median(results.map((r) => r.seconds));
  return {
    scale: o.scale,
    cores: cores === 'one' && runner.pinnedTo !== null ? 'one' : 'all',
    workers,
    meetings: o.manifest.events.recordedEvents,
    attendanceRecords: o.manifest.events.attendance,
    seconds: Number(seconds.toFixed(3)),
    meetingsPerSecond: Math.round(o.manifest.events.recordedEvents / seconds),
    attendanceRecordsPerSecond: Math.round(o.manifest.events.attendance / seconds),
    peakRssMb: Math.round(median(results.map((r) => r.peakRssMB))),
    findings: results[0]!.lines,
    runs: o.runs,
  };
}

async function main(): Promise<void> {
  const o = options();
  const manifest = await data(o);
  const runner = makeRunner();
  const results = await timeRuns(runner, o.runs);
  const summary = summarise(manifest, results);
  print(manifest, o.runs, summary);
  if (o.out === null) console.log('\nnot saved (not the standard size and seed; --out FILE saves it)');
  else await save(o.out, o, runner, manifest, results, summary);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(`bench:engine: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
