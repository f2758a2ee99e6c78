/**
 * The embedded default with CHIBO_SMTP_URL, a real SMTP server (smtp-server
 * on 127.0.0.1) and the example quarter: the leader's and the committee's
 * mailboxes hold what the findings say, once each; the committee, on a daily
 * digest, gets one message a day; nobody outside the directory gets mail;
 * and a restart on the same home sends nothing again.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/contract/findings.ts';
import type { DeliveryRecord } from '../../shared/contract/deliveries.ts';
import { startRuntime, type Runtime } from '../../local/runtime.ts';
import { exampleEvents, exampleOrgJson } from '../support/builders.ts';
import { startMailServer, type MailServer } from '../support/mail-server.ts';

const DIRECTORY = [
  { recipient: 'L-xa', name: 'Hà Văn Xã', email: 'xa@example.vn', channels: ['email'], digest: 'immediate' },
  { recipient: 'ubkt:LC.NL', name: 'Ủy ban kiểm tra Đảng ủy phường', email: 'ubkt.nl@example.vn', channels: ['email'], digest: 'daily', language: 'vi' },
];
const ADDRESSES = new Set(DIRECTORY.map((c) => c.email));

let mail: MailServer;
let home: string;
let runtime: Runtime;
let findings: Finding[];
let consoleText = '';
const console = new PassThrough();
console.on('data', (c: Buffer) => (consoleText += c.toString('utf8')));

const start = () =>
  startRuntime({
    dataDir: join(home, 'data'),
    stateDir: home,
    port: 0,
    simulatedStart: Date.parse('2026-01-01T00:00:00+07:00'),
    tokensFile: join(home, 'none.json'),
    console,
    env: { RULE_PACKS: 'yb-qd18', MONITOR_FROM: '2026-01', CHIBO_SMTP_URL: mail.url, CHIBO_MAIL_FROM: 'chibo <chibo@example.vn>', CHIBO_PUBLIC_URL: 'https://chibo.example.vn', CHIBO_DELIVERY_BACKOFF_MS: '10' },
  });
const call = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${runtime.url}${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, json: (await res.json()) as unknown };
};
const to = (address: string) => mail.received.filter((r) => r.to.includes(address));

beforeAll(async () => {
  mail = await startMailServer();
  home = await mkdtemp(join(tmpdir(), 'chibo-mail-'));
  runtime = await start();
  expect((await call('PUT', '/org', exampleOrgJson())).status).toBe(200);
  expect(await call('PUT', '/contacts', { contacts: DIRECTORY })).toEqual({ status: 200, json: { contacts: 2 } });
  expect((await call('POST', '/events', exampleEvents())).status).toBe(202);
  await runtime.deliveries.idle();
  // The quarter's deadlines pass: the sweeps of each day raise reminders and violations, the 07:00 digests follow.
  expect((await call('POST', '/admin/clock', { now: '2026-04-06T08:00:00+07:00' })).status).toBe(200);
  await runtime.deliveries.idle();
  findings = (await call('GET', '/findings')).json as Finding[];
}, 120_000);
afterAll(async () => {
  await runtime?.close();
  await mail?.close();
});

describe('e-mail to the contact directory', () => {
  it('sends the leader one message per notice of theirs: a Vietnamese subject with diacritics, both parts, the citation and the link', () => {
    const mine = findings.filter((f) => f.recipients.includes('L-xa'));
    expect(mine.length).toBeGreaterThanOrEqual(2);
    const inbox = to('xa@example.vn');
    for (const f of mine) {
      const gist = f.message.vi.replace(/\s*\([^()]*\)\s*$/, '');
      const got = inbox.filter((r) => r.mail.subject === `[${f.kind === 'violation' ? 'Vi phạm' : f.kind === 'reminder' ? 'Nhắc nhở' : 'Cảnh báo'}] ${gist}`);
      expect(got, f.message.vi).toHaveLength(1);
      const m = got[0]!.mail;
      expect(m.from?.value).toEqual([{ name: 'chibo', address: 'chibo@example.vn' }]);
      expect(m.text).toContain(`Căn cứ: ${f.citation}`);
      expect(m.text).toContain(f.message.en);
      expect(m.text!.indexOf(f.message.vi)).toBeLessThan(m.text!.indexOf(f.message.en));
      expect(m.html).toContain('Kính gửi đồng chí Hà Văn Xã');
      expect(m.text).toContain(`https://chibo.example.vn/?view=inbox&finding=${encodeURIComponent(`${f.kind}|${f.ruleId}|${f.subject.type}:${f.subject.id}|${f.period}`)}`);
    }
  });

  it('sends the leader exactly one message per notice the pipeline announced to them (the outbox)', async () => {
    const outbox = (await readFile(runtime.outboxFile, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { attributes: { recipientId: string } });
    const announced = outbox.filter((n) => n.attributes.recipientId === 'L-xa').length;
    expect(announced).toBeGreaterThanOrEqual(4);
    expect(to('xa@example.vn')).toHaveLength(announced);
  });

  it('sends the committee, on a daily digest, at most one message a local day, grouped by kind, with the counts', () => {
    const digests = to('ubkt.nl@example.vn');
    expect(digests.length).toBeGreaterThan(0);
    const days = digests.map((d) => /^\[Bản tin ngày (\d\d\/\d\d\/\d{4})\]/.exec(d.mail.subject ?? '')?.[1]);
    expect(days.every((d) => d !== undefined)).toBe(true);
    expect(new Set(days).size).toBe(days.length);
    // The last day's digest lists every open violation of the committee's.
    const last = digests.at(-1)!.mail;
    const violations = findings.filter((f) => f.kind === 'violation' && f.recipients.includes('ubkt:LC.NL'));
    expect(last.subject).toContain(`${violations.length} vi phạm`);
    expect(last.text).toContain(`Vi phạm (${violations.length})`);
    for (const v of violations) expect(last.text).toContain(v.message.vi.replace(/\s*\([^()]*\)\s*$/, ''));
    expect(last.html).toContain('<h3');
  });

  it('sends nothing to an address that is not in the directory', () => {
    expect(mail.received.length).toBeGreaterThan(0);
    for (const r of mail.received) for (const address of r.to) expect(ADDRESSES.has(address)).toBe(true);
  });

  it('logs each send, and the recipients without a contact as undeliverable', async () => {
    const log = (await call('GET', '/deliveries')).json as DeliveryRecord[];
    const sent = log.filter((r) => r.status === 'sent' && r.recipient === 'L-xa');
    expect(sent.length).toBe(to('xa@example.vn').length);
    expect(log.some((r) => r.recipient === 'S-TDP2' && r.status === 'undeliverable' && r.reason === 'no contact for this recipient in the directory')).toBe(true);
    // The log names people by id: it holds no address.
    expect(JSON.stringify(log)).not.toMatch(/@example\.vn/);
  });

  it('writes no contact to the console, the outbox or the dead letters', async () => {
    const written = [consoleText, await readFile(runtime.outboxFile, 'utf8'), await readFile(join(home, 'dead-letters.jsonl'), 'utf8').catch(() => '')].join('\n');
    expect(consoleText).toContain('→ L-xa');
    for (const c of DIRECTORY) {
      expect(written).not.toContain(c.email);
      expect(written).not.toContain(c.name);
    }
  });

  it('sends nothing again after a restart on the same home', async () => {
    const before = mail.received.length;
    await runtime.close();
    runtime = await start();
    await runtime.deliveries.idle();
    await runtime.sendDigests('2026-04-06T07:00:00+07:00');
    await new Promise((r) => setTimeout(r, 200));
    expect(mail.received.length).toBe(before);
  });
});
