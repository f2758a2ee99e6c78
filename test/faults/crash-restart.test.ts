/**
 * Killed for real mid-event (a child `chibo serve` with SIGKILL at one point of
 * the event's path, CHIBO_CRASH_AT), restarted on the same home and the event
 * resent, as a client that saw no 202 does: the meeting's alerts are announced,
 * once each, except in the window between a publish and its sent-mark, where
 * a notice may go twice (docs/operations.md).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRASH_POINTS, type CrashPoint } from '../../local/crash-points.ts';
import { exampleEvents, exampleOrgJson } from '../support/builders.ts';

const BIN = resolve(import.meta.dirname, '../../bin/chibo.js');
/** The example's first meeting: attendance below the threshold, an alert to the cell's secretary and the ward's inspection committee. */
const EVENT = { ...exampleEvents()[0]!, eventId: 'e-crash' };

interface Served {
  child: ChildProcess;
  url: string;
  exited: Promise<NodeJS.Signals | number | null>;
}

function serve(home: string, crashAt?: string): Promise<Served> {
  const env = { ...process.env, CHIBO_HOME: home, RULE_PACKS: 'yb-qd18', MONITOR_FROM: '2026-01', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...(crashAt ? { CHIBO_CRASH_AT: crashAt } : {}) };
  delete (env as Record<string, string | undefined>)['CHIBO_DATA_DIR'];
  const child = spawn(process.execPath, [BIN, 'serve', '--no-demo', '--port', '0', '--clock', 'simulated', '--start', '2026-01-10T00:00:00+07:00'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<NodeJS.Signals | number | null>((done) => child.once('exit', (code, signal) => done(signal ?? code)));
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /running|chạy tại (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url && out.includes('Ctrl+C')) ok({ child, url, exited });
    });
    void exited.then((how) => fail(new Error(`chibo serve ended (${how}) before serving: ${out}`)));
  });
}

const post = (url: string, body: unknown) => fetch(`${url}/events`, { method: 'POST', body: JSON.stringify(body) });

/** The alert notices in the outbox, as "kind ruleId recipient period" → how many times. */
async function notices(home: string): Promise<Map<string, number>> {
  const text = await readFile(join(home, 'outbox.jsonl'), 'utf8').catch(() => '');
  const counts = new Map<string, number>();
  for (const line of text.split('\n').filter(Boolean)) {
    const { attributes: a } = JSON.parse(line) as { attributes: Record<string, string> };
    const key = `${a['kind']} ${a['ruleId']} ${a['recipientId']} ${a['period']}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Starts a home with the example's org; the event through `chibo serve` with the crash planned, if any. */
async function run(crashAt: CrashPoint | null, options: { dropJournal?: boolean } = {}) {
  const home = join(await mkdtemp(join(tmpdir(), 'chibo-crash-')), 'home');
  const first = await serve(home, crashAt ? `${crashAt}:${EVENT.eventId}` : undefined);
  expect((await fetch(`${first.url}/org`, { method: 'PUT', body: JSON.stringify(exampleOrgJson()) })).status).toBe(200);
  const answer = await post(first.url, EVENT).then((r) => r.status, (err: Error) => err.message);
  if (crashAt) {
    expect(answer).toBe('fetch failed');
    expect(await first.exited).toBe('SIGKILL');
  } else {
    expect(answer).toBe(202);
    first.child.kill('SIGTERM');
    await first.exited;
  }
  // Without its journal the restart knows nothing of the event: the resend alone must finish it.
  if (options.dropJournal) await rm(join(home, 'queue.jsonl'));
  const second = await serve(home);
  try {
    const resent = (await (await post(second.url, EVENT)).json()) as { accepted: number; duplicates: number };
    const findings = (await (await fetch(`${second.url}/findings?unit=LC.NL.TDP2&kind=alert`)).json()) as Array<{ subject: { id: string } }>;
    return { resent, findings, notices: await notices(home) };
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }
}

describe('killed mid-event, restarted and resent', () => {
  let expected: Map<string, number>;

  it('without a crash: the alerts the meeting raises, each announced once', async () => {
    const clean = await run(null);
    expect(clean.resent).toEqual({ accepted: 0, duplicates: 1 });
    expected = clean.notices;
    expect([...expected.keys()].filter((k) => k.startsWith('alert dieu-le/attendance-rate')).length).toBeGreaterThan(0);
    expect([...expected.values()].every((n) => n === 1)).toBe(true);
  }, 60_000);

  for (const point of CRASH_POINTS) {
    it(`killed ${point}: the restart finishes the event from its journal; the resend is a duplicate; every alert announced`, async () => {
      const after = await run(point);
      expect(after.resent).toEqual({ accepted: 0, duplicates: 1 });
      expect(after.findings.some((f) => f.subject.id === EVENT.meetingId)).toBe(true);
      expect([...after.notices.keys()].sort()).toEqual([...expected.keys()].sort());
      // Published and killed before its sent-mark: that one notice may go twice (the documented window), no other.
      for (const [key, n] of after.notices) expect(n, key).toBeLessThanOrEqual(point === 'after-publish' ? 2 : 1);
    }, 60_000);
  }

  for (const point of ['after-claim', 'after-findings'] as const) {
    it(`killed ${point} with the journal lost: the claimed event is not a duplicate; its resend is taken and announced`, async () => {
      const after = await run(point, { dropJournal: true });
      expect(after.resent).toEqual({ accepted: 1, duplicates: 0 });
      expect([...after.notices.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [key, n] of after.notices) expect(n, key).toBe(1);
    }, 60_000);
  }
});
