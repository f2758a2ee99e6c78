/**
 * "Ghi biên bản" in Chromium (issue 17): a cell secretary of one commune
 * records a meeting at phone width against the embedded demo with tokens
 * (an admin of the province, recorders of each commune), sees the preview
 * warn below 85 %, saves, and the heatmap and the drill-down follow; a
 * server-side error lands by its field; a correction raises the version; a
 * retraction needs a reason; offline, the record waits as "Chưa gửi" and goes
 * once when the connection returns; a recorder sees only their commune's cells;
 * every control is named and Tab follows the form. The screenshots of the form
 * go to test/browser/artifacts/, or with CHIBO_SCREENSHOTS=docs to
 * docs/screenshots/record-form-{phone,desktop}.png.
 */
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellMeetings, Heatmap } from '../../shared/contract/dashboard.ts';
import type { UnitRoster } from '../../shared/contract/recording.ts';
import { apiGet, apiSend, ARTIFACTS, startWorld, type World } from './support.ts';

// What the callbacks of page.evaluate see in the browser (the tests' own compilation has no DOM library).
declare const document: { activeElement: { id: string; getAttribute(n: string): string | null; closest(s: string): { id: string } | null } | null; documentElement: { scrollWidth: number; clientWidth: number }; body: { innerText: string } };
declare const localStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null };
declare const sessionStorage: typeof localStorage;
declare function scrollTo(x: number, y: number): void;

const ADMIN = 'admin-token-for-tests-0001';
const RECORDER = 'recorder-cat-nguyen-0001';
const OTHER = 'recorder-commune-two-0001';
const COMMUNE = 'SH.C001';
/** The docs' screenshots are remade with CHIBO_SCREENSHOTS=docs (then looked at); a normal run leaves them in the artifacts and the tree clean. */
const SHOTS = process.env['CHIBO_SCREENSHOTS'] === 'docs' ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots') : ARTIFACTS;

let world: World;
let phone: Page;
let cell: string;
let roster: UnitRoster;
/** Eligible members of the cell, and how many of them the first record marks absent (a fifth, rounded up). */
let eligible: number;
let absent: number;
/** Every POST /events the phone sent, with the server's answer. */
const posts: Array<{ body: Record<string, unknown>; status: number; answer: { accepted?: number; duplicates?: number } }> = [];

const get = <T>(path: string) => apiGet<T>(world.runtime, path, ADMIN);
const square = (page: Page, unitId: string, month: string) => page.locator(`#heatmap tr[data-unit="${unitId}"] td[data-month="${month}"]`);

/** The next POST /events the phone sends after `before` of them, once its answer is read. */
async function nextPost(before: number) {
  await expect.poll(() => posts.length, { timeout: 30_000 }).toBeGreaterThan(before);
  return posts[before]!;
}

async function openForm(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Ghi biên bản' }).click();
  await page.locator('#record-form').waitFor();
}

/** The form filled for the April meeting: `absent` members (from the end of the list) absent without excuse. */
async function fillMeeting(page: Page, options: { start: string; end: string; absent: number; topic: string }): Promise<void> {
  await page.getByLabel('Chi bộ', { exact: true }).selectOption(cell);
  await page.getByLabel('Loại sinh hoạt').selectOption('regular');
  await page.getByLabel('Bắt đầu', { exact: true }).fill(options.start);
  await page.getByLabel('Kết thúc', { exact: true }).fill(options.end);
  await page.getByLabel('Chủ đề').fill(options.topic);
  await page.getByLabel('Số người phát biểu').fill('4');
  await page.getByLabel('Đã ban hành nghị quyết').check();
  await page.locator('.member').first().waitFor();
  await page.getByRole('button', { name: 'Tất cả có mặt' }).click();
  const eligible = roster.members.filter((m) => !m.exempt);
  for (const m of eligible.slice(eligible.length - options.absent)) await page.getByRole('radiogroup', { name: m.name }).getByText('Vắng không lý do').click();
}

