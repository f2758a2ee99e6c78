/**
 * Every case of the hostile-input corpus through the HTTP API of the embedded
 * default (a real server on a random port, dynalite in memory) and through
 * the CLI (in process: `chibo evaluate` over files, `chibo import` / `record`
 * / `findings` / `report` against that server). Each is refused with an error
 * naming the field, or accepted safely; never a crash, a stack trace, a state
 * change on refusal, or a control character from the input in any output.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath } from '../../cli/input-error.ts';
import { startRuntime, type Runtime } from '../../local/runtime.ts';
import { instantMs } from '../../shared/calendar/period.ts';
import { runCli } from '../support/cli.ts';
import { base, bodyOf, eventsFileOf, loadCorpus, type HostileCase } from './corpus.ts';

const TOKENS = { admin: 'hostile-admin-token-0001', recorder: 'hostile-recorder-token-01' };
const AS_OF = ['--as-of', '2026-04-04T00:00:00+07:00'];
/** What no output may carry from input: controls (but a line feed), invisible format characters, lone surrogates, separators. */
const UNSAFE = /(?!\n)[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
const STACK = /\n\s+at \S|internal error/;

let dir: string;
let runtime: Runtime;
let consoleText = '';
let baseOrgFile: string;
let emptyEventsFile: string;
const writes = { bus: 0, org: 0 };
/** Every event the API put on the bus. */
const accepted: Array<{ eventId: string; meetingId: string }> = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chibo-hostile-'));
  const tokensFile = join(dir, 'chibo.tokens.json');
  await writeFile(tokensFile, JSON.stringify({ tokens: { [TOKENS.admin]: { units: ['LC'], roles: ['admin'] }, [TOKENS.recorder]: { units: ['LC.NL.TDP5'], roles: ['recorder'] } } }));
  const console = new PassThrough();
  console.on('data', (c: Buffer) => (consoleText += c.toString('utf8')));
  runtime = await startRuntime({ dataDir: null, stateDir: dir, port: 0, simulatedStart: instantMs('2026-01-01T00:00:00+07:00'), tokensFile, console, env: {} });
  // Every write the API can cause goes through these two ports: counted, so a refusal can be shown to write nothing.
  const { bus, orgStore } = runtime.api;
  const put = bus.put.bind(bus);
  bus.put = (events) => (writes.bus++, accepted.push(...events.map(({ eventId, meetingId }) => ({ eventId, meetingId }))), put(events));
  const replace = orgStore.replace.bind(orgStore);
  orgStore.replace = (s) => (writes.org++, replace(s));
  baseOrgFile = join(dir, 'base-org.json');
  emptyEventsFile = join(dir, 'empty.jsonl');
  await writeFile(baseOrgFile, JSON.stringify(base.org));
  await writeFile(emptyEventsFile, '');
  expect((await http('PUT', '/org', 'admin', JSON.stringify(base.org))).status).toBe(200);
}, 60_000);
afterAll(async () => runtime?.close());

