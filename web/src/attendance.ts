/**
 * The attendance list: one radio group per active, non-exempted member,
 * named by the member's name, with "Có mặt", "Vắng có lý do", "Vắng không lý
 * do" as large touch targets; exempted members listed apart ("Miễn sinh
 * hoạt"), not asked; "Tất cả có mặt" ticks everyone not yet ticked.
 */
import { h } from './dom.ts';
import type { Draft } from './drafts.ts';
import { t, type Word } from './i18n.ts';
import { eligibleMembers } from './record-event.ts';
import type { AttendanceStatus, UnitMembers } from './record-types.ts';

const OPTIONS: Array<[AttendanceStatus, Word]> = [
  ['present', 'present'],
  ['excused', 'excusedAbsence'],
  ['absent', 'unexcusedAbsence'],
];

export function attendanceFields(draft: Draft, members: UnitMembers, errors: Map<string, string[]>, changed: (rerender: boolean) => void): HTMLElement {
  const eligible = eligibleMembers(members);
  const exempt = members.members.filter((m) => m.exempt);
  const present = eligible.filter((m) => draft.attendance[m.id] === 'present').length;
  const groupError = errors.get('attendance');
  return h(
    'fieldset',
    { class: 'attendance', id: 'rec-attendance', 'aria-describedby': groupError ? 'err-attendance' : null },
    h('legend', {}, t('attendanceList'), ' ', h('span', { class: 'count' }, t('presentOf', { present, eligible: eligible.length }))),
    h(
      'button',
      {
        type: 'button',
        id: 'rec-all-present',
        class: 'wide',
        onclick: () => {
          for (const m of eligible) draft.attendance[m.id] ??= 'present';
          changed(true);
        },
      },
      t('allPresent'),
    ),
    groupError ? h('p', { class: 'field-error', id: 'err-attendance' }, groupError.join(' ')) : null,
    h(
      'ul',
      { class: 'members' },
      eligible.map((m) => {
        const error = errors.get(`member-${m.id}`);
        return h(
          'li',
          {},
          h(
            'div',
            { role: 'radiogroup', id: `rec-member-${m.id}`, class: 'member', 'aria-labelledby': `name-${m.id}`, 'aria-invalid': error ? 'true' : null, 'aria-describedby': error ? `err-member-${m.id}` : null, 'data-member': m.id },
            h('span', { class: 'member-name', id: `name-${m.id}` }, m.name),
            h(
              'span',
              { class: 'choices' },
              OPTIONS.map(([status, word]) =>
                h(
                  'label',
                  { class: `choice choice-${status}` },
                  h('input', {
                    type: 'radio',
                    name: `att-${m.id}`,
                    value: status,
                    checked: draft.attendance[m.id] === status,
                    onchange: () => {
                      draft.attendance[m.id] = status;
                      changed(false);
                    },
                  }),
                  h('span', {}, t(word)),
                ),
              ),
            ),
            error ? h('p', { class: 'field-error', id: `err-member-${m.id}` }, error.join(' ')) : null,
          ),
        );
      }),
    ),
    exempt.length > 0 ? h('div', { class: 'exempt' }, h('h3', { id: 'exempt-title' }, t('exemptMembers')), h('ul', { 'aria-labelledby': 'exempt-title' }, exempt.map((m) => h('li', {}, m.name)))) : null,
  );
}
