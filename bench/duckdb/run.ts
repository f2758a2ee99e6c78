/**
 * Run `chibo evaluate` and the DuckDB peer on the same files, compare their
 * violations and alerts on the rules the peer computes, and print both times.
 * Exit 1, with the first differences, when they disagree.
 *
 *   node --import tsx bench/duckdb/run.ts [--org F] [--events F] [--as-of ISO] [--from YYYY-MM]
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compareFindings, ruleOfIdentity } from './compare.ts';
import { PEER_RULES, runDuckdbPeer } from './peer.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACKS = 'dieu-le,yb-qd18';
const SHOW = 20;

interface ChiboRun {
  seconds: number;
  findings: string[];
  reminders: number;
}

/** `chibo evaluate` as a child process (wall time, startup included), findings as identities. */
function runChibo(org: string, events: string, asOf: string, from: string | undefined): Promise<ChiboRun> {
  const args = ['bin/chibo.js', 'evaluate', '--org', org, '--events', events, '--packs', PACKS, '--as-of', asOf, ...(from ? ['--from', from] : [])];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`chibo evaluate exited ${code}: ${Buffer.concat(err).toString('utf8').trim()}`));
      const findings: string[] = [];
      let reminders = 0;
      for (const line of Buffer.concat(out).toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        const f = JSON.parse(line) as { kind: string; ruleId: string; subject: { type: string; id: string }; period: string };
        // Reminders are not computed by the peer: only violations and alerts are compared.
        if (f.kind === 'reminder') {
          reminders++;
          continue;
        }
        findings.push(`${f.kind}|${f.ruleId}|${f.subject.type}:${f.subject.id}|${f.period}`);
      }
      resolve({ seconds, findings, reminders });
    });
  });
}

function countByRule(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(ruleOfIdentity(id), (counts.get(ruleOfIdentity(id)) ?? 0) + 1);
  return counts;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      org: { type: 'string', default: 'bench/data/org.json' },
      events: { type: 'string', default: 'bench/data/events.jsonl' },
      'as-of': { type: 'string', default: '2027-01-05T00:00:00+07:00' },
      from: { type: 'string' },
    },
    strict: true,
  });
  const { org, events, 'as-of': asOf, from } = values;
  const orgFile = resolve(org);
  const eventsFile = resolve(events);

  console.log(`org ${orgFile}\nevents ${eventsFile}\nas of ${asOf}${from ? `, from ${from}` : ''}; packs ${PACKS}`);
  const chibo = await runChibo(orgFile, eventsFile, asOf, from);
  console.log(`chibo:  ${chibo.seconds.toFixed(2)} s, ${chibo.findings.length} violations and alerts (${chibo.reminders} reminders not compared)`);
  const peer = await runDuckdbPeer({ orgFile, eventsFile, asOf, ...(from ? { from } : {}) });
  console.log(`duckdb: ${peer.seconds.toFixed(2)} s, ${peer.findings.length} violations and alerts`);
  for (const step of peer.steps) console.log(`  ${step.name.padEnd(40)} ${step.seconds.toFixed(3)} s${step.findings === undefined ? '' : `  ${step.findings}`}`);
  console.log(`ratio chibo ÷ duckdb: ${(chibo.seconds / peer.seconds).toFixed(2)}`);

  const result = compareFindings(chibo.findings, peer.findings, PEER_RULES);
  const chiboByRule = countByRule(chibo.findings);
  const peerByRule = countByRule(peer.findings);
  console.log(`\n${'rule'.padEnd(40)} ${'chibo'.padStart(7)} ${'duckdb'.padStart(7)}`);
  for (const rule of PEER_RULES) console.log(`${rule.padEnd(40)} ${String(chiboByRule.get(rule) ?? 0).padStart(7)} ${String(peerByRule.get(rule) ?? 0).padStart(7)}`);
  const notCompared = [...chiboByRule].filter(([rule]) => !PEER_RULES.includes(rule));
  if (notCompared.length > 0) console.log(`not compared (chibo only): ${notCompared.map(([r, n]) => `${r} ${n}`).join(', ')}`);

  if (!result.agree) {
    console.error(`\nDISAGREE on ${result.onlyChibo.length + result.onlyDuckdb.length} of ${result.compared} findings`);
    console.error(`only chibo (${result.onlyChibo.length}):\n${result.onlyChibo.slice(0, SHOW).map((s) => `  ${s}`).join('\n')}`);
    console.error(`only duckdb (${result.onlyDuckdb.length}):\n${result.onlyDuckdb.slice(0, SHOW).map((s) => `  ${s}`).join('\n')}`);
    return 1;
  }
  console.log(`\nagree: ${result.compared} findings compared on ${PEER_RULES.length} rules`);
  return 0;
}

process.exitCode = await main();
