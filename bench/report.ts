/**
 * From the figures of one benchmark run: the cost model's country volumes
 * (the measured units per event and per swept cell, scaled to 230,000 cells)
 * and the markdown tables of docs/performance.md.
 */
import { EXAMPLE_INPUT, briefSubtotal, type CostInput, type CostResult } from './cost.ts';
import type { PipelineResult } from './pipeline.ts';

const COUNTRY_CELLS = 230_000;
const COUNTRY_MEETING_EVENTS_PER_MONTH = 250_000;
const DAYS_PER_MONTH = 365 / 12;

export const TARGETS = {
  /** Province-year, all cores (issue 18). */
  meetingsPerSecond: 40_000,
  meetingsPerSecondOneCore: 20_000,
  provincePeakRssMb: 800,
  countrySeconds: 16,
  countryPeakRssMb: 2048,
  duckdbRatio: 1.0,
  overheadRatio: 0.7,
  roundTrips: 3,
  bundleBytes: 500 * 1024,
  coldImportMs: 200,
  usdPerMonth: 5,
} as const;

/**
 * The month's volumes for the whole country: meeting events at the measured
 * units per event; sweeps at the measured units per cell of the benchmark's
 * province (opening a month's obligations, then the sweep past their
 * deadline), times the country's cells, spread over the month's days.
 */
export function countryVolumes(p: PipelineResult): CostInput {
  const perCell = (units: number) => units / p.orgCells;
  const opening = p.details.opening;
  return {
    ...EXAMPLE_INPUT,
    meetingEvents: COUNTRY_MEETING_EVENTS_PER_MONTH,
    wruPerEvent: p.wruPerEvent,
    rruPerEvent: p.rruPerEvent,
    ddbCallsPerEvent: p.callsPerEvent,
    sweepWruPerDay: (perCell(opening.wru + p.sweep.wru) * COUNTRY_CELLS) / DAYS_PER_MONTH,
    sweepRruPerDay: (perCell(opening.rru + p.sweep.rru) * COUNTRY_CELLS) / DAYS_PER_MONTH,
  };
}

interface Results {
  date: string;
  machine: { cpu: string; cores: number; memoryGB: number; node: string };
  engine: Array<{ scale: string; cores: 'one' | 'all'; workers: number; meetings: number; seconds: number; meetingsPerSecond: number; attendanceRecordsPerSecond: number; peakRssMb: number; findings: number; runs: number }>;
  duckdb: Array<{ scale: string; seconds: number; chiboSeconds: number; ratio: number; findingsCompared: number; rules: readonly string[] }>;
  pipeline: PipelineResult;
  bundles: Array<{ name: string; bytes: number; coldImportMs: number }>;
  costUsdPerMonth: CostResult & { brief: number };
}

const n = (x: number, digits = 0): string => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdict = (pass: boolean): string => (pass ? 'met' : '**not met**');

