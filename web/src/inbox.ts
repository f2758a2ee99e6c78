/**
 * The violations inbox of an inspection committee: violations (and alerts) of
 * the unit's subtree, filtered by rule, period, unit and kind; each can be
 * acknowledged, or excused with a reason, and shows who decided and when, and
 * how its notices went out (the delivery log). A notice's e-mail links to its
 * finding here: `?view=inbox&finding=<identity>` (see linkTo).
 */
import type { ReviewedFinding } from '../../shared/contract/decisions.ts';
import { meetingName } from '../../shared/reports/meeting-name.ts';
import { api, ApiError } from './api.ts';
import { deliveryCell, loadDeliveries, type DeliveryIndex } from './deliveries.ts';
import { identityOf } from './identity.ts';
import { fill, h } from './dom.ts';
import { dateTime, periodName, ruleTitle } from './format.ts';
import { lang, t, type Word } from './i18n.ts';
import { state } from './state.ts';

export interface InboxFilters {
  rule: string;
  period: string;
  unit: string;
  kind: 'violation' | 'alert' | 'reminder';
  status: '' | 'open' | 'acknowledged' | 'excused';
}

export const filters: InboxFilters = { rule: '', period: '', unit: '', kind: 'violation', status: '' };

/** The finding a link opened the page on: highlighted while shown, focused and scrolled to once. */
let linked: { identity: string; focus: boolean } | null = null;

/**
 * Opens the inbox on one finding, from its identity (`kind|ruleId|type:id|period`, as e-mails link to it):
 * the filters are set so nothing hides it. Null when the identity is not one; else its period, for the header.
 */
export function linkTo(identity: string): string | null {
  const parts = identity.split('|');
  const [kind, ruleId, subject, period] = parts;
  if (parts.length !== 4 || (kind !== 'violation' && kind !== 'alert' && kind !== 'reminder') || !ruleId || !subject?.includes(':') || !/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/.test(period ?? '')) return null;
  Object.assign(filters, { rule: '', period: period!, unit: '', kind, status: '' });
  linked = { identity, focus: true };
  return period!;
}

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
      select('filter-kind', 'kind', filters.kind, [['violation', t('kindViolation')], ['alert', t('kindAlert')], ['reminder', t('kindReminder')]], set('kind')),
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
  const unit = filters.unit || state.unitId;
  let findings: ReviewedFinding[];
  // The log is read once for the list, beside the findings; a failure to read it leaves the findings shown.
  const log = loadDeliveries(unit).then(
    (index) => ({ index, problem: null }),
    (err: unknown) => ({ index: null, problem: (err as Error).message }),
  );
  try {
    findings = await api<ReviewedFinding[]>('GET', '/findings', { unit, period: filters.period, kind: filters.kind, rule: filters.rule, include: 'meeting' });
  } catch (err) {
    fill(list, h('p', { role: 'alert' }, `${t('error')}: ${(err as Error).message}`));
    return;
  }
  const { index, problem } = await log;
  const shown = findings.filter((f) => filters.status === '' || statusOf(f) === filters.status);
  // Said once, on the load the link opened: later loads follow the user's own filters.
  const opening = linked?.focus === true;
  if (linked) linked.focus = false;
  const missing = opening && !shown.some((f) => identityOf(f) === linked!.identity);
  const notes = [problem !== null ? h('p', { role: 'alert' }, `${t('deliveriesUnavailable')}: ${problem}`) : null, missing ? h('p', { role: 'status', class: 'linked-missing' }, t('linkedFindingMissing')) : null];
  if (shown.length === 0) return fill(list, notes, h('p', {}, t('noViolations')));
  // A recorder may not read the log (403): no column rather than an empty one.
  const headings = [t('period'), t('rule'), t('subject'), t('message'), t('status'), ...(index ? [t('deliveries')] : []), t('actions')];
  fill(
    list,
    notes,
    h(
      'table',
      { class: 'inbox', id: 'inbox' },
      h('thead', {}, h('tr', {}, headings.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, shown.map((f) => row(f, index, reload))),
    ),
  );
  if (opening) focusLinked(list);
}

/** Brings the linked finding into view and gives it focus, once: a reload after a decision leaves the focus where the user is. */
function focusLinked(list: HTMLElement): void {
  const target = [...list.querySelectorAll<HTMLElement>('tr[data-identity]')].find((tr) => tr.dataset['identity'] === linked?.identity);
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

function row(f: ReviewedFinding, deliveries: DeliveryIndex | null, reload: () => void): HTMLElement {
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
  const identity = identityOf(f);
  const isLinked = linked?.identity === identity;
  // Reminders are not decided on (POST /decisions refuses them): they show no actions.
  const decidable = f.kind !== 'reminder';
  return h(
    'tr',
    { 'data-identity': identity, 'data-status': status, ...(isLinked ? { class: 'linked', tabindex: '-1', 'aria-label': `${t('linkedFinding')}: ${subject}, ${periodName(f.period)}` } : {}) },
    h('td', {}, isLinked ? [h('span', { class: 'linked-badge' }, `➜ ${t('linkedFinding')}`), h('br', {})] : null, periodName(f.period)),
    h('td', {}, h('span', { title: f.citation }, ruleTitle(f.ruleId)), h('br', {}), h('code', {}, f.ruleId)),
    h('td', {}, subject),
    h('td', {}, f.message[lang()]),
    h('td', {}, h('span', { class: `badge badge-${status}` }, t(status)), decisionHistory(f)),
    deliveries ? deliveryCell(f, deliveries) : null,
    h(
      'td',
      { class: 'actions' },
      h(
        'div',
        {},
        !decidable ? '—' : null,
        decidable && status === 'open' ? h('button', { 'aria-label': `${t('acknowledge')}: ${subject}, ${periodName(f.period)}`, onclick: () => void decide('acknowledge') }, t('acknowledge')) : null,
        decidable && status !== 'excused'
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
        decidable && status !== 'excused' ? Object.assign(excuseForm, { id: `excuse-${id}` }) : null,
        decidable && status === 'excused' ? '—' : null,
        problem,
      ),
    ),
  );
}
