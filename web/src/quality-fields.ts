/**
 * Optional quality scores on the record: a shipped score sheet for the
 * meeting's kind (GET /quality-sheets), one number per criterion a person
 * scores, each with its maximum; the criteria the record proves (attendance,
 * duration, speakers) are listed as computed and not asked.
 */
import { h } from './dom.ts';
import type { Draft } from './drafts.ts';
import { lang, t } from './i18n.ts';
import type { QualitySheet } from './record-types.ts';

export function qualityFields(draft: Draft, sheets: QualitySheet[], errors: Map<string, string[]>, changed: (rerender: boolean) => void): HTMLElement {
  const usable = sheets.filter((s) => s.kinds.includes(draft.kind));
  const sheet = usable.find((s) => s.id === draft.quality?.sheet);
  const sheetError = errors.get('sheet');
  const declared = sheet?.criteria.filter((c) => c.source === 'declared') ?? [];
  const total = (): number => declared.reduce((sum, c) => sum + (Number(draft.quality?.scores[c.id]) || 0), 0);
  const outOf = declared.reduce((s, c) => s + c.max, 0);
  const totalLine = h('p', { class: 'total', 'aria-live': 'polite' }, t('declaredTotal', { total: total(), max: outOf }));
  return h(
    'details',
    { class: 'quality', open: draft.quality !== null || errors.has('sheet') || [...errors.keys()].some((k) => k.startsWith('q-')) },
    h('summary', {}, t('qualityTitle')),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'rec-sheet' }, t('scoreSheet')),
      h(
        'select',
        {
          id: 'rec-sheet',
          'aria-invalid': sheetError ? 'true' : null,
          'aria-describedby': sheetError ? 'err-sheet' : null,
          onchange: (e) => {
            const id = (e.target as HTMLSelectElement).value;
            draft.quality = id === '' ? null : { sheet: id, scores: {} };
            changed(true);
          },
        },
        h('option', { value: '' }, t('noScoring')),
        usable.map((s) => h('option', { value: s.id, selected: s.id === sheet?.id }, s.name[lang()])),
      ),
      sheetError ? h('p', { class: 'field-error', id: 'err-sheet' }, sheetError.join(' ')) : null,
    ),
    sheet
      ? h(
          'ul',
          { class: 'criteria' },
          sheet.criteria.map((c) => {
            const max = t('maxPoints', { max: c.max });
            if (c.source === 'computed') return h('li', { class: 'computed' }, `${c.label[lang()]} (${max}): `, t('computedFromRecord'));
            const error = errors.get(`q-${c.id}`);
            return h(
              'li',
              { class: 'field' },
              h('label', { for: `rec-q-${c.id}` }, `${c.label[lang()]} (${max})`),
              h('input', {
                id: `rec-q-${c.id}`,
                type: 'number',
                inputmode: 'decimal',
                min: 0,
                max: c.max,
                step: 0.5,
                value: draft.quality?.scores[c.id] ?? '',
                'aria-invalid': error ? 'true' : null,
                'aria-describedby': error ? `err-q-${c.id}` : null,
                oninput: (e) => {
                  if (draft.quality) draft.quality.scores[c.id] = (e.target as HTMLInputElement).value;
                  // The total follows as the scores are typed; the form is not rebuilt under the user's fingers.
                  totalLine.textContent = t('declaredTotal', { total: total(), max: outOf });
                  changed(false);
                },
              }),
              error ? h('p', { class: 'field-error', id: `err-q-${c.id}` }, error.join(' ')) : null,
            );
          }),
        )
      : null,
    sheet ? totalLine : null,
  );
}