export function performanceTables(r: Results): string {
  const out: string[] = [];
  out.push(`Run of ${r.date.slice(0, 10)} on ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGB} GB, Node ${r.machine.node} (\`npm run bench -- --full\`; figures in \`bench/results/full.json\`).`, '');
  out.push(
    '### Engine: `chibo evaluate` end to end, on one core (`taskset -c 0`) and on all cores (`--workers`)',
    '',
    '| scale | cores | workers | meetings | seconds | meetings/s | attendance records/s | peak RSS MB | findings | targets |',
    '|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const e of r.engine) {
    const targets =
      e.scale === 'country-month'
        ? `≤ 16 s ${verdict(e.seconds <= TARGETS.countrySeconds)}; ≤ 2 GB ${verdict(e.peakRssMb <= TARGETS.countryPeakRssMb)}`
        : e.cores === 'one'
          ? `≥ 20,000/s ${verdict(e.meetingsPerSecond >= TARGETS.meetingsPerSecondOneCore)}; ≤ 800 MB ${verdict(e.peakRssMb <= TARGETS.provincePeakRssMb)}`
          : `≥ 40,000/s ${verdict(e.meetingsPerSecond >= TARGETS.meetingsPerSecond)}; ≤ 800 MB ${verdict(e.peakRssMb <= TARGETS.provincePeakRssMb)}`;
    out.push(`| ${e.scale} | ${e.cores} | ${e.workers} | ${n(e.meetings)} | ${n(e.seconds, 2)} | ${n(e.meetingsPerSecond)} | ${n(e.attendanceRecordsPerSecond)} | ${n(e.peakRssMb)} | ${n(e.findings)} | ${targets} |`);
  }
  out.push('', '### Peer: the same checks in SQL on DuckDB (`@duckdb/node-api`), reading the same files', '', '| scale | DuckDB s | chibo s (same packs, all cores) | chibo ÷ DuckDB | findings compared, all equal | target ≤ 1.0 |', '|---|---|---|---|---|---|');
  for (const d of r.duckdb) out.push(`| ${d.scale} | ${n(d.seconds, 2)} | ${n(d.chiboSeconds, 2)} | ${n(d.ratio, 2)} | ${n(d.findingsCompared)} (${d.rules.length} rules) | ${verdict(d.ratio <= TARGETS.duckdbRatio)} |`);
  const p = r.pipeline;
  out.push(
    '',
    `### Pipeline: the real handlers' use case on dynalite (${n(p.orgCells)} cells, ${n(p.events)} meeting events, ${p.details.concurrency} in flight)`,
    '',
    '| figure | value | target |',
    '|---|---|---|',
    `| meetings/s | ${n(p.meetingsPerSecond)} | |`,
    `| DynamoDB calls per event | ${n(p.callsPerEvent, 2)} | |`,
    `| sequential round trips per event (mean / max) | ${n(p.roundTripsPerEvent, 2)} / ${p.maxRoundTrips} | ≤ 3 ${verdict(p.maxRoundTrips <= TARGETS.roundTrips)} |`,
    `| write units per event | ${n(p.wruPerEvent, 2)} | |`,
    `| read units per event | ${n(p.rruPerEvent, 2)} | |`,
    `| item writes/s achieved | ${n(p.itemWritesPerSecond)} | |`,
    `| dynalite raw single-item writes/s | ${n(p.rawWritesPerSecond)} | |`,
    `| overhead ratio | ${n(p.overheadRatio, 2)} | ≥ 0.7 ${verdict(p.overheadRatio >= TARGETS.overheadRatio)} |`,
    `| sweep past the deadlines: calls / round trips / WRU / RRU | ${n(p.sweep.calls)} / ${n(p.sweep.roundTrips)} / ${n(p.sweep.wru, 1)} / ${n(p.sweep.rru, 1)} | |`,
  );
  out.push('', '### Lambda bundles (esbuild as the stack bundles them; size without the source map)', '', '| function | KB | cold import ms (median of 5) | targets |', '|---|---|---|---|');
  for (const b of r.bundles) out.push(`| ${b.name} | ${n(b.bytes / 1024, 1)} | ${n(b.coldImportMs)} | ≤ 500 KB ${verdict(b.bytes <= TARGETS.bundleBytes)}; ≤ 200 ms ${verdict(b.coldImportMs <= TARGETS.coldImportMs)} |`);
  const c = r.costUsdPerMonth;
  out.push('', '### Cost on AWS, whole country, a month (USD, on-demand, no free tier; prices and sources in docs/cost-model.md)', '', '| service | USD |', '|---|---|');
  for (const [service, usd] of Object.entries(c.byService)) out.push(`| ${service} | ${n(usd, 2)} |`);
  out.push(`| **services of the issue's list** (DynamoDB, Lambda, EventBridge, SQS, SNS, Scheduler, KMS, logs) | **${n(c.brief, 2)}** (target ≤ 5: ${verdict(c.brief <= TARGETS.usdPerMonth)}) |`, `| everything the stack bills | ${n(c.total, 2)} |`);
  for (const [channel, usd] of Object.entries(c.deliveryApart)) out.push(`| apart: ${channel} | ${n(usd, 2)} |`);
  return out.join('\n');
}

export const withBrief = (c: CostResult): CostResult & { brief: number } => ({ ...c, brief: Number(briefSubtotal(c).toFixed(2)) });
