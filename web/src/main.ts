/**
 * The dashboard: a header (period, unit, language), four views, the drill-down; sign-in when the API asks for a token.
 * `?view=inbox&finding=<identity>` (the link in a notice's e-mail) opens the inbox on that finding.
 */
import { periodBounds, periodOf } from '../../shared/calendar/period.ts';
import type { Heatmap, RuleSummary } from '../../shared/contract/dashboard.ts';
import type { Finding } from '../../shared/contract/findings.ts';
import { api, ApiError, setToken, takeTokenFromRedirect } from './api.ts';
import { detailView } from './detail.ts';
import { fill, h } from './dom.ts';
import { dateTime, periodName } from './format.ts';
import { heatmapView } from './heatmap.ts';
import { inboxView, linkTo } from './inbox.ts';
import { kpisView } from './kpis.ts';
import { quotasView } from './quotas.ts';
import { openDraft, recordView } from './record-form.ts';
import { onSent, startOutbox } from './outbox-queue.ts';
import type { CellChoice } from './record-types.ts';
import { vietnamDate } from './vietnam-time.ts';
import { lang, setLang, t, type Word } from './i18n.ts';
import { serverNow, state, type View } from './state.ts';

const root = document.getElementById('app')!;
const VIEWS: Array<[View, Word]> = [
  ['heatmap', 'heatmap'],
  ['quotas', 'quotas'],
  ['inbox', 'inbox'],
  ['kpis', 'kpis'],
  ['record', 'record'],
];
/** The views this caller has: "Ghi biên bản" only for those who may record (recorders, admins). */
const views = (): Array<[View, Word]> => VIEWS.filter(([v]) => v !== 'record' || state.recordable !== null);

