/** Leader quotas: each obligation of the period for one leader in scope, with a progress bar, what is missing in words and the days left. */
import { DAY_MS, periodBounds, periodWithin } from '../../shared/calendar/period.ts';
import type { ObligationView } from '../../shared/contract/obligations.ts';
import { api } from './api.ts';
import { fill, h } from './dom.ts';
import { missingText, periodName, ruleTitle } from './format.ts';
import { t } from './i18n.ts';
import { asOf, state } from './state.ts';

let chosen: string | undefined;

const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);

export function quotasView(): HTMLElement {
  const leaders = state.heatmap?.leaders ?? [];
  if (!leaders.some((l) => l.id === chosen)) chosen = leaders[0]?.id;
  const list = h('div', { 'aria-live': 'polite' });
  const view = h(
    'section',
    { 'aria-labelledby': 'quotas-title' },
    h('h2', { id: 'quotas-title' }, t('quotas'), ' — ', periodName(state.period)),
    leaders.length === 0
      ? h('p', {}, t('noLeaders'))
      : h(
          'div',
          { class: 'field' },
          h('label', { for: 'leader' }, t('leader')),
          h(
            'select',
            {
              id: 'leader',
              onchange: (e) => {
                chosen = (e.target as HTMLSelectElement).value;
                void load(list);
              },
            },
            leaders.map((l) => h('option', { value: l.id, selected: l.id === chosen }, l.name)),
          ),
        ),
    list,
  );
  if (chosen) void load(list);
  return view;
}

async function load(list: HTMLElement): Promise<void> {
  fill(list, t('loading'));
  const all = await api<ObligationView[]>('GET', '/obligations', { subject: chosen });
  const inPeriod = all.filter((o) => periodWithin(o.period, state.period));
  if (inPeriod.length === 0) return fill(list, h('p', {}, t('noObligations')));
  fill(
    list,
    h(
      'ul',
      { class: 'quotas' },
      inPeriod.map((o) => {
        const required = sum(o.required);
        const counted = Math.min(sum(o.counted), required);
        const daysLeft = Math.ceil((periodBounds(o.period).end - asOf()) / DAY_MS);
        const id = `quota-${o.ruleId}-${o.period}`.replace(/[^A-Za-z0-9-]/g, '-');
        return h(
          'li',
          { class: `quota quota-${o.status}`, 'data-rule': o.ruleId, 'data-period': o.period },
          h('div', { id }, h('strong', {}, ruleTitle(o.ruleId)), ` (${periodName(o.period)})`),
          h('progress', { max: required, value: counted, 'aria-labelledby': id }, `${counted}/${required}`),
          h('span', { class: 'count' }, ` ${counted}/${required} `),
          h('span', {}, o.status === 'met' ? t('done') : `${t('missing')} ${missingText(o.ruleId, o.missing)}`),
          o.status === 'met' ? null : h('span', { class: 'days' }, ` — ${daysLeft > 0 ? t('daysLeft', { n: daysLeft }) : t('overdue')}`),
        );
      }),
    ),
  );
}
