/**
 * The dashboard in Debian's Chromium against the embedded default with its
 * demo: the heatmap's shape and colours against what the API says, the
 * drill-down's evidence, the excuse flow through the inbox into the heatmap
 * and the report, the XLSX and CSV exports, and accessibility basics. The
 * tests run in order on one page; screenshots land in test/browser/artifacts/.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Heatmap } from '../../shared/contract/dashboard.ts';
import type { ReviewedFinding } from '../../shared/contract/decisions.ts';
import type { PeriodReport } from '../../shared/contract/report.ts';
import { DEMO_UNTIL } from '../../local/demo.ts';
import { reportCsvText } from '../../shared/reports/report-csv.ts';
import { apiGet, screenshot, startWorld, type World } from './support.ts';

// What the callbacks of page.evaluate see in the browser (the tests' own compilation has no DOM library).
declare const document: { activeElement: { id: string; matches(selector: string): boolean } | null; documentElement: { lang: string }; querySelector(selector: string): { getAttribute(name: string): string | null } | null };
declare function getComputedStyle(element: unknown): { backgroundColor: string };

let world: World;
let page: Page;
/** The demo's January violation of a cell's monthly meeting: the known case the flows follow. */
let january: ReviewedFinding;

const RED = 'rgb(198, 40, 40)';
const GREEN = 'rgb(46, 125, 50)';
const PURPLE = 'rgb(94, 53, 177)';
const square = (unitId: string, month: string) => page.locator(`#heatmap tr[data-unit="${unitId}"] td[data-month="${month}"]`);
const background = (unitId: string, month: string) => square(unitId, month).evaluate((el) => getComputedStyle(el).backgroundColor);

beforeAll(async () => {
  world = await startWorld();
  page = world.page;
  const violations = await apiGet<ReviewedFinding[]>(world.runtime, '/findings?kind=violation&rule=dieu-le/monthly-regular-meeting&period=2026-01');
  january = violations[0]!;
  await page.goto(world.runtime.url);
  await page.waitForSelector('#heatmap');
}, 90_000);

afterAll(async () => {
  await world?.close();
});

describe('heatmap', () => {
  it('shows every unit of the demo ward and the three months of the quarter', async () => {
    const map = await apiGet<Heatmap>(world.runtime, '/heatmap?period=2026-Q1');
    expect(map.rows).toHaveLength(23);
    expect(await page.locator('#heatmap tbody tr').count()).toBe(23);
    expect(await page.locator('#heatmap thead th[scope=col]').allInnerTexts()).toEqual(['Đơn vị', 'tháng 01/2026', 'tháng 02/2026', 'tháng 03/2026']);
    expect(await page.locator('#heatmap tbody tr[data-kind=cell]').count()).toBe(20);
    await screenshot(page, '1-heatmap');
  });

  it('colours the known cases and says them in words: the January violation red, a month without findings green', async () => {
    expect(january).toMatchObject({ subject: { type: 'cell' }, period: '2026-01' });
    const cell = january.subject.id;
    expect(await square(cell, '2026-01').getAttribute('data-status')).toBe('violation');
    expect(await background(cell, '2026-01')).toBe(RED);
    expect(await square(cell, '2026-01').innerText()).toContain('Vi phạm');
    const all = await apiGet<ReviewedFinding[]>(world.runtime, `/findings?unit=${cell}`);
    const quiet = ['2026-02', '2026-03'].find((m) => !all.some((f) => f.period === m && f.kind !== 'alert'))!;
    expect(await square(cell, quiet).getAttribute('data-status')).toBe('met');
    expect(await background(cell, quiet)).toBe(GREEN);
    expect(await square(cell, quiet).innerText()).toContain('Đạt');
    // The commune above counts its cells: one violation among them in January.
    const commune = (await page.locator(`#heatmap tr[data-unit="${cell}"]`).evaluate((tr) => {
      for (let row = tr.previousElementSibling; row; row = row.previousElementSibling) if (row.getAttribute('data-kind') === 'grassroots') return row.getAttribute('data-unit');
      return null;
    }))!;
    expect(await square(commune, '2026-01').innerText()).toMatch(/✗ 1/);
  });

  it('folds a commune away and back', async () => {
    const fold = page.locator('button.fold[aria-expanded=true]').nth(1);
    const before = await page.locator('#heatmap tbody tr').count();
    await fold.click();
    expect(await page.locator('#heatmap tbody tr').count()).toBeLessThan(before);
    await page.locator('button.fold[aria-expanded=false]').click();
    expect(await page.locator('#heatmap tbody tr').count()).toBe(before);
  });
});

