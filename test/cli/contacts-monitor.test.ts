/**
 * `chibo import` of a contacts file and `chibo deliveries` against a running
 * embedded monitor: the templates reach GET /contacts as the example
 * directory, the monitor's refusals come back by row, and the delivery log
 * reads as a Vietnamese table and as JSON Lines.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantMs } from '../../shared/calendar/period.ts';
import type { NoticeRef } from '../../shared/contract/deliveries.ts';
import { startRuntime, type Runtime } from '../../local/runtime.ts';
import { runCli } from '../support/cli.ts';
import { TEMPLATE_DIRECTORY } from './template-directory.ts';

const TEMPLATES = new URL('../../docs/templates/', import.meta.url).pathname;
const EXAMPLE = new URL('../../examples/yen-bai-q1/', import.meta.url).pathname;
let runtime: Runtime;
let url: string[];

beforeAll(async () => {
  const d = await mkdtemp(join(tmpdir(), 'chibo-contacts-monitor-'));
  runtime = await startRuntime({ dataDir: null, stateDir: d, port: 0, simulatedStart: instantMs('2026-01-01T00:00:00+07:00'), tokensFile: join(d, 'none.json'), console: null, env: { RULE_PACKS: 'yb-qd18', MONITOR_FROM: '2026-01' } });
  url = ['--url', runtime.url];
  expect((await runCli(['import', join(EXAMPLE, 'org.json'), ...url])).code).toBe(0);
});
afterAll(async () => runtime?.close());

const directory = async () => (await fetch(`${runtime.url}/contacts`)).json();

describe('chibo import contacts', () => {
  it('the XLSX, the CSV and a JSON file each replace the directory with the example contacts', async () => {
    const xlsx = await runCli(['import', join(TEMPLATES, 'contacts.xlsx'), ...url]);
    expect(xlsx).toEqual({ code: 0, stdout: "Danh bạ liên lạc: 2 người nhận, thay cho danh bạ cũ của các tỉnh bạn quản lý. / Contact directory: 2 recipients, replacing your provinces' directory.\n", stderr: '' });
    expect(await directory()).toEqual(TEMPLATE_DIRECTORY);

    const json = join(await mkdtemp(join(tmpdir(), 'chibo-contacts-')), 'contacts.json');
    await writeFile(json, JSON.stringify({ contacts: [TEMPLATE_DIRECTORY.contacts[1]] }));
    expect(await runCli(['import', json, ...url])).toMatchObject({ code: 0, stdout: expect.stringContaining('1 người nhận') });
    expect(await directory()).toEqual({ contacts: [TEMPLATE_DIRECTORY.contacts[1]] });

    expect((await runCli(['import', join(TEMPLATES, 'csv', 'contacts.csv'), ...url])).code).toBe(0);
    expect(await directory()).toEqual(TEMPLATE_DIRECTORY);
  });

  it('a recipient the monitor does not know is named by its row (403), and nothing changes', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'chibo-contacts-')), 'contacts.csv');
    await writeFile(file, ['recipient,name,email,channels,digest', 'L-xa,Nguyễn Văn Mẫu,ten@example.vn,email,daily', 'L-nope,Bí thư,khac@example.vn,email,daily', 'ubkt:LC.NOPE,Ủy ban,ubkt2@example.vn,email,daily'].join('\n'));
    const res = await runCli(['import', file, ...url]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      `chibo: ${file}:3: recipient: "L-nope" is not a leader or an inspection committee (ubkt:<unit id>) of your provinces\n` +
        `chibo: ${file}:4: recipient: "ubkt:LC.NOPE" is not a leader or an inspection committee (ubkt:<unit id>) of your provinces\n`,
    );
    expect(res.stderr).not.toContain('@example.vn');
    expect(await directory()).toEqual(TEMPLATE_DIRECTORY);
  });
});

describe('chibo deliveries', () => {
  const notice: NoticeRef = { kind: 'violation', ruleId: 'dieu-le/monthly-regular-meeting', subject: { type: 'cell', id: 'LC.NL.TDP5' }, period: '2026-02', stage: 'raised' };
  const where = { provinceId: 'LC', unitId: 'LC.NL.TDP5' };

  beforeAll(async () => {
    // Written through the delivery log port as the delivery use case does: a sent e-mail, a refused SMS, a recipient without a contact.
    const log = runtime.api.deliveries;
    const email = { recipient: 'L-xa', channel: 'email' as const, what: { notice } };
    expect(await log.claim(email, where, 'm1', instantMs('2026-03-01T07:00:00+07:00'), 60_000)).toBe('claimed');
    await log.sent(email, instantMs('2026-03-01T07:00:05+07:00'));
    const sms = { recipient: 'ubkt:LC.NL', channel: 'sms' as const, what: { digest: '2026-03-02' } };
    expect(await log.claim(sms, { provinceId: 'LC', unitId: null }, 'm2', instantMs('2026-03-02T07:00:00+07:00'), 60_000)).toBe('claimed');
    await log.failed(sms, 'HTTP 400: invalid number', instantMs('2026-03-02T07:00:10+07:00'));
    await log.undeliverable('S-TDP5', null, notice, where, 'no contact in the directory', instantMs('2026-03-01T07:00:06+07:00'));
  });

  it('a Vietnamese table: Vietnam time, recipient, channel, what, status in Vietnamese, reason', async () => {
    const res = await runCli(['deliveries', ...url]);
    expect(res.code).toBe(0);
    const lines = res.stdout.split('\n');
    expect(lines[0]).toBe('3 lượt gửi (1 đã gửi, 1 lỗi, 1 không gửi được), giờ Việt Nam / deliveries, Vietnam time');
    expect(lines[2]).toMatch(/^Thời gian\s+Người nhận\s+Kênh\s+Nội dung\s+Trạng thái\s+Lý do$/);
    expect(lines.slice(4, 7).map((l) => l.split(/\s{2,}/))).toEqual([
      ['02/03/2026 07:00', 'ubkt:LC.NL', 'SMS', 'bản tin 02/03/2026', 'lỗi', 'HTTP 400: invalid number'],
      ['01/03/2026 07:00', 'S-TDP5', '—', 'vi phạm dieu-le/monthly-regular-meeting · chi bộ LC.NL.TDP5 · 2026-02', 'không gửi được', 'no contact in the directory'],
      ['01/03/2026 07:00', 'L-xa', 'email', 'vi phạm dieu-le/monthly-regular-meeting · chi bộ LC.NL.TDP5 · 2026-02', 'đã gửi'],
    ]);
    // The columns line up: every row's status starts where the header's does.
    const at = lines[2]!.indexOf('Trạng thái');
    for (const l of lines.slice(4, 7)) expect(/^(lỗi|không gửi được|đã gửi)/.test([...l].slice(at).join(''))).toBe(true);
  });

  it('filters (recipient, status in English or Vietnamese, unit) and JSON Lines', async () => {
    const json = await runCli(['deliveries', '--status', 'đã gửi', '--format', 'json', ...url]);
    expect(json.code).toBe(0);
    const records = json.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(records).toMatchObject([{ recipient: 'L-xa', channel: 'email', status: 'sent', notice, digest: null }]);
    expect((await runCli(['deliveries', '--recipient', 'ubkt:LC.NL', '--format', 'json', ...url])).stdout).toContain('"status":"failed"');
    expect((await runCli(['deliveries', '--status', 'failed', '--format', 'json', ...url])).stdout.trimEnd().split('\n')).toHaveLength(1);
    expect((await runCli(['deliveries', '--unit', 'LC.NL.TDP2', ...url])).stdout).toBe('Chưa có lượt gửi nào. / No deliveries.\n');
  });

  it('a bad option exits 2 naming it', async () => {
    expect(await runCli(['deliveries', '--status', 'done', ...url])).toMatchObject({ code: 2, stderr: expect.stringContaining('--status: expected one of sending (đang gửi), sent (đã gửi)') });
    expect(await runCli(['deliveries', '--format', 'xml', ...url])).toMatchObject({ code: 2, stderr: expect.stringContaining('--format: expected one of table, json') });
    expect(await runCli(['deliveries', '--recipient', 'a b', ...url])).toMatchObject({ code: 2, stderr: expect.stringContaining('--recipient: expected an id') });
  });
});
