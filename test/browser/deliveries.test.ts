/**
 * The delivery log in the inbox and the link a notice's e-mail carries, in
 * Chromium against the embedded default with its demo, a real SMTP server
 * (smtp-server on 127.0.0.1) and a contact directory put before the quarter
 * is replayed: each finding's row says, per recipient, how its notice went
 * out (sent by e-mail at a time, refused with the server's reason, waiting
 * for the daily digest, not deliverable for want of a channel or a contact);
 * the digest at 07:00 turns waiting into sent; a recorder (403) sees no
 * delivery column; `?view=inbox&finding=…` opens on the finding, focused.
 * The page never asks for contacts and no address reaches it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryRecord } from '../../shared/contract/deliveries.ts';
import { findingIdentity, type Finding } from '../../shared/contract/findings.ts';
import { startMailServer, type MailServer } from '../support/mail-server.ts';
import { shortTime } from '../../web/src/identity.ts';
import { apiGet, apiSend, screenshot, startWorld, type World } from './support.ts';

declare const document: { activeElement: { getAttribute(name: string): string | null } | null };
declare const window: { innerHeight: number };

/** The demo's commune C001 and its January violation's cell; C002's committee reads a daily digest; L.SH.02's mailbox refuses mail. */
const DIRECTORY = [
  { recipient: 'ubkt:SH.C001', name: 'UBKT Đảng ủy xã 1', email: 'ubkt.c001@example.vn', channels: ['email'], digest: 'immediate' },
  { recipient: 'ubkt:SH.C002', name: 'UBKT Đảng ủy xã 2', email: 'ubkt.c002@example.vn', channels: ['email'], digest: 'daily' },
  { recipient: 'bt.SH.C001.KDC04', name: 'Bí thư chi bộ KDC04', phone: '+84912345678', channels: ['sms'], digest: 'immediate' },
  { recipient: 'L.SH.02', name: 'Ủy viên thường vụ', email: 'refused@example.vn', channels: ['email'], digest: 'immediate' },
];
const ADDRESSES = [...DIRECTORY.flatMap((c) => [c.email, c.phone]).filter((a): a is string => a !== undefined)];

let mail: MailServer;
let world: World;
let page: Page;
let violations: Finding[];
/** Every path the page asked for, and whether any answer held an address of the directory. */
const requested: string[] = [];
const leaked: string[] = [];

const byRule = (ruleId: string, subjectId: string) => violations.find((f) => f.ruleId === ruleId && f.subject.id === subjectId)!;
const rowOf = (f: Finding) => page.locator(`#inbox tr[data-identity="${findingIdentity(f)}"]`);
const line = (f: Finding, recipient: string, stage = 'raised') => rowOf(f).locator(`li.delivery[data-recipient="${recipient}"][data-stage="${stage}"] .delivery-status`);
const logOf = async (f: Finding, recipient: string): Promise<DeliveryRecord> =>
  (await apiGet<DeliveryRecord[]>(world.runtime, `/deliveries?recipient=${encodeURIComponent(recipient)}`)).find((r) => r.notice && findingIdentity(r.notice) === findingIdentity(f) && r.notice.stage === 'raised')!;

async function openInbox(): Promise<void> {
  await page.locator('#view-heatmap').click();
  await page.locator('#view-inbox').click();
  await page.locator('.inbox-list:not([aria-busy]) #inbox').waitFor();
}

beforeAll(async () => {
  mail = await startMailServer();
  mail.reject.add('refused@example.vn');
  world = await startWorld({
    env: { CHIBO_SMTP_URL: mail.url, CHIBO_PUBLIC_URL: 'http://chibo.test' },
    beforeReplay: async (runtime) => void (await apiSend(runtime, 'PUT', '/contacts', { contacts: DIRECTORY })),
  });
  page = world.page;
  await world.runtime.deliveries.idle();
  violations = await apiGet<Finding[]>(world.runtime, '/findings?kind=violation');
  page.on('request', (req) => requested.push(new URL(req.url()).pathname));
  page.on('response', (res) => {
    void res.text().then(
      (body) => ADDRESSES.filter((a) => body.includes(a)).forEach((a) => leaked.push(`${new URL(res.url()).pathname}: ${a}`)),
      () => {},
    );
  });
  await page.goto(world.runtime.url);
  await page.waitForSelector('#heatmap');
}, 120_000);

