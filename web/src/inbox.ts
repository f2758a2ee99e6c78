/**
 * The violations inbox of an inspection committee: violations (and alerts) of
 * the unit's subtree, filtered by rule, period, unit and kind; each can be
 * acknowledged, or excused with a reason, and shows who decided and when.
 */
import type { ReviewedFinding } from '../../shared/contract/decisions.ts';
import { meetingName } from '../../shared/reports/meeting-name.ts';
import { api, ApiError } from './api.ts';
import { fill, h } from './dom.ts';
import { dateTime, periodName, ruleTitle } from './format.ts';
import { lang, t, type Word } from './i18n.ts';
import { state } from './state.ts';

export interface InboxFilters {
  rule: string;
  period: string;
  unit: string;
  kind: 'violation' | 'alert';
  status: '' | 'open' | 'acknowledged' | 'excused';
}

export const filters: InboxFilters = { rule: '', period: '', unit: '', kind: 'violation', status: '' };

export const kindWord = (kind: string): string => t(kind === 'violation' ? 'kindViolation' : kind === 'alert' ? 'kindAlert' : 'kindReminder');

export function statusOf(f: ReviewedFinding): 'open' | 'acknowledged' | 'excused' {
  const actions = new Set((f.decisions ?? []).map((d) => d.action));
  return actions.has('excuse') ? 'excused' : actions.has('acknowledge') ? 'acknowledged' : 'open';
}

export function decisionHistory(f: ReviewedFinding): HTMLElement | null {
  if (!f.decisions?.length) return null;
  return h(
    'ul',
    { class: 'history', 'aria-label': t('history') },
    f.decisions.map((d) => h('li', {}, d.action === 'excuse' ? t('excusedBy', { by: d.by, at: dateTime(d.at), reason: d.reason ?? '' }) : t('acknowledgedBy', { by: d.by, at: dateTime(d.at) }))),
  );
}

function select(id: string, label: Word, value: string, options: Array<[string, string]>, onChange: (v: string) => void): HTMLElement {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, t(label)),
    h('select', { id, onchange: (e) => onChange((e.target as HTMLSelectElement).value) }, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))),
  );
}

function subjectName(f: ReviewedFinding): string {
  if (f.meeting) {
    const at = f.meeting.unitId;
    const unitName = state.heatmap?.rows.find((r) => r.unitId === at)?.name ?? at;
    return meetingName(unitName, f.meeting.heldAt === null ? null : Date.parse(f.meeting.heldAt), lang());
  }
  const unit = state.heatmap?.rows.find((r) => r.unitId === f.subject.id);
  const leader = state.heatmap?.leaders.find((l) => l.id === f.subject.id);
  return unit?.name ?? leader?.name ?? f.subject.id;
}

export function inboxView(): HTMLElement {
  const list = h('div', { class: 'inbox-list', 'aria-live': 'polite' }, t('loading'));
  const reload = (): void => void load(list, reload);
  const set = (key: keyof InboxFilters) => (v: string) => {
    (filters as unknown as Record<string, string>)[key] = v;
    reload();
  };
  const months = state.heatmap?.months ?? [];
  const periods: Array<[string, string]> = [['', t('all')], [state.period, periodName(state.period)], ...months.filter((m) => m !== state.period).map((m): [string, string] => [m, periodName(m)])];
  const view = h(
    'section',
    { 'aria-labelledby': 'inbox-title' },
    h('h2', { id: 'inbox-title' }, t('inbox')),
    h(
      'fieldset',
      { class: 'filters' },
      h('legend', {}, t('filters')),
      select('filter-rule', 'rule', filters.rule, [['', t('all')], ...[...state.rules.values()].map((r): [string, string] => [r.id, `${r.id} — ${r.title[lang()]}`])], set('rule')),
      select('filter-period', 'period', filters.period, periods, set('period')),
      select('filter-unit', 'unit', filters.unit, [['', t('all')], ...(state.heatmap?.rows ?? []).map((r): [string, string] => [r.unitId, `${'  '.repeat(r.depth)}${r.name}`])], set('unit')),
      select('filter-kind', 'kind', filters.kind, [['violation', t('kindViolation')], ['alert', t('kindAlert')]], set('kind')),
      select('filter-status', 'status', filters.status, [['', t('all')], ['open', t('open')], ['acknowledged', t('acknowledged')], ['excused', t('excused')]], set('status')),
    ),
    list,
  );
  reload();
  return view;
}