describe('drill-down', () => {
  it('shows a cell month’s meetings with attendance, and each finding with the meetings that counted as evidence', async () => {
    const meetingViolation = (await apiGet<ReviewedFinding[]>(world.runtime, '/findings?kind=violation&rule=bg-thematic-resolution/resolution-issued'))[0]!;
    const map = await apiGet<Heatmap>(world.runtime, '/heatmap?period=2026-Q1');
    const month = meetingViolation.period;
    const cell = map.rows.find((r) => r.kind === 'cell' && r.months[month]?.status === 'violation' && r.unitId !== january.subject.id)!;
    await square(cell.unitId, month).locator('button').click();
    const detail = page.locator('#detail');
    await detail.waitFor();
    expect(await detail.locator('h2').innerText()).toContain(cell.name);
    expect(await detail.locator('tr[data-meeting]').count()).toBeGreaterThan(0);
    expect(await detail.locator('tr[data-meeting] td').nth(2).innerText()).toMatch(/^\d+\/\d+ \(/);
    const finding = detail.locator(`li.finding[data-rule="${meetingViolation.ruleId}"]`);
    expect(await finding.innerText()).toContain(meetingViolation.message.vi);
    expect(meetingViolation.subject.type).toBe('meeting');
    // The evidence names the meeting and links to its row above.
    expect(await finding.locator('.evidence a').getAttribute('href')).toBe(`#meeting-${meetingViolation.evidence[0]}`);
    expect(await detail.locator(`tr[data-meeting="${meetingViolation.evidence[0]}"]`).getAttribute('id')).toBe(`meeting-${meetingViolation.evidence[0]}`);
    await screenshot(page, '2-drill-down');
  });
});

describe('violations inbox', () => {
  let reportBefore: PeriodReport;

  it('names a meeting’s finding by its cell and the date it was held, not by the meeting’s id', async () => {
    const meetingViolation = (await apiGet<ReviewedFinding[]>(world.runtime, '/findings?kind=violation&rule=bg-thematic-resolution/resolution-issued&include=meeting'))[0]!;
    const held = meetingViolation.meeting!;
    const map = await apiGet<Heatmap>(world.runtime, '/heatmap?period=2026-Q1');
    const cellName = map.rows.find((r) => r.unitId === held.unitId)!.name;
    expect(cellName).toMatch(/^Chi bộ /);
    const [y, m, d] = held.heldAt!.slice(0, 10).split('-');
    await page.locator('#view-inbox').click();
    const identity = `violation|${meetingViolation.ruleId}|meeting:${meetingViolation.subject.id}|${meetingViolation.period}`;
    const row = page.locator(`#inbox tr[data-identity="${identity}"]`);
    await row.waitFor();
    expect(await row.locator('td').nth(2).innerText()).toBe(`${cellName}, buổi ${d}/${m}/${y}`);
  });

  it('excusing a violation with a reason records who and when, and updates the inbox, the heatmap and the report', async () => {
    reportBefore = await apiGet<PeriodReport>(world.runtime, '/report?period=2026-Q1');
    await page.locator('#view-inbox').click();
    await page.locator('#inbox').waitFor();
    const identity = `violation|${january.ruleId}|cell:${january.subject.id}|2026-01`;
    const row = page.locator(`#inbox tr[data-identity="${identity}"]`);
    expect(await row.getAttribute('data-status')).toBe('open');
    await row.getByRole('button', { name: /^Miễn trừ/ }).click();
    await row.getByLabel('Lý do miễn trừ').fill('Lũ lụt tháng 01/2026, chi bộ không thể họp');
    await row.getByRole('button', { name: 'Xác nhận miễn trừ' }).click();
    await page.locator(`#inbox tr[data-identity="${identity}"][data-status="excused"]`).waitFor();
    expect(await row.locator('.history').innerText()).toMatch(/Miễn trừ bởi admin@127\.0\.0\.1 lúc .+: Lũ lụt tháng 01\/2026, chi bộ không thể họp/);

    // Acknowledge another violation: recorded as such, still counted open.
    const other = page.locator('#inbox tr[data-status="open"]').first();
    const otherIdentity = (await other.getAttribute('data-identity'))!;
    await other.getByRole('button', { name: /^Ghi nhận/ }).click();
    await page.locator(`#inbox tr[data-identity="${otherIdentity}"][data-status="acknowledged"]`).waitFor();

    // The status filter shows only what was excused.
    await page.getByLabel('Trạng thái').selectOption('excused');
    await page.locator('.inbox-list:not([aria-busy])').waitFor();
    expect(await page.locator('#inbox tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-identity')))).toEqual([identity]);
    await screenshot(page, '3-inbox-excused');
    await page.getByLabel('Trạng thái').selectOption('');
    await page.locator('.inbox-list:not([aria-busy])').waitFor();
    await screenshot(page, '3-inbox-all');

    const stored = await apiGet<ReviewedFinding[]>(world.runtime, `/findings?unit=${january.subject.id}&period=2026-01&kind=violation`);
    expect(stored[0]!.decisions).toEqual([{ action: 'excuse', by: 'admin@127.0.0.1', at: new Date(DEMO_UNTIL).toISOString(), reason: 'Lũ lụt tháng 01/2026, chi bộ không thể họp' }]);

    await page.locator('#view-heatmap').click();
    await page.locator('#heatmap').waitFor();
    // The heatmap still holds the period's state from before: reload it as a user would, by choosing the period again.
    await page.getByLabel('Kỳ').selectOption('2026-Q1');
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') === 'excused', `#heatmap tr[data-unit="${january.subject.id}"] td[data-month="2026-01"]`);
    expect(await background(january.subject.id, '2026-01')).toBe(PURPLE);
    expect(await square(january.subject.id, '2026-01').innerText()).toContain('Được miễn');

    const after = await apiGet<PeriodReport>(world.runtime, '/report?period=2026-Q1');
    expect(after.rows[0]!.openViolations).toBe(reportBefore.rows[0]!.openViolations - 1);
    expect(after.rows[0]!.excusedViolations).toBe(reportBefore.rows[0]!.excusedViolations + 1);
    await page.locator('#view-kpis').click();
    const total = page.locator(`#kpis tr[data-unit="${after.unitId}"]`);
    await total.waitFor();
    expect(await total.locator('td[data-col="openViolations"]').innerText()).toBe(String(after.rows[0]!.openViolations));
    expect(await total.locator('td[data-col="excusedViolations"]').innerText()).toBe('1');
    await screenshot(page, '4-kpis');
  });

  it('exports the report as XLSX and CSV holding the page’s numbers', async () => {
    const report = await apiGet<PeriodReport>(world.runtime, '/report?period=2026-Q1');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('#export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toBe('report-SH-2026-Q1.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsx.path())!);
    const sheet = book.getWorksheet('Báo cáo')!;
    expect(sheet.rowCount).toBe(2 + report.rows.length);
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã đơn vị');
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(3).slice(0, 4)).toEqual([report.rows[0]!.unitId, report.rows[0]!.name, report.rows[0]!.cells, report.rows[0]!.cellsMeetingEveryMonth]);
    expect(row(3).at(-2)).toBe(report.rows[0]!.openViolations);
    expect(row(3).at(-1)).toBe(1);
    expect(report.rows.map((_, i) => row(3 + i)[0])).toEqual(report.rows.map((r) => r.unitId));

    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
    expect(await readFile((await csv.path())!, 'utf8')).toBe(`\uFEFF${reportCsvText(report)}`);
  });
});