beforeAll(async () => {
  world = await startWorld({
    tokens: {
      [ADMIN]: { name: 'Quản trị tỉnh', units: ['SH'], roles: ['admin', 'recorder', 'inspector'] },
      [RECORDER]: { name: 'Bí thư phường Cát Nguyên', units: [COMMUNE], roles: ['recorder'] },
      [OTHER]: { name: 'Bí thư xã thứ hai', units: ['SH.C002'], roles: ['recorder'] },
    },
  });
  // The smallest cell of the first commune with five or more eligible members: a fifth of them absent puts it below 85 %.
  const map = await get<Heatmap>('/heatmap?period=2026-Q2');
  const size = (r: UnitRoster) => r.members.filter((m) => !m.exempt).length;
  for (const row of map.rows.filter((r) => r.kind === 'cell' && r.parentId === COMMUNE)) {
    const r = await get<UnitRoster>(`/units/${row.unitId}/members?date=2026-04-02`);
    if (size(r) >= 5 && (roster === undefined || size(r) < size(roster))) {
      cell = row.unitId;
      roster = r;
    }
  }
  expect(cell).toBeDefined();
  eligible = size(roster);
  absent = Math.ceil(eligible / 5);
  phone = await world.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  // Shorter than the test's timeout, so a wait that fails says what it waited for.
  phone.setDefaultTimeout(10_000);
  phone.on('requestfinished', (req: Request) => void record(req));
  await phone.goto(`${world.runtime.url}/#id_token=${RECORDER}`);
  await phone.locator('#heatmap').waitFor();
}, 120_000);

async function record(req: Request): Promise<void> {
  if (req.method() !== 'POST' || !req.url().endsWith('/events')) return;
  const res = await req.response();
  posts.push({ body: req.postDataJSON() as Record<string, unknown>, status: res?.status() ?? 0, answer: ((await res?.json().catch(() => ({}))) ?? {}) as { accepted?: number } });
}

afterAll(async () => {
  await world?.close();
});