async function load(list: HTMLElement, reload: () => void): Promise<void> {
  list.setAttribute('aria-busy', 'true');
  try {
    await fillList(list, reload);
  } finally {
    list.removeAttribute('aria-busy');
  }
}

async function fillList(list: HTMLElement, reload: () => void): Promise<void> {
  let findings: ReviewedFinding[];
  try {
    findings = await api<ReviewedFinding[]>('GET', '/findings', { unit: filters.unit || state.unitId, period: filters.period, kind: filters.kind, rule: filters.rule, include: 'meeting' });
  } catch (err) {
    fill(list, h('p', { role: 'alert' }, `${t('error')}: ${(err as Error).message}`));
    return;
  }
  const shown = findings.filter((f) => filters.status === '' || statusOf(f) === filters.status);
  if (shown.length === 0) return fill(list, h('p', {}, t('noViolations')));
  fill(
    list,
    h(
      'table',
      { class: 'inbox', id: 'inbox' },
      h('thead', {}, h('tr', {}, [t('period'), t('rule'), t('subject'), t('message'), t('status'), t('actions')].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, shown.map((f) => row(f, reload))),
    ),
  );
}

function row(f: ReviewedFinding, reload: () => void): HTMLElement {
  const status = statusOf(f);
  const ref = { kind: f.kind, ruleId: f.ruleId, subject: f.subject, period: f.period };
  const problem = h('p', { role: 'alert', class: 'problem' });
  const decide = async (action: 'acknowledge' | 'excuse', reason?: string) => {
    try {
      await api('POST', '/decisions', {}, { finding: ref, action, ...(reason !== undefined ? { reason } : {}) });
      reload();
    } catch (err) {
      problem.textContent = `${t('error')}: ${err instanceof ApiError ? err.message : String(err)}`;
    }
  };
  const id = `${f.ruleId}-${f.subject.id}-${f.period}`.replace(/[^A-Za-z0-9-]/g, '-');
  const excuseForm = h(
    'form',
    {
      class: 'excuse',
      hidden: true,
      onsubmit: (e) => {
        e.preventDefault();
        void decide('excuse', (document.getElementById(`reason-${id}`) as HTMLInputElement).value);
      },
    },
    h('label', { for: `reason-${id}` }, t('reason')),
    h('input', { id: `reason-${id}`, name: 'reason', required: true, maxlength: 500 }),
    h('button', { type: 'submit' }, t('confirmExcuse')),
  );
  const subject = subjectName(f);
  return h(
    'tr',
    { 'data-identity': `${f.kind}|${f.ruleId}|${f.subject.type}:${f.subject.id}|${f.period}`, 'data-status': status },
    h('td', {}, periodName(f.period)),
    h('td', {}, h('span', { title: f.citation }, ruleTitle(f.ruleId)), h('br', {}), h('code', {}, f.ruleId)),
    h('td', {}, subject),
    h('td', {}, f.message[lang()]),
    h('td', {}, h('span', { class: `badge badge-${status}` }, t(status)), decisionHistory(f)),
    h(
      'td',
      { class: 'actions' },
      h(
        'div',
        {},
        status === 'open' ? h('button', { 'aria-label': `${t('acknowledge')}: ${subject}, ${periodName(f.period)}`, onclick: () => void decide('acknowledge') }, t('acknowledge')) : null,
        status !== 'excused'
          ? h(
              'button',
              {
                'aria-label': `${t('excuse')}: ${subject}, ${periodName(f.period)}`,
                'aria-controls': `excuse-${id}`,
                onclick: () => {
                  excuseForm.hidden = false;
                  (excuseForm.querySelector('input') as HTMLInputElement).focus();
                },
              },
              t('excuse'),
            )
          : null,
        status !== 'excused' ? Object.assign(excuseForm, { id: `excuse-${id}` }) : null,
        status === 'excused' ? '—' : null,
        problem,
      ),
    ),
  );
}
