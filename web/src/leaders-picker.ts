/**
 * "Lãnh đạo cấp trên dự": the leaders whose assignments cover the cell on the
 * meeting's date, one checkbox each, filtered as the user types in the search
 * box (without diacritics too). Ticked leaders stay in view whatever is typed.
 */
import { h } from './dom.ts';
import type { Draft } from './drafts.ts';
import { t } from './i18n.ts';
import type { UnitMembers } from './record-types.ts';
import { folded } from './search-text.ts';

let query = '';

export function leadersPicker(draft: Draft, members: UnitMembers, errors: Map<string, string[]>, changed: () => void): HTMLElement {
  const error = errors.get('leaders');
  const list = h('ul', { class: 'leaders', id: 'rec-leader-list', 'aria-label': t('leaderChoices') });
  const apply = () => {
    const q = folded(query);
    for (const li of Array.from(list.children) as HTMLElement[]) li.hidden = q !== '' && !folded(li.dataset['name'] ?? '').includes(q) && !draft.leaderIds.includes(li.dataset['leader'] ?? '');
  };
  list.append(
    ...members.leaders.map((l) =>
      h(
        'li',
        { 'data-leader': l.id, 'data-name': l.name },
        h(
          'label',
          { class: 'check' },
          h('input', {
            type: 'checkbox',
            value: l.id,
            checked: draft.leaderIds.includes(l.id),
            onchange: (e) => {
              const on = (e.target as HTMLInputElement).checked;
              draft.leaderIds = on ? [...new Set([...draft.leaderIds, l.id])] : draft.leaderIds.filter((id) => id !== l.id);
              changed();
            },
          }),
          h('span', {}, l.name),
        ),
      ),
    ),
  );
  apply();
  return h(
    'div',
    { class: 'field leaders-field' },
    h('label', { for: 'rec-leaders' }, t('visitingLeaders')),
    members.leaders.length === 0
      ? h('p', { id: 'rec-leaders', class: 'hint' }, t('noLeadersCover'))
      : [
          h('input', {
            id: 'rec-leaders',
            type: 'search',
            autocomplete: 'off',
            value: query,
            'aria-controls': 'rec-leader-list',
            'aria-describedby': error ? 'hint-leaders err-leaders' : 'hint-leaders',
            'aria-invalid': error ? 'true' : null,
            oninput: (e) => {
              query = (e.target as HTMLInputElement).value;
              apply();
            },
          }),
          h('p', { class: 'hint', id: 'hint-leaders' }, t('leaderSearchHint')),
          list,
        ],
    error ? h('p', { class: 'field-error', id: 'err-leaders' }, error.join(' ')) : null,
  );
}
