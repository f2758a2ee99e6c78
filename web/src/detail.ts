/** The drill-down of a cell's month: its meetings and attendance, every finding over that month with its evidence, its obligations. */
import { periodWithin } from '../../shared/calendar/period.ts';
import type { CellMeetings } from '../../shared/contract/dashboard.ts';
import type { ReviewedFinding } from '../../shared/contract/decisions.ts';
import type { ObligationView } from '../../shared/contract/obligations.ts';
import { api } from './api.ts';
import { h } from './dom.ts';
import { dateTime, missingText, periodName, ruleTitle } from './format.ts';
import { lang, MEETING_KINDS, t } from './i18n.ts';
import { decisionHistory, kindWord } from './inbox.ts';
import type { Draft } from './drafts.ts';
import { meetingActions } from './meeting-actions.ts';
import { state } from './state.ts';

/** `onEdit` opens the record form on a correction; `reload` shows the month again after a retraction. */
export async function detailView(cellId: string, month: string, onClose: () => void, onEdit: (d: Draft) => void, reload: () => void): Promise<HTMLElement> {
  const [meetings, findings, obligations] = await Promise.all([
    api<CellMeetings>('GET', '/meetings', { unit: cellId, period: month }),
    api<ReviewedFinding[]>('GET', '/findings', { unit: cellId }),
    api<ObligationView[]>('GET', '/obligations', { subject: cellId }),
  ]);
  const held = new Map(meetings.meetings.map((m) => [m.meetingId, m]));
  const relevant = findings.filter((f) => periodWithin(month, f.period));
  // Corrections and retractions for those who may record for the cell (its recorders in scope, admins).
  const recorder = state.recordable?.has(cellId) ?? false;
  return h(
    'section',
    { class: 'detail', id: 'detail', 'aria-labelledby': 'detail-title' },
    h('h2', { id: 'detail-title', tabindex: '-1' }, `${t('detail')}: ${meetings.name} — ${periodName(month)}`),
    h('button', { class: 'close', onclick: onClose }, t('close')),
    h('h3', {}, t('meetings')),
    meetings.meetings.length === 0
      ? h('p', {}, t('noMeetings'))
      : // Scrolls sideways on its own at phone width, the page does not.
        h('div', { class: 'scroll' }, h(
          'table',
          { class: 'meetings' },
          h('thead', {}, h('tr', {}, [t('heldAt'), t('kind'), t('attendance'), t('excusedMembers'), ...(recorder ? [t('recordActions')] : [])].map((x) => h('th', { scope: 'col' }, x)))),
          h(
            'tbody',
            {},
            meetings.meetings.map((m) =>
              h(
                'tr',
                { id: `meeting-${m.meetingId}`, 'data-meeting': m.meetingId },
                h('td', {}, h('span', { id: `when-${m.meetingId}` }, dateTime(m.heldAt)), h('br', {}), h('code', {}, m.meetingId)),
                h('td', {}, MEETING_KINDS[m.kind]?.[lang()] ?? m.kind),
                h('td', {}, m.present === null ? '—' : `${m.present}/${m.eligible} (${m.eligible ? Math.round((m.present * 1000) / m.eligible!) / 10 : 0}%)`),
                h('td', {}, m.excused.map((x) => x.name).join(', ') || '—'),
                recorder ? h('td', { class: 'actions' }, meetingActions(cellId, meetings.name, m, onEdit, reload)) : null,
              ),
            ),
          ),
        )),
    h('h3', {}, t('findings')),
    relevant.length === 0
      ? h('p', {}, t('noFindings'))
      : h(
          'ul',
          { class: 'findings' },
          relevant.map((f) =>
            h(
              'li',
              { class: `finding kind-${f.kind}`, 'data-rule': f.ruleId },
              h('strong', {}, `${kindWord(f.kind)} · ${periodName(f.period)}`),
              ' ',
              f.message[lang()],
              h('div', { class: 'citation' }, f.citation),
              h(
                'div',
                { class: 'evidence' },
                `${t('evidence')}: `,
                f.evidence.length === 0
                  ? t('noEvidence')
                  : f.evidence.flatMap((id, i) => [i > 0 ? ', ' : '', held.has(id) ? h('a', { href: `#meeting-${id}` }, `${id} (${dateTime(held.get(id)!.heldAt)})`) : h('code', {}, id)]),
              ),
              decisionHistory(f),
            ),
          ),
        ),
    h('h3', {}, t('obligations')),
    h(
      'ul',
      { class: 'obligations' },
      obligations
        .filter((o) => periodWithin(month, o.period))
        .map((o) => h('li', {}, `${ruleTitle(o.ruleId)} (${periodName(o.period)}): `, o.status === 'met' ? t('done') : `${t('missing')} ${missingText(o.ruleId, o.missing)}`)),
    ),
  );
}