async function http(method: string, path: string, as: 'admin' | 'recorder', body?: string): Promise<{ status: number; text: string; json: unknown }> {
  const res = await fetch(`${runtime.url}${path}`, { method, headers: { authorization: `Bearer ${TOKENS[as]}` }, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as unknown };
}

const restoreOrg = async () => expect((await http('PUT', '/org', 'admin', JSON.stringify(base.org))).status).toBe(200);

/** The HTTP answer: the status, a JSON error naming the field, nothing unsafe, and no write when refused. */
async function checkHttp(c: HostileCase, send: () => Promise<{ status: number; text: string; json: unknown }>) {
  const before = { ...writes };
  const res = await send();
  expect(res.status, res.text.slice(0, 500)).toBe(c.expected.status);
  expect(res.text).not.toMatch(STACK);
  expect(res.text).not.toMatch(UNSAFE);
  if (res.status >= 400) {
    const body = res.json as { error?: unknown; errors?: Array<{ path: string; index?: number; message: string }> };
    expect(typeof body.error === 'string' || Array.isArray(body.errors)).toBe(true);
    if (c.expected.field !== undefined) {
      // The path names the field, or (a query's unknown parameter, at the root) the message does.
      const field = c.expected.field;
      const named = (body.errors ?? []).some((e) => e.path === field || e.path.startsWith(`${field}.`));
      expect(named, `errors ${JSON.stringify(body.errors)}`).toBe(true);
    }
    if (c.expected.index !== undefined) expect(body.errors?.[0]?.index).toBe(c.expected.index);
    if (c.expected.mentions !== undefined) expect(res.text).toContain(c.expected.mentions);
    expect(writes).toEqual(before);
  }
  return res;
}

/** A CLI run: the exit code, one line naming the file and the field on refusal, nothing unsafe, no stack. */
async function checkCli(args: string[], exit: 0 | 2, names: { file?: string; field?: string | undefined; mentions?: string | undefined }) {
  // A bad file is one line naming it; a bad option is its line and the command's usage.
  const before = { ...writes };
  const res = await runCli(args);
  expect([0, 2]).toContain(res.code);
  expect(res.code, res.stderr.slice(0, 500)).toBe(exit);
  for (const out of [res.stdout, res.stderr]) {
    expect(out).not.toMatch(STACK);
    expect(out).not.toMatch(UNSAFE);
  }
  if (exit === 2) {
    expect(res.stderr).toMatch(names.file ? /^chibo: [^\n]+\n$/ : /^chibo: /);
    if (names.file) expect(res.stderr).toContain(names.file);
    if (names.field !== undefined && names.field !== '(root)') expect(res.stderr).toContain(cliPath(names.field));
    if (names.mentions !== undefined) expect(res.stderr).toContain(names.mentions);
    expect(writes).toEqual(before);
  }
  return res;
}

/** Where an accepted org put a value: [collection, id, ...field] in the stored province. */
async function stored(path: ReadonlyArray<string | number>): Promise<unknown> {
  const org = await runtime.orgStore.provinceOrg('LC');
  const [collection, id, ...rest] = path as [string, string, ...Array<string | number>];
  let node = (org[collection as 'units' | 'members' | 'leaders'] as Map<string, unknown>).get(id) as Record<string | number, unknown> | undefined;
  for (const key of rest) node = node?.[key] as Record<string | number, unknown> | undefined;
  return node;
}

describe('org snapshots: PUT /org, chibo evaluate --org, chibo import', () => {
  for (const c of loadCorpus('org.jsonl')) {
    it(`${c.id}: ${c.description}`, async () => {
      const body = bodyOf(c);
      await checkHttp(c, () => http('PUT', '/org', c.as ?? 'admin', body));
      for (const { path, value } of c.expected.stored ?? []) expect(await stored(path)).toEqual(value);
      if (c.expected.status === 200) await restoreOrg();

      const file = join(dir, `${c.id}.json`);
      await writeFile(file, body);
      const evaluate = c.expected.evaluate ?? { cliExit: c.expected.cliExit!, field: c.expected.field };
      await checkCli(['evaluate', '--org', file, '--events', emptyEventsFile, ...AS_OF], evaluate.cliExit, { file: `${c.id}.json`, field: evaluate.field });
      const remote = c.expected.remote ?? { cliExit: c.expected.cliExit!, mentions: undefined };
      const imported = await checkCli(['import', file, '--url', runtime.url, '--token', TOKENS[c.as ?? 'admin']], remote.cliExit, {
        file: `${c.id}.json`,
        field: c.expected.remote ? undefined : c.expected.field,
        mentions: remote.mentions,
      });
      if (imported.code === 0) await restoreOrg();
    });
  }
});

describe('events: POST /events, chibo evaluate --events, chibo record', () => {
  for (const c of loadCorpus('events.jsonl')) {
    it(`${c.id}: ${c.description}`, async () => {
      await checkHttp(c, () => http('POST', '/events', c.as ?? 'admin', bodyOf(c)));
      const file = join(dir, `${c.id}.jsonl`);
      await writeFile(file, eventsFileOf(c));
      const evaluate = c.expected.evaluate ?? { cliExit: c.expected.cliExit!, field: c.expected.field };
      await checkCli(['evaluate', '--org', baseOrgFile, '--events', file, ...AS_OF], evaluate.cliExit, { file: `${c.id}.jsonl`, field: evaluate.field });
      const remote = c.expected.remote ?? { cliExit: c.expected.cliExit!, mentions: undefined };
      await checkCli(['record', file, '--url', runtime.url, '--token', TOKENS[c.as ?? 'admin']], remote.cliExit, {
        file: `${c.id}.jsonl`,
        field: c.expected.remote ? undefined : c.expected.field,
        mentions: remote.mentions,
      });
    });
  }
});

/** The CLI command a query has, or null when one of its parameters has no option (or comes twice). */
function cliOfQuery(c: HostileCase, query: string): string[] | null {
  const params = [...new URLSearchParams(query)];
  const options: Record<string, readonly string[]> = { 'query:findings': ['unit', 'period', 'kind'], 'query:report': ['unit', 'period'] };
  const allowed = options[c.target];
  if (!allowed || params.some(([k]) => !allowed.includes(k)) || new Set(params.map(([k]) => k)).size !== params.length) return null;
  return [c.target === 'query:findings' ? 'findings' : 'report', ...params.flatMap(([k, v]) => [`--${k}`, v])];
}

describe('query parameters: GET /findings, /obligations, /report, chibo findings and report', () => {
  for (const c of loadCorpus('queries.jsonl')) {
    it(`${c.id}: ${c.description}`, async () => {
      const query = 'query' in c.input ? c.input.query : '';
      const res = await checkHttp(c, () => http('GET', `/${c.target.slice('query:'.length)}${query ? `?${query}` : ''}`, c.as ?? 'admin'));
      if (res.status === 200) expect(typeof res.json === 'object' && res.json !== null).toBe(true);
      const args = cliOfQuery(c, query);
      // A case without a CLI form says so, and is one: no case is quietly left out.
      expect(args === null).toBe(c.expected.cliExit === null);
      if (args === null || c.expected.cliExit === null) return;
      await checkCli([...args, '--url', runtime.url, '--token', TOKENS[c.as ?? 'admin']], c.expected.remote?.cliExit ?? c.expected.cliExit, { field: undefined, mentions: c.expected.field === undefined ? undefined : c.target === 'query:report' ? `--${c.expected.field}` : c.expected.field });
    });
  }
});

describe('after the corpus', () => {
  it('every accepted event reached the ledger (none lost to a dead letter), and nothing written to the console or the outbox carries a control character', async () => {
    expect(accepted.length).toBeGreaterThan(0);
    const seen = await runtime.api.ledger.seenEventIds(accepted);
    expect(accepted.filter((e) => !seen.has(e.eventId))).toEqual([]);
    // The outbox exists only once a notification went out; the console has at least the start-up lines.
    const outbox = await readFile(runtime.outboxFile, 'utf8').catch(() => '');
    expect(outbox).not.toMatch(UNSAFE);
    expect(consoleText).not.toBe('');
    expect(consoleText).not.toMatch(UNSAFE);
  });
});
