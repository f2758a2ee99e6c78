/**
 * `chibo redrive` on a stopped embedded instance: a dead letter whose cause
 * is gone is processed and leaves the file; one that still fails stays with
 * its new reason; a second run changes nothing more.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { startRuntime } from '../../local/runtime.ts';
import { instantMs } from '../../shared/calendar/period.ts';
import { OrgSnapshot } from '../../shared/contract/org.ts';
import { busMessageOf } from '../../shared/use-cases/process-bus-message.ts';
import { exampleEvents, exampleOrgJson } from '../support/builders.ts';

const dir = await mkdtemp(join(tmpdir(), 'chibo-redrive-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
const dataDir = join(dir, 'data');
const start = () => startRuntime({ dataDir, stateDir: dir, port: 0, simulatedStart: instantMs('2026-04-04T06:00:00+07:00'), tokensFile: join(dir, 'none'), console: null, env: { RULE_PACKS: 'yb-qd18', MONITOR_FROM: '2026-01' } });
const redrive = async () => {
  const out = new PassThrough();
  const err = new PassThrough();
  const code = await main(['redrive', '--data-dir', dataDir], out, err);
  return { code, out: String(out.read() ?? ''), err: String(err.read() ?? '') };
};
const lines = async () => (await readFile(join(dir, 'dead-letters.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { reason: string; body: string });

it('re-delivers each dead letter, removes those processed and keeps the failures with their new reason', async () => {
  const runtime = await start();
  await runtime.orgStore.replace(OrgSnapshot.parse(exampleOrgJson()));
  await runtime.close();
  const [good] = exampleEvents();
  const stranger = { ...good!, eventId: 'e-stranger', meetingId: 'mt-stranger', unitId: 'NOT.IN.ORG' };
  await writeFile(
    join(dir, 'dead-letters.jsonl'),
    [busMessageOf(good!), busMessageOf(stranger as never)].map((body) => `${JSON.stringify({ at: '2026-04-04T00:00:00.000Z', reason: 'failed 3 times: throttled', body })}\n`).join(''),
  );

  const first = await redrive();
  expect(first).toMatchObject({ code: 0, err: '' });
  expect(first.out).toContain('Redriven 1 of 2; 1 left.');
  const left = await lines();
  expect(left.map((l) => JSON.parse(l.body).detail.eventId)).toEqual(['e-stranger']);
  expect(left[0]!.reason).toMatch(/^rejected: unit NOT\.IN\.ORG of meeting mt-stranger is not in the org/);

  const again = await redrive();
  expect(again.out).toContain('Redriven 0 of 1; 1 left.');
  expect((await lines()).map((l) => l.body)).toEqual(left.map((l) => l.body));

  const after = await start();
  try {
    expect([...(await after.api.ledger.seenEventIds([{ eventId: good!.eventId, meetingId: good!.meetingId }]))]).toEqual([good!.eventId]);
  } finally {
    await after.close();
  }
});

it('a dead-letter line that is not one names the file, the line and the field (exit 2)', async () => {
  await writeFile(join(dir, 'dead-letters.jsonl'), '{"at":"x","reason":"r","body":"{}"}\n{"at":"x","body":"{}"}\n');
  const res = await redrive();
  expect(res.code).toBe(2);
  expect(res.err).toMatch(/dead-letters\.jsonl:2: reason: /);
});