describe('recording a meeting on a phone', () => {
  let meetingId: string;

  it('fills the form at 390 × 844 without horizontal scrolling, and the preview warns below 85 % by the server’s rule', async () => {
    await openForm(phone);
    await fillMeeting(phone, { start: '2026-04-02T19:30', end: '2026-04-02T21:00', absent, topic: 'Sinh hoạt thường kỳ tháng 4' });
    const rate = Math.round(((eligible - absent) * 1000) / eligible) / 10;
    expect(rate).toBeLessThan(85);
    const preview = phone.locator('#record-preview');
    await expect.poll(() => preview.innerText(), { timeout: 10_000 }).toContain(`Tỷ lệ dự ${rate}% (${eligible - absent}/${eligible})`);
    await expect.poll(() => preview.locator('[data-outcome="breaches"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const breach = await preview.locator('[data-outcome="breaches"]').allInnerTexts();
    expect(breach.join('\n')).toMatch(/85/);
    expect(breach.join('\n')).toContain('Cảnh báo');
    expect(await preview.innerText()).toContain('Thời lượng 90 phút');
    // Exempted members are listed apart, not asked.
    for (const m of roster.members.filter((x) => x.exempt)) expect(await phone.getByRole('radiogroup', { name: m.name }).count()).toBe(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The phone's screen as a secretary sees it: the top of the form, then the attendance's end with the preview.
    await phone.locator('#record-title').scrollIntoViewIfNeeded();
    await phone.evaluate(() => scrollTo(0, 0));
    await phone.screenshot({ path: join(SHOTS, 'record-form-phone.png') });
    await phone.locator('#rec-save').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: join(SHOTS, 'record-form-phone-preview.png') });
  });

  it('keeps the draft as it is typed: a reload brings it back, with no member name stored', async () => {
    await phone.reload();
    await openForm(phone);
    await phone.locator('.member').first().waitFor();
    expect(await phone.getByLabel('Chủ đề').inputValue()).toBe('Sinh hoạt thường kỳ tháng 4');
    expect(await phone.getByLabel('Bắt đầu', { exact: true }).inputValue()).toBe('2026-04-02T19:30');
    const last = roster.members.filter((m) => !m.exempt).at(-1)!;
    expect(await phone.getByRole('radiogroup', { name: last.name }).getByRole('radio', { name: 'Vắng không lý do' }).isChecked()).toBe(true);
    const stored = await phone.evaluate(() => Array.from({ length: localStorage.length }, (_, i) => localStorage.getItem(localStorage.key(i)!) ?? '').join('\n'));
    for (const m of roster.members) expect(stored.includes(m.name), m.name).toBe(false);
  });

  it('saves one MeetingRecorded (version 1, Vietnam time, the draft’s eventId); the heatmap and the drill-down follow; no name is left in storage', async () => {
    const draft = JSON.parse((await phone.evaluate(() => localStorage.getItem('chibo.draft')))!) as { eventId: string };
    const before = posts.length;
    await phone.getByRole('button', { name: 'Lưu biên bản' }).click();
    await expect.poll(() => phone.locator('#rec-notice').innerText()).toContain('Đã lưu biên bản');
    const sent = await nextPost(before);
    expect(posts).toHaveLength(before + 1);
    expect(sent.status).toBe(202);
    expect(sent.answer).toEqual({ accepted: 1, duplicates: 0 });
    expect(sent.body).toMatchObject({ type: 'MeetingRecorded', eventId: draft.eventId, version: 1, unitId: cell, kind: 'regular', heldAt: '2026-04-02T19:30:00+07:00', endedAt: '2026-04-02T21:00:00+07:00', speakerCount: 4, resolutionIssued: true, topic: 'Sinh hoạt thường kỳ tháng 4' });
    meetingId = sent.body['meetingId'] as string;
    const stored = await phone.evaluate(() => [...Array.from({ length: localStorage.length }, (_, i) => localStorage.getItem(localStorage.key(i)!) ?? ''), ...Array.from({ length: sessionStorage.length }, (_, i) => sessionStorage.getItem(sessionStorage.key(i)!) ?? '')].join('\n'));
    for (const m of roster.members) expect(stored.includes(m.name), m.name).toBe(false);

    await phone.getByRole('button', { name: 'Bản đồ tuân thủ' }).click();
    await phone.getByLabel('Kỳ').selectOption('2026-Q2');
    await expect.poll(() => square(phone, cell, '2026-04').getAttribute('data-status')).toBe('met');
    await square(phone, cell, '2026-04').locator('button').click();
    const row = phone.locator(`#detail tr[data-meeting="${meetingId}"]`);
    await row.waitFor();
    expect(await row.locator('td').nth(2).innerText()).toMatch(new RegExp(`^${eligible - absent}/${eligible} `));
  });

  it('a correction opens the form filled and sends the next version; the heatmap follows', async () => {
    const row = phone.locator(`#detail tr[data-meeting="${meetingId}"]`);
    await row.getByRole('button', { name: 'Sửa' }).click();
    await phone.locator('#record-form').waitFor();
    expect(await phone.locator('#record-title').innerText()).toContain('lần 2');
    expect(await phone.getByLabel('Bắt đầu', { exact: true }).inputValue()).toBe('2026-04-02T19:30');
    expect(await phone.getByLabel('Chủ đề').inputValue()).toBe('Sinh hoạt thường kỳ tháng 4');
    // A thematic meeting is not the month's regular one: April is open again.
    await phone.getByLabel('Loại sinh hoạt').selectOption('thematic');
    await phone.locator('.member').first().waitFor();
    await phone.getByRole('button', { name: 'Tất cả có mặt' }).click();
    const before = posts.length;
    await phone.getByRole('button', { name: 'Lưu biên bản' }).click();
    await expect.poll(() => phone.locator('#rec-notice').innerText()).toContain('Đã lưu biên bản');
    const sent = await nextPost(before);
    expect(sent.body).toMatchObject({ meetingId, version: 2, kind: 'thematic' });
    expect(sent.answer.accepted).toBe(1);
    await phone.getByRole('button', { name: 'Bản đồ tuân thủ' }).click();
    await expect.poll(() => square(phone, cell, '2026-04').getAttribute('data-status')).not.toBe('met');
    const listed = await get<CellMeetings>(`/meetings?unit=${cell}&period=2026-04`);
    expect(listed.meetings.find((m) => m.meetingId === meetingId)?.kind).toBe('thematic');
  });

  it('a retraction needs a reason and takes the meeting away', async () => {
    await square(phone, cell, '2026-04').locator('button').click();
    const row = phone.locator(`#detail tr[data-meeting="${meetingId}"]`);
    await row.getByRole('button', { name: 'Hủy biên bản' }).click();
    await row.getByRole('button', { name: 'Xác nhận hủy' }).click();
    expect(await row.locator('.problem').innerText()).toContain('Cần ghi lý do hủy');
    await row.getByLabel('Lý do hủy').fill('Ghi nhầm chi bộ');
    const before = posts.length;
    await row.getByRole('button', { name: 'Xác nhận hủy' }).click();
    expect((await nextPost(before)).body).toMatchObject({ type: 'MeetingRetracted', meetingId, reason: 'Ghi nhầm chi bộ' });
    await expect.poll(async () => (await get<CellMeetings>(`/meetings?unit=${cell}&period=2026-04`)).meetings.some((m) => m.meetingId === meetingId)).toBe(false);
    await expect.poll(() => phone.locator(`#detail tr[data-meeting="${meetingId}"]`).count()).toBe(0);
  });
});

describe('errors and a bad connection', () => {
  it('shows a server-side error by its field, in Vietnamese, and loses nothing', async () => {
    await openForm(phone);
    await fillMeeting(phone, { start: '2026-04-03T19:30', end: '2026-04-03T18:00', absent: 0, topic: 'Giờ kết thúc sai' });
    const before = posts.length;
    await phone.getByRole('button', { name: 'Lưu biên bản' }).click();
    const error = phone.locator('#err-end');
    await error.waitFor();
    expect((await nextPost(before)).status).toBe(400);
    expect(await error.innerText()).toContain('Giờ kết thúc phải sau giờ bắt đầu');
    expect(await phone.getByLabel('Kết thúc', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await phone.getByLabel('Kết thúc', { exact: true }).getAttribute('aria-describedby')).toContain('err-end');
    expect(await phone.getByLabel('Chủ đề').inputValue()).toBe('Giờ kết thúc sai');
  });

  it('offline: "Lưu biên bản" queues the record as "Chưa gửi"; when the connection returns it is sent, and exactly one event is accepted', async () => {
    await phone.getByLabel('Kết thúc', { exact: true }).fill('2026-04-03T21:30');
    await phone.getByLabel('Chủ đề').fill('Ghi khi mất sóng');
    await phone.context().setOffline(true);
    const eventId = (JSON.parse((await phone.evaluate(() => localStorage.getItem('chibo.draft')))!) as { eventId: string }).eventId;
    await phone.getByLabel('Số người phát biểu').fill('5');
    await expect.poll(() => phone.locator('#record-preview').innerText(), { timeout: 10_000 }).toContain('cần kết nối mạng');
    const before = posts.length;
    await phone.getByRole('button', { name: 'Lưu biên bản' }).click();
    await expect.poll(() => phone.locator('#outbox').innerText()).toContain('Chưa gửi');
    expect(await phone.locator('#rec-notice').innerText()).toContain('Chưa gửi');
    expect(JSON.parse((await phone.evaluate(() => localStorage.getItem('chibo.outbox')))!)).toHaveLength(1);
    // The retry button while still offline: nothing reaches the server, the record stays queued.
    await phone.locator('#outbox-retry').click();
    expect(await phone.locator('#outbox').innerText()).toContain('Chưa gửi');
    await phone.context().setOffline(false);
    await expect.poll(() => phone.locator('#outbox').innerText(), { timeout: 30_000 }).toContain('máy chủ đã nhận');
    expect(await phone.evaluate(() => localStorage.getItem('chibo.outbox'))).toBeNull();
    // Requests that never reached the server are not "finished": every one that did carried the draft's event, accepted once.
    const reached = posts.slice(before);
    expect(reached.length).toBeGreaterThan(0);
    expect(reached.every((p) => p.body['eventId'] === eventId)).toBe(true);
    expect(reached.reduce((n, p) => n + (p.answer.accepted ?? 0), 0)).toBe(1);
    // Sent once more (a lost answer's resend), the same event is a duplicate, not a second record.
    expect(await apiSend(world.runtime, 'POST', '/events', reached[0]!.body, ADMIN)).toEqual({ accepted: 0, duplicates: 1 });
    const listed = await get<CellMeetings>(`/meetings?unit=${cell}&period=2026-04`);
    expect(listed.meetings.filter((m) => m.meetingId === reached[0]!.body['meetingId'])).toHaveLength(1);
  }, 90_000);
});

describe('scope', () => {
  it('a recorder sees only the cells of their own commune; the other commune’s are refused by name', async () => {
    await openForm(phone);
    const options = await phone.getByLabel('Chi bộ', { exact: true }).locator('option').evaluateAll((os) => os.map((o) => o.getAttribute('value')).filter(Boolean));
    expect(options.length).toBeGreaterThan(0);
    expect(options.every((id) => id!.startsWith(`${COMMUNE}.`))).toBe(true);
    const other = (await get<Heatmap>('/heatmap?period=2026-Q2')).rows.find((r) => r.kind === 'cell' && r.parentId === 'SH.C002')!;
    expect(options).not.toContain(other.unitId);
    const res = await fetch(`${world.runtime.url}/units/${other.unitId}/members?date=2026-04-02`, { headers: { authorization: `Bearer ${RECORDER}` } });
    expect(res.status).toBe(403);
  });
});

describe('accessibility and the desktop', () => {
  it('names every control of the form and Tab follows the form’s order', async () => {
    const page = await world.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${world.runtime.url}/#id_token=${ADMIN}`);
    await page.locator('#heatmap').waitFor();
    await openForm(page);
    await page.getByLabel('Chi bộ', { exact: true }).selectOption(cell);
    await page.locator('.member').first().waitFor();
    // A chosen sheet keeps its section open: its criteria are in the tree and in the Tab order.
    await page.locator('.quality summary').click();
    await page.getByLabel('Phiếu chấm điểm').selectOption('hd42-100');
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ ignored: boolean; role?: { value: string }; name?: { value: string } }> };
    const controls = nodes.filter((n) => !n.ignored && ['button', 'combobox', 'textbox', 'searchbox', 'checkbox', 'radio', 'radiogroup', 'spinbutton', 'link'].includes(n.role?.value ?? ''));
    expect(controls.filter((n) => !n.name?.value.trim()).map((n) => n.role?.value)).toEqual([]);
    // Every node's name, whatever its role (Chromium gives a datetime-local input a role of its own).
    const names = new Set(nodes.filter((n) => !n.ignored).map((n) => n.name?.value));
    for (const label of ['Chi bộ', 'Loại sinh hoạt', 'Bắt đầu', 'Kết thúc', 'Chủ đề', 'Số người phát biểu', 'Đã ban hành nghị quyết', 'Lãnh đạo cấp trên dự', 'Tất cả có mặt', 'Lưu biên bản', 'Có mặt', 'Vắng có lý do', 'Vắng không lý do']) expect(names.has(label), label).toBe(true);
    for (const m of roster.members.filter((x) => !x.exempt)) expect(names.has(m.name), m.name).toBe(true);

    // Tab from the cell's select: the fields come in the form's order, then the members, then the save button.
    await page.getByLabel('Chi bộ', { exact: true }).focus();
    const order: string[] = [];
    for (let i = 0; i < 200 && !order.includes('rec-save'); i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id || (document.activeElement?.closest('[role=radiogroup]')?.id ?? ''));
      if (id && order.at(-1) !== id) order.push(id);
    }
    const fields = ['rec-kind', 'rec-start', 'rec-end', 'rec-topic', 'rec-speakers', 'rec-resolution', 'rec-leaders', 'rec-all-present', `rec-member-${roster.members.find((m) => !m.exempt)!.id}`, 'rec-save'];
    expect(order.filter((id) => fields.includes(id))).toEqual(fields);
    // Arrow keys move within one member's group; Space ticks.
    await page.locator('.member input[value="present"]').first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('value'))).toBe('excused');
    // The desktop's screenshot: the same meeting filled in, with a score sheet open.
    await page.getByLabel('Bắt đầu', { exact: true }).fill('2026-04-03T08:00');
    await page.getByLabel('Kết thúc', { exact: true }).fill('2026-04-03T09:45');
    await page.getByLabel('Chủ đề').fill('Học tập chuyên đề năm 2026');
    await page.getByLabel('Số người phát biểu').fill('3');
    await page.getByRole('button', { name: 'Tất cả có mặt' }).click();
    await page.getByLabel(/^công tác chuẩn bị/).fill('8');
    expect(await page.locator('.quality .total').innerText()).toBe('Tổng điểm tự chấm: 8/90');
    await expect.poll(() => page.locator('#record-preview [data-outcome]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'record-form-desktop.png'), fullPage: true });
    await page.context().close();
  }, 60_000);
});