describe('leader quotas', () => {
  it('lists a leader’s obligations of the period with a progress bar, what is missing in Vietnamese and the days left', async () => {
    await page.locator('#view-quotas').click();
    const owing = (await apiGet<PeriodReport>(world.runtime, '/report?period=2026-Q1')).rows[0]!.leadersUnmet[0]!;
    await page.getByLabel('Lãnh đạo', { exact: true }).selectOption(owing.leaderId);
    const unmet = page.locator('li.quota.quota-open').first();
    await unmet.waitFor();
    expect(await unmet.innerText()).toMatch(/còn thiếu \d+ lần dự sinh hoạt/);
    expect(await unmet.innerText()).toContain('đã hết hạn');
    expect(await unmet.locator('progress').getAttribute('max')).toMatch(/^[1-9]/);
    await screenshot(page, '5-quotas');
  });
});

describe('accessibility basics', () => {
  /** Every focusable control's accessible name, as Chromium's accessibility tree computes it. */
  async function unnamedControls(): Promise<string[]> {
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ ignored: boolean; role?: { value: string }; name?: { value: string } }> };
    await cdp.detach();
    const roles = new Set(['button', 'combobox', 'textbox', 'searchbox', 'link', 'checkbox', 'radio', 'listbox', 'spinbutton', 'tab']);
    const controls = nodes.filter((n) => !n.ignored && roles.has((n.role?.value ?? '').toLowerCase()));
    expect(controls.length).toBeGreaterThan(0);
    return controls.filter((n) => !n.name?.value.trim()).map((n) => n.role!.value);
  }

  /** Tab from the top until the predicate holds for the focused element; how many presses it took, or -1. */
  async function tabUntil(selector: string, limit = 120): Promise<number> {
    await page.locator('body').focus();
    for (let i = 1; i <= limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return i;
    }
    return -1;
  }

  it('every control in every view has an accessible name', async () => {
    for (const view of ['heatmap', 'quotas', 'inbox', 'kpis']) {
      await page.locator(`#view-${view}`).click();
      await page.waitForLoadState('networkidle');
      expect(await unnamedControls(), view).toEqual([]);
    }
  });

  it('the keyboard reaches the heatmap’s squares and opens one; and the inbox’s actions', async () => {
    await page.locator('#view-heatmap').click();
    await page.locator('#heatmap').waitFor();
    expect(await tabUntil('#heatmap button.square')).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.locator('#detail').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('detail-title');

    await page.locator('#view-inbox').click();
    await page.locator('#inbox').waitFor();
    expect(await tabUntil('#inbox td.actions button')).toBeGreaterThan(0);
  });

  it('switches to English and back', async () => {
    await page.locator('#lang').click();
    expect(await page.locator('h1').innerText()).toBe('Party cell meeting monitor');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.locator('#view-heatmap').click();
    await page.locator('#heatmap').waitFor();
    expect(await page.locator('.legend').innerText()).toContain('Violation');
    await screenshot(page, '6-english');
    await page.locator('#lang').click();
    expect(await page.locator('h1').innerText()).toBe('Giám sát sinh hoạt chi bộ');
  });
});
