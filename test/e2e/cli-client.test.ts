/** `chibo import`, `record` and `findings` against a running embedded monitor. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { instantMs } from '../../shared/calendar/period.ts';
import { startRuntime, type Runtime } from '../../local/runtime.ts';
import { runCli } from '../support/cli.ts';

const EXAMPLE = new URL('../../examples/yen-bai-q1/', import.meta.url).pathname;
let runtime: Runtime;

beforeAll(async () => {
  const d = await mkdtemp(join(tmpdir(), 'chibo-client-'));
  runtime = await startRuntime({ dataDir: null, stateDir: d, port: 0, simulatedStart: instantMs('2026-01-01T00:00:00+07:00'), tokensFile: join(d, 'none.json'), console: null, env: { RULE_PACKS: 'yb-qd18', MONITOR_FROM: '2026-01' } });
});
afterAll(async () => runtime.close());

it('import, record and findings give the findings of chibo evaluate', async () => {
  const url = ['--url', runtime.url];
  expect(await runCli(['import', join(EXAMPLE, 'org.json'), ...url])).toMatchObject({ code: 0, stdout: expect.stringContaining('5 đơn vị') });
  expect(await runCli(['record', join(EXAMPLE, 'events.jsonl'), ...url])).toMatchObject({ code: 0, stdout: expect.stringContaining('Accepted 9, duplicates 0') });
  expect((await runCli(['record', join(EXAMPLE, 'events.jsonl'), ...url])).stdout).toContain('Accepted 0, duplicates 9');
  await runtime.setClock!(instantMs('2026-04-04T06:00:00+07:00'));
  const served = await runCli(['findings', '--json', ...url]);
  const local = await runCli(['evaluate', '--org', join(EXAMPLE, 'org.json'), '--events', join(EXAMPLE, 'events.jsonl'), '--packs', 'yb-qd18', '--as-of', '2026-04-04T06:00:00+07:00', '--from', '2026-01']);
  expect(served.stdout).toBe(local.stdout);
  const table = await runCli(['findings', '--kind', 'violation', ...url]);
  expect(table.stdout).toContain('2026-02  vi phạm   Chi bộ tổ dân phố 5 chưa sinh hoạt thường kỳ tháng 02/2026');
});

it('bad input exits 2 naming the file, the line and the field; an unreachable monitor says so', async () => {
  const { tempFiles } = await import('../support/cli.ts');
  const files = tempFiles({ 'bad.jsonl': '{"type":"MeetingRetracted","eventId":"e","meetingId":"m","recordedAt":"2026-01-01T00:00:00+07:00"}\n{"type":"MeetingRecorded"}\n' });
  const res = await runCli(['record', files['bad.jsonl']!, '--url', runtime.url]);
  expect(res.code).toBe(2);
  expect(res.stderr).toMatch(/bad\.jsonl:2: /);
  expect((await runCli(['findings', '--url', 'http://127.0.0.1:9'])).stderr).toContain('is `npm start` running?');
  expect((await runCli(['findings', '--bogus'])).code).toBe(2);
});

it('import into a data dir, then a start on it serves that org without a demo', async () => {
  const d = await mkdtemp(join(tmpdir(), 'chibo-datadir-'));
  const res = await runCli(['import', join(EXAMPLE, '../../docs/templates/org.xlsx'), '--data-dir', join(d, 'data')]);
  expect(res).toMatchObject({ code: 0, stdout: expect.stringContaining('5 đơn vị, 15 đảng viên') });
  const again = await startRuntime({ dataDir: join(d, 'data'), stateDir: d, port: 0, simulatedStart: null, tokensFile: join(d, 'none.json'), console: null, env: {} });
  try {
    expect((await again.orgStore.meta())?.provinces).toEqual(['LC']);
  } finally {
    await again.close();
  }
});
