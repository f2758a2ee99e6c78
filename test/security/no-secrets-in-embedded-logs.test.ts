/**
 * The embedded default and the `chibo` client write no member name and no
 * token to the console: the runtime's console (where notifications are
 * announced), the process's stdout and stderr, and the CLI's output and
 * errors, while requests carry names and tokens and fail in every way
 * (a refused token, a bad name, a failing bus). The names stay where they
 * belong: in the store, the API's answers and the outbox file.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { startRuntime, type Runtime } from '../../local/runtime.ts';
import { instantMs } from '../../shared/calendar/period.ts';
import { captureLogs, linesWith } from './capture-logs.ts';
import { AS_OF, ENV, memberNames, NATIONAL_ADMIN, newMeeting, START, token, tokensFile, twoProvinceEvents, twoProvinceOrg } from './two-provinces.ts';

const NAMES = memberNames();
const REFUSED = 'sec-stolen-or-mistyped-token-93c1';
const SECRETS = [...NAMES, NATIONAL_ADMIN, token('LC', 'recorder'), REFUSED];

class Lines extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _: BufferEncoding, done: () => void) {
    this.lines.push(chunk.toString('utf8'));
    done();
  }
}

let dir: string;
let runtime: Runtime;
const runtimeConsole = new Lines();
const cliOut = new Lines();
const cliErr = new Lines();
const logs = captureLogs();

const chibo = (...argv: string[]) => main([...argv, '--url', runtime.url], cliOut, cliErr);
const http = async (bearer: string, method: string, path: string, body?: unknown) =>
  (await fetch(`${runtime.url}${path}`, { method, headers: { authorization: `Bearer ${bearer}` }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })).status;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chibo-logs-'));
  await writeFile(join(dir, 'chibo.tokens.json'), JSON.stringify(tokensFile()));
  runtime = await startRuntime({ dataDir: null, stateDir: dir, port: 0, simulatedStart: instantMs(START), tokensFile: join(dir, 'chibo.tokens.json'), console: runtimeConsole, env: ENV });
});
afterAll(async () => {
  logs.stop();
  await runtime?.close();
});

describe('the embedded default’s console and the CLI', () => {
  it('name no member and show no token, on success and on every kind of failure', async () => {
    const file = async (name: string, text: string) => {
      await writeFile(join(dir, name), text);
      return join(dir, name);
    };
    const org = await file('org.json', JSON.stringify(twoProvinceOrg()));
    const badName = twoProvinceOrg();
    badName.members[0]!.name = `${badName.members[0]!.name}\u0007`;

    expect(await chibo('import', org, '--token', REFUSED)).not.toBe(0);
    expect(await chibo('import', await file('bad.json', JSON.stringify(badName)), '--token', NATIONAL_ADMIN)).not.toBe(0);
    expect(await chibo('import', org, '--token', NATIONAL_ADMIN)).toBe(0);
    const events = [...twoProvinceEvents().filter((e) => e.eventId.startsWith('LC')), { ...newMeeting('LC.NL.TDP2', 'logs-topic'), topic: `Kiểm điểm đồng chí ${NAMES[0]}` }];
    expect(await chibo('record', await file('events.jsonl', events.map((e) => JSON.stringify(e)).join('\n')), '--token', token('LC', 'recorder'))).toBe(0);
    expect(await chibo('record', await file('theirs.jsonl', twoProvinceEvents().filter((e) => e.eventId.startsWith('HG')).map((e) => JSON.stringify(e)).join('\n')), '--token', token('LC', 'recorder'))).not.toBe(0);
    expect(await http(NATIONAL_ADMIN, 'POST', '/events', twoProvinceEvents())).toBe(202);

    const bus = runtime.api.bus;
    runtime.api.bus = { put: () => Promise.reject(new Error(`bus down while delivering a meeting of ${NAMES[1]}`)) };
    expect(await http(token('LC', 'recorder'), 'POST', '/events', { ...newMeeting('LC.NL.TDP5', 'logs-500'), topic: NAMES[1] })).toBe(500);
    runtime.api.bus = bus;
    expect(await http(REFUSED, 'GET', '/findings')).toBe(401);
    // Moving the clock runs the sweeps: reminders and violations are announced on the console.
    expect(await http(NATIONAL_ADMIN, 'POST', '/admin/clock', { now: AS_OF })).toBe(200);

    // Something was written everywhere we look (so the assertion below could fail) ...
    expect(runtimeConsole.lines.length).toBeGreaterThan(0);
    expect(cliErr.lines.length).toBeGreaterThanOrEqual(3);
    expect(cliOut.lines.length).toBeGreaterThan(0);
    // ... and the names did reach the places they belong.
    const outbox = await readFile(runtime.outboxFile, 'utf8');
    expect(NAMES.filter((n) => outbox.includes(n))).not.toEqual([]);
    const written = [...logs.lines, ...runtimeConsole.lines, ...cliOut.lines, ...cliErr.lines];
    expect(linesWith(written, SECRETS)).toEqual([]);
  });
});
