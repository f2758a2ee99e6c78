/** `chibo import`, `record`, `findings` and `report` against a running embedded monitor. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
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
  const imported = await runCli(['import', join(EXAMPLE, 'org.json'), '--progress', ...url]);
  expect(imported).toMatchObject({ code: 0, stdout: expect.stringContaining('5 đơn vị') });
  expect(imported.stderr).toMatch(/Gửi \/ sending \(bytes\) \[█+\] 100% (\d+)\/\1/);
  expect(await runCli(['record', join(EXAMPLE, 'events.jsonl'), ...url])).toMatchObject({ code: 0, stdout: expect.stringContaining('Accepted 9, duplicates 0') });
  expect((await runCli(['record', join(EXAMPLE, 'events.jsonl'), ...url])).stdout).toContain('Accepted 0, duplicates 9');
  await runtime.setClock!(instantMs('2026-04-04T06:00:00+07:00'));
  const served = await runCli(['findings', '--json', ...url]);
  const local = await runCli(['evaluate', '--org', join(EXAMPLE, 'org.json'), '--events', join(EXAMPLE, 'events.jsonl'), '--packs', 'yb-qd18', '--as-of', '2026-04-04T06:00:00+07:00', '--from', '2026-01']);
  expect(served.stdout).toBe(local.stdout);
  const table = await runCli(['findings', '--kind', 'violation', ...url]);
  expect(table.stdout).toContain('2026-02  vi phạm   Chi bộ tổ dân phố 5 chưa sinh hoạt thường kỳ tháng 02/2026');
});

it('report: the table, the CSV and the XLSX hold the same KPIs (after the test above)', async () => {
  const url = ['--url', runtime.url];
  const table = await runCli(['report', '--period', '2026-Q1', '--unit', 'LC', ...url]);
  expect(table.code).toBe(0);
  expect(table.stdout).toContain('Báo cáo quý I/2026: Đảng bộ tỉnh Lào Cai (LC)');
  expect(table.stdout).toMatch(/Đảng bộ tỉnh Lào Cai\s+3\s+2 \(66,7%\)\s+2 \(66,7%\)\s+8\s+92,5%\s+1\s+1\s+4\s+0/);
  expect(table.stdout).toContain('Ủy viên Ban Thường vụ Đảng ủy phường (L-xa): còn thiếu 2 lần dự sinh hoạt');

  const csv = (await runCli(['report', '--period', '2026-Q1', '--unit', 'LC', '--format', 'csv', ...url])).stdout.trim().split('\n');
  expect(csv).toHaveLength(4);
  expect(csv[0]).toMatch(/^Mã đơn vị,Đơn vị,Số chi bộ,/);
  expect(csv[2]).toBe('LC,Đảng bộ tỉnh Lào Cai,3,2,66.7,2,66.7,8,92.5,1,1,Ủy viên Ban Thường vụ Đảng ủy phường,4,0');

  const file = join(await mkdtemp(join(tmpdir(), 'chibo-report-')), 'q1.xlsx');
  expect((await runCli(['report', '--period', '2026-Q1', '--unit', 'LC', '--format', 'xlsx', '--out', file, ...url])).code).toBe(0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet('Báo cáo')!;
  expect(sheet.rowCount).toBe(4);
  expect(sheet.getRow(4).values).toEqual([undefined, 'LC.NL', 'Đảng bộ phường Nghĩa Lộ', 3, 2, 66.7, 2, 66.7, 8, 92.5, 0, 1, 'Ủy viên Ban Thường vụ Đảng ủy phường', 4, 0]);

  const bad = await runCli(['report', '--period', 'Q1', ...url]);
  expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('--period') });
  expect((await runCli(['report', '--period', '2026-Q1', '--format', 'pdf', ...url])).code).toBe(2);
});

it('bad input exits 2 naming the file, the line and the field; an unreachable monitor says so', async () => {
  const { tempFiles } = await import('../support/cli.ts');
  const files = tempFiles({ 'bad.jsonl': '{"type":"MeetingRetracted","eventId":"e","meetingId":"m","recordedAt":"2026-01-01T00:00:00+07:00"}\n{"type":"MeetingRecorded"}\n' });
  const res = await runCli(['record', files['bad.jsonl']!, '--url', runtime.url]);
  expect(res.code).toBe(2);
  expect(res.stderr).toMatch(/bad\.jsonl:2: /);
  expect((await runCli(['findings', '--url', 'http://127.0.0.1:9'])).stderr).toContain('is `npm start` running?');
  expect((await runCli(['findings', '--bogus'])).code).toBe(2);
  // Over API Gateway's 10 MB: refused before sending, with the way that works.
  const big = tempFiles({ 'big.json': JSON.stringify({ units: [{ id: 'P', name: 'Tỉnh', kind: 'province', parentId: null }, { id: 'C1', name: 'Chi bộ', kind: 'cell', parentId: 'P' }], members: Array.from({ length: 200_000 }, (_, i) => ({ id: `M${i}`, name: 'Nguyễn Văn An', cellId: 'C1' })) }) });
  expect(await runCli(['import', big['big.json']!, '--url', runtime.url])).toMatchObject({ code: 2, stderr: expect.stringContaining('more than PUT /org takes (10 MB); stop the monitor and import with --data-dir') });
});

it('import into a data dir, then a start on it serves that org without a demo', async () => {
  const d = await mkdtemp(join(tmpdir(), 'chibo-datadir-'));
  const res = await runCli(['import', join(EXAMPLE, '../../docs/templates/org.xlsx'), '--data-dir', join(d, 'data'), '--progress']);
  expect(res).toMatchObject({ code: 0, stdout: expect.stringContaining('5 đơn vị, 15 đảng viên') });
  // 5 units, 3 cells' member pages, 5 leaders.
  expect(res.stderr).toContain('Ghi / writing (items) [██████████████████████████████] 100% 13/13');
  const again = await startRuntime({ dataDir: join(d, 'data'), stateDir: d, port: 0, simulatedStart: null, tokensFile: join(d, 'none.json'), console: null, env: {} });
  try {
    expect((await again.orgStore.meta())?.provinces).toEqual(['LC']);
  } finally {
    await again.close();
  }
});
