/**
 * `npm run bench` (quick, a province-year) and `npm run bench -- --full` (and
 * a country-month): the engine, its SQL peer on DuckDB, the pipeline on
 * dynalite, the Lambda bundles and the monthly cost on AWS, printed and kept
 * in bench/results/latest.json (the full run also in bench/results/full.json,
 * and its tables in docs/performance.md). Fails loudly when chibo and DuckDB
 * disagree on any finding both compute.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, platform, release, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { measureBundles } from './bundles.ts';
import { costModel } from './cost.ts';
import { compareFindings } from './duckdb/compare.ts';
import { PEER_RULES, runDuckdbPeer } from './duckdb/peer.ts';
import { benchEngine, data, type EngineFigures } from './engine.ts';
import { COUNTRY_AS_OF, COUNTRY_DIR, existingCountry, generateCountry } from './generate-country.ts';
import { DEFAULT_CELLS, DEFAULT_OUT_DIR, DEFAULT_SEED, type Manifest } from './generate-province.ts';
import { makeRunner } from './measure.ts';
import { benchPipeline } from './pipeline.ts';
import { throughputSvg } from './plot.ts';
import { countryVolumes, performanceTables, withBrief } from './report.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const PROVINCE_AS_OF = '2027-01-05T00:00:00+07:00';
/** The packs whose checks the SQL peer computes too. */
const PEER_PACKS = 'dieu-le,yb-qd18';

