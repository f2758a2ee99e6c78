/** The exact requests `chibo import` (contacts) and `chibo deliveries` send, and how they read the monitor's other answers. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { TEMPLATE_DIRECTORY } from './template-directory.ts';

const TEMPLATES = new URL('../../docs/templates/', import.meta.url).pathname;
let server: Server;
let url: string;
let seen: Array<{ method: string; url: string; authorization: string | undefined; contentType: string | undefined; body: string }>;
let answer: { status: number; body: unknown };

const bodyOf = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

beforeAll(async () => {
  server = createServer(async (req, res) => {
    seen.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, contentType: req.headers['content-type'], body: await bodyOf(req) });
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen = [];
});

it('import: one PUT /contacts with the bearer token and the directory as the contract has it', async () => {
  answer = { status: 200, body: { contacts: 2 } };
  const res = await runCli(['import', join(TEMPLATES, 'contacts.xlsx'), '--url', url, '--token', 'a-token-of-the-province-admin']);
  expect(res.code).toBe(0);
  expect(seen).toHaveLength(1);
  expect(seen[0]).toMatchObject({ method: 'PUT', url: '/contacts', authorization: 'Bearer a-token-of-the-province-admin', contentType: 'application/json' });
  expect(JSON.parse(seen[0]!.body)).toEqual(TEMPLATE_DIRECTORY);
});

it('import: a 400 is named by sheet, row and column; a 403 without fields points at the token', async () => {
  answer = { status: 400, body: { error: 'invalid contact directory', errors: [{ path: 'contacts.1.zalo', message: 'not a Zalo number' }] } };
  expect(await runCli(['import', join(TEMPLATES, 'contacts.xlsx'), '--url', url])).toEqual({ code: 2, stdout: '', stderr: 'chibo: contacts.xlsx[contacts]:3: Số Zalo (zalo): not a Zalo number\n' });
  answer = { status: 403, body: { error: 'the contact directory needs the admin role of a province' } };
  expect((await runCli(['import', join(TEMPLATES, 'csv', 'contacts.csv'), '--url', url])).stderr).toBe('chibo: --token: the monitor answered 403: the contact directory needs the admin role of a province\n');
});

it('deliveries: one GET /deliveries with the filters as the API names them', async () => {
  answer = { status: 200, body: [] };
  const res = await runCli(['deliveries', '--recipient', 'ubkt:LC.NL', '--status', 'chờ bản tin', '--unit', 'LC.NL', '--url', url, '--token', 'a-token-of-the-inspector']);
  expect(res).toEqual({ code: 0, stdout: 'Chưa có lượt gửi nào. / No deliveries.\n', stderr: '' });
  expect(seen).toEqual([{ method: 'GET', url: '/deliveries?recipient=ubkt%3ALC.NL&status=waiting&unit=LC.NL', authorization: 'Bearer a-token-of-the-inspector', contentType: 'application/json', body: '' }]);
});

it('deliveries: a waiting notice shows the digest that will carry it; a log off the contract is our fault (exit 1)', async () => {
  const waiting = { recipient: 'L-xa', channel: null, notice: { kind: 'reminder', ruleId: 'yb-qd18/leader-visits', subject: { type: 'leader', id: 'L-xa' }, period: '2026-Q1', stage: 'raised' }, digest: '2026-03-06', status: 'waiting', at: '2026-03-05T13:30:00Z', attempts: 0, provinceId: 'LC', unitId: 'LC.NL' };
  answer = { status: 200, body: [waiting] };
  const table = (await runCli(['deliveries', '--url', url])).stdout.split('\n');
  expect(table[4]!.split(/\s{2,}/)).toEqual(['05/03/2026 20:30', 'L-xa', '—', 'nhắc nhở yb-qd18/leader-visits · cán bộ L-xa · 2026-Q1 → bản tin 06/03/2026', 'chờ bản tin']);
  answer = { status: 200, body: [{ ...waiting, status: 'lost' }] };
  expect(await runCli(['deliveries', '--url', url])).toMatchObject({ code: 1, stderr: expect.stringContaining("the monitor's delivery log does not match the contract (0.status") });
});
