/**
 * Killed for real mid-delivery (a child `chibo serve` with SIGKILL between a
 * send's claim and the send, or between the send and its mark,
 * CHIBO_CRASH_AT), restarted on the same home: every notice reaches the
 * mailbox; none twice, except in the window between a send and its mark,
 * where each send under way may (docs/operations.md). The duplicates are counted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryRecord } from '../../shared/contract/deliveries.ts';
import { DELIVERY_CONSUMERS } from '../../local/delivery-queue.ts';
import { exampleEvents, exampleOrgJson } from '../support/builders.ts';
import { startMailServer, type MailServer } from '../support/mail-server.ts';

const BIN = resolve(import.meta.dirname, '../../bin/chibo.js');
/** The example's TDP2 meetings: four alerts to the cell's secretary. */
const EVENTS = exampleEvents().filter((e) => 'unitId' in e && e.unitId === 'LC.NL.TDP2');
const SECRETARY = { recipient: 'S-TDP2', name: 'Bí thư chi bộ TDP2', email: 'tdp2@example.vn', channels: ['email'], digest: 'immediate' };

let mail: MailServer;
beforeAll(async () => void (mail = await startMailServer()));
afterAll(async () => mail?.close());

interface Served {
  child: ChildProcess;
  url: string;
  exited: Promise<NodeJS.Signals | number | null>;
}

function serve(home: string, crashAt?: string): Promise<Served> {
  const env = { ...process.env, CHIBO_HOME: home, RULE_PACKS: 'yb-qd18', MONITOR_FROM: '2026-01', CHIBO_SMTP_URL: mail.url, CHIBO_DELIVERY_BACKOFF_MS: '10', CHIBO_DELIVERY_RETRY_MS: '20', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...(crashAt ? { CHIBO_CRASH_AT: crashAt } : {}) };
  delete (env as Record<string, string | undefined>)['CHIBO_DATA_DIR'];
  const child = spawn(process.execPath, [BIN, 'serve', '--no-demo', '--port', '0', '--clock', 'simulated', '--start', '2026-04-01T00:00:00+07:00'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<NodeJS.Signals | number | null>((done) => child.once('exit', (code, signal) => done(signal ?? code)));
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /chạy tại (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url && out.includes('Ctrl+C')) ok({ child, url, exited });
    });
    void exited.then((how) => fail(new Error(`chibo serve ended (${how}) before serving: ${out}`)));
  });
}

async function sentTo(url: string, recipient: string, n: number): Promise<DeliveryRecord[]> {
  for (let i = 0; i < 200; i++) {
    const log = (await (await fetch(`${url}/deliveries?recipient=${recipient}`)).json()) as DeliveryRecord[];
    if (log.filter((r) => r.status === 'sent').length >= n) return log;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${recipient}: fewer than ${n} sends logged`);
}

/** The secretary's mailbox after a run killed at `point` (or not) and a restart: how many times each subject came. */
async function run(point: 'after-delivery-claim' | 'after-send'): Promise<Map<string, number>> {
  const home = join(await mkdtemp(join(tmpdir(), 'chibo-dcrash-')), 'home');
  const before = mail.received.length;
  const first = await serve(home, `${point}:S-TDP2`);
  const call = (url: string, method: string, path: string, body: unknown) => fetch(`${url}${path}`, { method, body: JSON.stringify(body) }).then((r) => r.status, () => 'fetch failed');
  expect(await call(first.url, 'PUT', '/org', exampleOrgJson())).toBe(200);
  expect(await call(first.url, 'PUT', '/contacts', { contacts: [SECRETARY] })).toBe(200);
  await call(first.url, 'POST', '/events', EVENTS);
  expect(await first.exited).toBe('SIGKILL');
  const second = await serve(home);
  try {
    // As a client that may have seen no 202: the events again (duplicates), then the sends the restart finishes.
    expect(await call(second.url, 'POST', '/events', EVENTS)).toBe(202);
    await sentTo(second.url, 'S-TDP2', 4);
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }
  const counts = new Map<string, number>();
  for (const r of mail.received.slice(before)) counts.set(r.mail.subject ?? '', (counts.get(r.mail.subject ?? '') ?? 0) + 1);
  return counts;
}

/** The four alerts of the TDP2 meetings: three below the attendance threshold, one member's third month of absence. */
const ALERTS = 4;
const isAlert = (subject: string) => subject.startsWith('[Cảnh báo] ');

describe('killed mid-delivery and restarted', () => {
  it('killed between the claim and the send: every notice delivered, none twice', async () => {
    const after = await run('after-delivery-claim');
    expect(after.size).toBe(ALERTS);
    expect([...after.keys()].every(isAlert)).toBe(true);
    expect([...after.values()].every((n) => n === 1)).toBe(true);
  }, 60_000);

  it('killed between the send and its mark: every notice delivered; those in the window (at most one per consumer) at most twice', async () => {
    const after = await run('after-send');
    expect(after.size).toBe(ALERTS);
    expect([...after.keys()].every(isAlert)).toBe(true);
    const twice = [...after.values()].filter((n) => n === 2).length;
    expect([...after.values()].every((n) => n <= 2)).toBe(true);
    // The sends under way when the process died went out and were never marked: each of those may go again, no other.
    expect(twice).toBeLessThanOrEqual(DELIVERY_CONSUMERS);
    console.log(`delivery crash window: ${twice} of ${after.size} notices sent twice`);
  }, 60_000);
});