afterAll(async () => {
  await world?.close();
  await mail?.close();
});

describe('the inbox shows how each finding’s notices went out', () => {
  it('sent by e-mail at its time; not deliverable by SMS where no gateway is configured; not deliverable without a contact', async () => {
    const january = byRule('dieu-le/monthly-regular-meeting', 'SH.C001.KDC04');
    const sent = await logOf(january, 'ubkt:SH.C001');
    expect(sent).toMatchObject({ status: 'sent', channel: 'email' });
    expect(mail.received.some((r) => r.to.includes('ubkt.c001@example.vn'))).toBe(true);
    await openInbox();
    expect(await page.locator('#inbox thead th').allInnerTexts()).toContain('Thông báo đã gửi');
    expect(await line(january, 'ubkt:SH.C001').innerText()).toBe(`đã gửi qua e-mail ${shortTime(sent.at)}`);
    expect(shortTime(sent.at)).toMatch(/^\d\d:\d\d \d\d\/\d\d$/);
    expect(await line(january, 'bt.SH.C001.KDC04').innerText()).toBe('không gửi được qua SMS: máy chủ chưa cấu hình kênh SMS');
    // The recipient is named as the heatmap names it: the committee by its commune.
    expect(await rowOf(january).locator('li[data-recipient="ubkt:SH.C001"] .recipient').innerText()).toMatch(/^UBKT /);

    const noContact = violations.find((f) => f.recipients.some((r) => !DIRECTORY.some((c) => c.recipient === r)))!;
    const stranger = noContact.recipients.find((r) => !DIRECTORY.some((c) => c.recipient === r))!;
    expect(await line(noContact, stranger).innerText()).toBe('không gửi được: chưa có liên hệ trong danh bạ');
    await screenshot(page, 'd1-inbox-deliveries');
  });

  it('a mailbox that refuses the message: "lỗi" with the server’s reason, and no address in it', async () => {
    const quarterly = violations.find((f) => f.recipients.includes('L.SH.02'))!;
    const refused = await logOf(quarterly, 'L.SH.02');
    expect(refused.status).toBe('failed');
    const text = await line(quarterly, 'L.SH.02').innerText();
    expect(text).toBe(`lỗi e-mail: ${refused.reason}`);
    expect(text).toMatch(/550/);
    expect(text).not.toContain('refused@example.vn');
  });

  it('a committee on the daily digest: "chờ bản tin hằng ngày", then sent in the 07:00 digest', async () => {
    const c002 = violations.find((f) => f.recipients.includes('ubkt:SH.C002'))!;
    expect(await line(c002, 'ubkt:SH.C002').innerText()).toBe('chờ bản tin hằng ngày');
    const before = mail.received.length;
    await apiSend(world.runtime, 'POST', '/admin/clock', { now: '2026-04-04T07:00:00+07:00' });
    await world.runtime.deliveries.idle();
    expect(mail.received.slice(before).filter((r) => r.to.includes('ubkt.c002@example.vn'))).toHaveLength(1);
    await openInbox();
    expect(await line(c002, 'ubkt:SH.C002').innerText()).toBe('đã gửi qua e-mail 07:00 04/04 (trong bản tin hằng ngày)');
  });

  it('says it in English in the English view', async () => {
    const january = byRule('dieu-le/monthly-regular-meeting', 'SH.C001.KDC04');
    const sent = await logOf(january, 'ubkt:SH.C001');
    await page.locator('#lang').click();
    await openInbox();
    expect(await page.locator('#inbox thead th').allInnerTexts()).toContain('Notices sent');
    expect(await line(january, 'ubkt:SH.C001').innerText()).toBe(`sent by e-mail ${shortTime(sent.at)}`);
    expect(await line(january, 'bt.SH.C001.KDC04').innerText()).toBe('undeliverable by SMS: no sms channel is configured here');
    await page.locator('#lang').click();
  });

  it('a recorder (403 from the log) sees no delivery column; an empty log says "chưa gửi"', async () => {
    await page.route('**/deliveries*', (route) => route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ error: 'the delivery log needs the inspector or admin role' }) }));
    await openInbox();
    expect(await page.locator('#inbox thead th').allInnerTexts()).not.toContain('Thông báo đã gửi');
    expect(await page.locator('#inbox td.deliveries').count()).toBe(0);
    expect(await page.locator('.inbox-list > [role=alert]').count()).toBe(0);
    await page.unroute('**/deliveries*');
    await page.route('**/deliveries*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '[]' }));
    await openInbox();
    const cells = await page.locator('#inbox td.deliveries').allInnerTexts();
    expect(cells.length).toBeGreaterThan(0);
    expect(new Set(cells)).toEqual(new Set(['chưa gửi']));
    await page.unroute('**/deliveries*');
  });

  it('reads the log once per inbox load, not once per finding', async () => {
    const calls: string[] = [];
    const count = (req: { url(): string }) => new URL(req.url()).pathname === '/deliveries' && calls.push(req.url());
    page.on('request', count);
    await openInbox();
    page.off('request', count);
    expect(await page.locator('#inbox tbody tr').count()).toBeGreaterThan(1);
    expect(calls).toHaveLength(1);
  });
});

