/**
 * A peer implementation, in SQL on DuckDB, of the checks SQL expresses
 * exactly: it reads the same org.json and events.jsonl as `chibo evaluate`
 * (with DuckDB's own JSON readers, inside the timing) and returns the
 * identities of the violations and alerts it finds, to compare with chibo's.
 *
 * The SQL is in ./sql: load.sql (org, current meeting versions, periods,
 * eligible attendance, leaders' visits) and one query per rule in ./sql/checks.
 * Reminders are not computed: only violations (closed periods) and alerts.
 */
import { readFileSync } from 'node:fs';

/**
 * The rules of dieu-le and yb-qd18 this peer computes: every rule of both
 * packs. (dieu-le/excused-absence-streak and dieu-le/minimum-duration go
 * beyond the brief; yb-qd18/district-quarterly has no period in range on the
 * 2026 bench data, so it is checked to raise nothing there.)
 */
export const PEER_RULES: readonly string[] = [
  'dieu-le/monthly-regular-meeting',
  'dieu-le/quarterly-thematic-meeting',
  'dieu-le/member-unexcused-absence',
  'dieu-le/excused-absence-streak',
  'dieu-le/attendance-rate',
  'dieu-le/minimum-duration',
  'yb-qd18/provincial-standing-quarterly',
  'yb-qd18/provincial-commune-quarterly',
  'yb-qd18/district-quarterly',
  'yb-qd18/commune-monthly',
];

export interface PeerOptions {
  orgFile: string;
  eventsFile: string;
  /** The evaluation instant, ISO 8601 with an offset (as chibo's --as-of). */
  asOf: string;
  /** The first month evaluated, YYYY-MM (as chibo's --from); default: the month of the earliest meeting. */
  from?: string;
}

export interface PeerStep {
  name: string;
  seconds: number;
  /** Findings of a check step; absent for load steps. */
  findings?: number;
}

export interface PeerResult {
  /** Wall time end to end: instance creation, reading both files, every query. */
  seconds: number;
  /** Sorted `${kind}|${ruleId}|${subject.type}:${subject.id}|${period}` (findingIdentity). */
  findings: string[];
  steps: PeerStep[];
}

const SQL_DIR = new URL('./sql/', import.meta.url);

const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

function readSql(name: string, params: Record<string, string>): string {
  return readFileSync(new URL(name, SQL_DIR), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`${name}: no value for {{${key}}}`);
    return value;
  });
}

/** load.sql split at its `-- @step <name>` markers. */
function loadSteps(params: Record<string, string>): Array<{ name: string; sql: string }> {
  return readSql('load.sql', params)
    .split(/^-- @step /m)
    .slice(1)
    .map((chunk) => {
      const newline = chunk.indexOf('\n');
      return { name: chunk.slice(0, newline).trim(), sql: chunk.slice(newline + 1) };
    });
}

export async function runDuckdbPeer(opts: PeerOptions): Promise<PeerResult> {
  if (opts.from !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.from)) throw new RangeError(`from: expected YYYY-MM, not "${opts.from}"`);
  const params = {
    org_file: sqlString(opts.orgFile),
    events_file: sqlString(opts.eventsFile),
    as_of: sqlString(opts.asOf),
    from: opts.from === undefined ? 'NULL' : sqlString(opts.from),
  };
  const steps: PeerStep[] = [];
  const started = performance.now();
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const findings: string[] = [];
  try {
    for (const step of loadSteps(params)) {
      const t = performance.now();
      await con.run(step.sql);
      steps.push({ name: step.name, seconds: (performance.now() - t) / 1000 });
    }
    for (const ruleId of PEER_RULES) {
      const t = performance.now();
      const check = readSql(`checks/${ruleId.replace('/', '.')}.sql`, params);
      const reader = await con.runAndReadAll(`SELECT kind || '|' || rule_id || '|' || subject_type || ':' || subject_id || '|' || period AS identity FROM (${check}) AS q`);
      const ids = (reader.getColumnsJS()[0] ?? []) as string[];
      for (const id of ids) findings.push(id);
      steps.push({ name: ruleId, seconds: (performance.now() - t) / 1000, findings: ids.length });
    }
  } finally {
    con.closeSync();
    instance.closeSync();
  }
  const seconds = (performance.now() - started) / 1000;
  // Code-unit order, as JavaScript compares strings.
  findings.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { seconds, findings, steps };
}