/** Years, quarters and months of the default period's year and the one before. */
function periodChoices(): string[] {
  const year = Number(state.period.slice(0, 4));
  return [year, year - 1].flatMap((y) => [String(y), ...[1, 2, 3, 4].map((q) => `${y}-Q${q}`), ...Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`)]);
}

async function loadHeatmap(): Promise<void> {
  state.heatmap = await api<Heatmap>('GET', '/heatmap', { period: state.period, unit: state.unitId });
  state.loadedAt = Date.now();
  state.stale = false;
  state.unitId ??= state.heatmap.unitId;
}

function header(): HTMLElement {
  const periods = periodChoices();
  return h(
    'header',
    {},
    h('h1', {}, t('title')),
    h(
      'div',
      { class: 'controls' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'period' }, t('period')),
        h(
          'select',
          { id: 'period', onchange: (e) => void change({ period: (e.target as HTMLSelectElement).value }) },
          periods.map((p) => h('option', { value: p, selected: p === state.period }, periodName(p))),
        ),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'unit' }, t('unit')),
        h(
          'select',
          { id: 'unit', onchange: (e) => void change({ unitId: (e.target as HTMLSelectElement).value }) },
          (state.heatmap?.rows ?? []).filter((r) => r.kind !== 'cell' || r.depth === 0).map((r) => h('option', { value: r.unitId, selected: r.unitId === state.unitId }, `${'\u00a0\u00a0'.repeat(r.depth)}${r.name}`)),
        ),
      ),
      h(
        'button',
        {
          id: 'lang',
          lang: lang() === 'vi' ? 'en' : 'vi',
          'aria-label': t('switchLangLabel'),
          onclick: () => {
            setLang(lang() === 'vi' ? 'en' : 'vi');
            render();
          },
        },
        t('switchLang'),
      ),
    ),
    state.heatmap ? h('p', { class: 'as-of' }, t('asOf', { at: dateTime(state.heatmap.asOf) })) : null,
  );
}

async function change(next: { period?: string; unitId?: string }): Promise<void> {
  if (next.period) state.period = next.period;
  if (next.unitId) state.unitId = next.unitId;
  await loadHeatmap().catch(showError);
  render();
}

function render(): void {
  const detail = h('div', { id: 'detail-slot' });
  const openDetail = async (cellId: string, month: string) => {
    fill(detail, h('p', { 'aria-live': 'polite' }, t('loading')));
    try {
      const edit = (d: Parameters<typeof openDraft>[0]) => {
        openDraft(d);
        void show('record');
      };
      fill(detail, await detailView(cellId, month, () => fill(detail), edit, () => void change({}).then(() => openDetail(cellId, month))));
      (document.getElementById('detail-title') as HTMLElement | null)?.focus();
    } catch (err) {
      fill(detail, h('p', { role: 'alert' }, `${t('error')}: ${(err as Error).message}`));
    }
  };
  const content =
    state.view === 'heatmap' ? heatmapView((c, m) => void openDetail(c, m), render) : state.view === 'quotas' ? quotasView() : state.view === 'inbox' ? inboxView() : state.view === 'record' ? recordView() : kpisView();
  fill(
    root,
    header(),
    h(
      'nav',
      { 'aria-label': t('views') },
      h(
        'ul',
        {},
        views().map(([view, word]) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                id: `view-${view}`,
                'aria-current': state.view === view ? 'page' : null,
                onclick: () => void show(view),
              },
              t(word),
            ),
          ),
        ),
      ),
    ),
    h('main', { id: 'main', tabindex: '-1' }, content, state.view === 'heatmap' ? detail : null),
  );
}

/** Switches view; the heatmap is read again first when a record went in since. */
async function show(view: View): Promise<void> {
  state.view = view;
  if (view === 'heatmap' && state.stale) await loadHeatmap().catch(() => undefined);
  render();
  document.getElementById(`view-${view}`)?.focus();
}

/** Whether the caller records (GET /cells answers), and for which cells today: the tab and the drill-down's actions follow. */
async function loadRecordable(): Promise<void> {
  try {
    const cells = await api<CellChoice[]>('GET', '/cells', { date: vietnamDate(serverNow()) });
    state.recordable = new Set(cells.map((c) => c.id));
  } catch {
    state.recordable = null;
  }
}

function showError(err: unknown): void {
  if (err instanceof ApiError && err.status === 401) return signIn();
  fill(root, h('p', { role: 'alert' }, `${t('error')}: ${(err as Error).message}`));
}

function signIn(): void {
  fill(
    root,
    h(
      'form',
      {
        class: 'sign-in',
        onsubmit: (e) => {
          e.preventDefault();
          setToken((document.getElementById('token') as HTMLInputElement).value.trim());
          void start();
        },
      },
      h('h1', {}, t('title')),
      h('p', {}, t('signInHint')),
      h('label', { for: 'token' }, t('token')),
      h('input', { id: 'token', type: 'password', autocomplete: 'off', required: true }),
      h('button', { type: 'submit' }, t('signIn')),
    ),
  );
}

async function start(): Promise<void> {
  try {
    const [rules, violations] = await Promise.all([api<RuleSummary[]>('GET', '/rules'), api<Finding[]>('GET', '/findings', { kind: 'violation' })]);
    state.rules = new Map(rules.map((r) => [r.id, r]));
    // Open where the latest violations are: the quarter of the newest one, else the quarter of today.
    const latest = violations.map((f) => f.period).sort((a, b) => periodBounds(a).end - periodBounds(b).end).at(-1);
    state.period = periodOf(latest ? periodBounds(latest).end - 1 : Date.now(), 'quarter');
    openLink(new URLSearchParams(location.search));
    await loadHeatmap();
    await loadRecordable();
    if (state.view === 'record' && state.recordable === null) state.view = 'heatmap';
    render();
    startOutbox();
  } catch (err) {
    showError(err);
  }
}

/** A link's view, and its finding: the page's period then holds the finding's (its quarter, or its year). */
function openLink(params: URLSearchParams): void {
  const view = params.get('view');
  if (view !== null && VIEWS.some(([v]) => v === view)) state.view = view as View;
  const finding = params.get('finding');
  const period = finding === null ? null : linkTo(finding);
  if (period === null) return;
  state.view = 'inbox';
  state.period = /^\d{4}$/.test(period) ? period : periodOf(periodBounds(period).end - 1, 'quarter');
}

// A record the outbox sent later changes the findings too.
onSent(() => (state.stale = true));
takeTokenFromRedirect();
setLang('vi');
void start();