describe('the link in a notice’s e-mail', () => {
  it('opens the inbox on the finding: its period filter set, the row highlighted, in view and focused', async () => {
    // A finding of another month than the newest: the default filters would not show it first.
    const january = byRule('dieu-le/monthly-regular-meeting', 'SH.C001.KDC04');
    const identity = findingIdentity(january);
    const link = mail.received.flatMap((r) => r.mail.text?.match(/http:\/\/chibo\.test\/\S+/g) ?? []).find((l) => l.includes(encodeURIComponent(identity)))!;
    expect(link).toBe(`http://chibo.test/?view=inbox&finding=${encodeURIComponent(identity)}`);
    await page.goto(link.replace('http://chibo.test', world.runtime.url));
    const row = rowOf(january);
    await row.waitFor();
    await page.waitForFunction((id) => document.activeElement?.getAttribute('data-identity') === id, identity);
    expect(await page.locator('#view-inbox').getAttribute('aria-current')).toBe('page');
    expect(await page.locator('#filter-period').inputValue()).toBe('2026-01');
    expect(await row.getAttribute('class')).toContain('linked');
    expect(await row.innerText()).toContain('Phát hiện được liên kết');
    const box = (await row.boundingBox())!;
    const height = await page.evaluate(() => window.innerHeight);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(height);
    await screenshot(page, 'd2-deep-link');
  });

  it('opens a reminder of the next quarter too: the page’s period and the kind filter follow the finding', async () => {
    // The demo ends with no reminder open; late in April the sweeps remind the cells that have not met.
    await apiSend(world.runtime, 'POST', '/admin/clock', { now: '2026-04-28T08:00:00+07:00' });
    await world.runtime.deliveries.idle();
    const reminders = await apiGet<Finding[]>(world.runtime, '/findings?kind=reminder');
    const reminder = reminders.find((f) => f.subject.id === 'SH.C001.KDC04') ?? reminders[0]!;
    expect(reminder.period).toBe('2026-04');
    const identity = findingIdentity(reminder);
    await page.goto(`${world.runtime.url}/?view=inbox&finding=${encodeURIComponent(identity)}`);
    await page.waitForFunction((id) => document.activeElement?.getAttribute('data-identity') === id, identity);
    expect(await page.locator('#period').inputValue()).toBe('2026-Q2');
    expect(await page.locator('#filter-period').inputValue()).toBe('2026-04');
    expect(await page.locator('#filter-kind').inputValue()).toBe('reminder');
    // Reminders are not decided on: no actions.
    expect(await rowOf(reminder).locator('td.actions button').count()).toBe(0);
    expect(await rowOf(reminder).locator('li.delivery').count()).toBeGreaterThan(0);
  });

  it('says so when the linked finding is not in the caller’s inbox', async () => {

    await page.goto(`${world.runtime.url}/?view=inbox&finding=${encodeURIComponent('violation|dieu-le/monthly-regular-meeting|cell:SH.NOPE|2026-02')}`);
    await page.locator('.linked-missing').waitFor();
    expect(await page.locator('#filter-period').inputValue()).toBe('2026-02');
  });
});

describe('contacts stay off the page', () => {
  it('the page never asked for /contacts, and no answer it read held an address or phone number of the directory', async () => {
    await page.waitForLoadState('networkidle');
    expect(requested.length).toBeGreaterThan(10);
    expect(requested.filter((p) => p.startsWith('/contacts'))).toEqual([]);
    expect(requested).toContain('/deliveries');
    expect(leaked).toEqual([]);
  });
});