export interface Scale {
  name: 'province-year' | 'country-month';
  dir: string;
  manifest: Manifest;
  asOf: string;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

async function scales(full: boolean): Promise<Scale[]> {
  const province = await data({ seed: DEFAULT_SEED, cells: DEFAULT_CELLS });
  const out: Scale[] = [{ name: 'province-year', dir: DEFAULT_OUT_DIR, manifest: province, asOf: PROVINCE_AS_OF }];
  if (full) {
    let country = await existingCountry();
    if (!country) {
      console.log('generating the country-month (34 provinces, 230,000 cells) …');
      country = await generateCountry();
    }
    out.push({ name: 'country-month', dir: COUNTRY_DIR, manifest: country, asOf: COUNTRY_AS_OF });
  }
  return out;
}

/**
 * Worker threads for the all-cores runs: one per core for the province; one
 * for the country, where each worker would hold the whole org (about 4 GB).
 */
function allCoresWorkers(scale: Scale): number {
  return scale.name === 'country-month' ? 1 : cpus().length;
}

/** chibo's findings on the peer's packs, as identities, and the wall time of the same command on all cores, as DuckDB runs. */
async function chiboOnPeerChecks(scale: Scale): Promise<{ seconds: number; findings: string[] }> {
  const args = ['bin/chibo.js', 'evaluate', '--org', join(relative(ROOT, scale.dir), 'org.json'), '--events', join(relative(ROOT, scale.dir), 'events.jsonl'), '--packs', PEER_PACKS, '--as-of', scale.asOf, '--workers', String(allCoresWorkers(scale))];
  const timed = await makeRunner({ oneCore: false }).run(args, ROOT);
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 1 << 30 });
  const findings = stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const f = JSON.parse(l) as { kind: string; ruleId: string; subject: { type: string; id: string }; period: string };
      return `${f.kind}|${f.ruleId}|${f.subject.type}:${f.subject.id}|${f.period}`;
    });
  return { seconds: timed.seconds, findings };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { full: { type: 'boolean' }, runs: { type: 'string' } } });
  const full = values.full === true;
  const runs = Number(values.runs ?? (full ? 3 : 1));
  const started = performance.now();
  const cpu = cpus();
  const machine = { cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, memoryGB: Math.round(totalmem() / 2 ** 30), platform: `${platform()} ${release()}`, node: process.version };

  const engine: EngineFigures[] = [];
  const duckdb: Array<{ scale: string; seconds: number; chiboSeconds: number; ratio: number; findingsCompared: number; rules: readonly string[] }> = [];
  for (const scale of await scales(full)) {
    console.log(`\n== ${scale.name}: ${fmt(scale.manifest.org.members)} members, ${fmt(scale.manifest.cells)} cells, ${fmt(scale.manifest.events.recordedEvents)} meeting records`);
    for (const cores of ['one', 'all'] as const) {
      const e = await benchEngine({ scale: scale.name, dataDir: scale.dir, manifest: scale.manifest, runs, asOf: scale.asOf, cores, workers: cores === 'one' ? 1 : allCoresWorkers(scale) });
      engine.push(e);
      console.log(`engine (all packs, ${e.cores === 'one' ? 'one core' : 'all cores'}, ${e.workers} worker${e.workers === 1 ? '' : 's'}): ${e.seconds} s, ${fmt(e.meetingsPerSecond)} meetings/s, ${fmt(e.attendanceRecordsPerSecond)} attendance records/s, peak RSS ${fmt(e.peakRssMb)} MB`);
    }

    const chibo = await chiboOnPeerChecks(scale);
    const peer = await runDuckdbPeer({ orgFile: join(scale.dir, 'org.json'), eventsFile: join(scale.dir, 'events.jsonl'), asOf: scale.asOf });
    const agreement = compareFindings(chibo.findings, peer.findings, PEER_RULES);
    if (!agreement.agree) {
      console.error(`chibo and DuckDB DISAGREE on ${scale.name}:`);
      console.error(`  only chibo (${agreement.onlyChibo.length}): ${agreement.onlyChibo.slice(0, 10).join('  ')}`);
      console.error(`  only DuckDB (${agreement.onlyDuckdb.length}): ${agreement.onlyDuckdb.slice(0, 10).join('  ')}`);
      process.exit(1);
    }
    const ratio = chibo.seconds / peer.seconds;
    duckdb.push({ scale: scale.name, seconds: Number(peer.seconds.toFixed(3)), chiboSeconds: Number(chibo.seconds.toFixed(3)), ratio: Number(ratio.toFixed(2)), findingsCompared: agreement.compared, rules: PEER_RULES });
    console.log(`DuckDB peer (${PEER_RULES.length} rules, ${fmt(agreement.compared)} findings agree): DuckDB ${peer.seconds.toFixed(2)} s, chibo ${chibo.seconds.toFixed(2)} s, chibo ÷ DuckDB = ${ratio.toFixed(2)}`);
  }

  console.log('\n== pipeline on dynalite');
  const pipeline = await benchPipeline({});
  console.log(
    `${fmt(pipeline.events)} meeting events over ${fmt(pipeline.orgCells)} cells: ${fmt(pipeline.meetingsPerSecond)} meetings/s; per event ${pipeline.callsPerEvent.toFixed(2)} calls, ` +
      `${pipeline.roundTripsPerEvent.toFixed(2)} round trips (max ${pipeline.maxRoundTrips}), ${pipeline.wruPerEvent.toFixed(2)} WRU, ${pipeline.rruPerEvent.toFixed(2)} RRU; ` +
      `${fmt(pipeline.itemWritesPerSecond)} item writes/s ÷ ${fmt(pipeline.rawWritesPerSecond)} raw = overhead ratio ${pipeline.overheadRatio.toFixed(2)}`,
  );

  console.log('\n== Lambda bundles');
  const bundles = await measureBundles();
  for (const b of bundles) console.log(`${b.name.padEnd(24)} ${fmt(b.bytes / 1024).padStart(6)} KB  cold import ${b.coldImportMs.toFixed(0)} ms`);

  const cost = withBrief(costModel(countryVolumes(pipeline)));
  console.log(`\n== cost on AWS, whole country, per month: ${cost.brief.toFixed(2)} USD for the services of the issue's list, ${cost.total.toFixed(2)} USD for everything the stack bills (SMS and e-mail apart)`);
  for (const [service, usd] of Object.entries(cost.byService)) console.log(`  ${service.padEnd(28)} ${usd.toFixed(3)}`);

  const results = {
    date: new Date().toISOString(),
    full,
    machine,
    engine: engine.map((e) => ({ scale: e.scale, cores: e.cores, workers: e.workers, meetings: e.meetings, seconds: e.seconds, meetingsPerSecond: e.meetingsPerSecond, attendanceRecordsPerSecond: e.attendanceRecordsPerSecond, peakRssMb: e.peakRssMb, findings: e.findings, runs: e.runs })),
    duckdb,
    pipeline,
    bundles,
    costUsdPerMonth: cost,
    seconds: Math.round((performance.now() - started) / 1000),
  };
  await mkdir(RESULTS, { recursive: true });
  await writeFile(join(RESULTS, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (full) {
    await writeFile(join(RESULTS, 'full.json'), `${JSON.stringify(results, null, 2)}\n`);
    await writeFile(fileURLToPath(new URL('../docs/throughput.svg', import.meta.url)), throughputSvg(results.engine.filter((e) => e.cores === 'one'), duckdb));
    const doc = fileURLToPath(new URL('../docs/performance.md', import.meta.url));
    const text = await readFile(doc, 'utf8');
    const begin = '<!-- bench:begin -->';
    const end = '<!-- bench:end -->';
    if (text.includes(begin) && text.includes(end)) {
      await writeFile(doc, `${text.slice(0, text.indexOf(begin) + begin.length)}\n${performanceTables(results)}\n${text.slice(text.indexOf(end))}`);
    }
  }
  console.log(`\nsaved bench/results/latest.json${full ? ', bench/results/full.json, docs/throughput.svg and the tables of docs/performance.md' : ''} (${results.seconds} s)`);
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
