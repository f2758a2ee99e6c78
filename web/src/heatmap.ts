/**
 * Units × months. Each square says its status in words and a symbol as well
 * as in colour; a cell's squares are buttons that open the drill-down, a
 * unit's row folds its subtree away.
 */
import type { HeatmapRow, HeatStatus } from '../../shared/contract/dashboard.ts';
import { h } from './dom.ts';
import { periodName } from './format.ts';
import { lang, STATUS_WORDS, t } from './i18n.ts';
import { state } from './state.ts';

const LEGEND_ORDER: HeatStatus[] = ['met', 'reminder', 'violation', 'excused', 'open', 'future', 'inactive'];

const statusText = (s: HeatStatus): string => STATUS_WORDS[s][lang()];

export function legend(): HTMLElement {
  return h(
    'section',
    { class: 'legend', 'aria-labelledby': 'legend-title' },
    h('h3', { id: 'legend-title' }, t('legend')),
    h('ul', {}, LEGEND_ORDER.map((s) => h('li', {}, h('span', { class: `swatch status-${s}`, 'aria-hidden': 'true' }, STATUS_WORDS[s].symbol), ' ', statusText(s)))),
  );
}

/** "✗ 2 · ✓ 8": a unit's month, its cells counted by status. */
function countsText(row: HeatmapRow, month: string): string {
  const counts = row.months[month]?.counts ?? {};
  return LEGEND_ORDER.filter((s) => (counts[s] ?? 0) > 0)
    .map((s) => `${STATUS_WORDS[s].symbol} ${counts[s]}`)
    .join(' · ');
}

function hidden(row: HeatmapRow, byId: Map<string, HeatmapRow>): boolean {
  for (let p = row.parentId; p !== null; p = byId.get(p)?.parentId ?? null) if (state.collapsed.has(p)) return true;
  return false;
}

export function heatmapView(onOpen: (cellId: string, month: string) => void, rerender: () => void): HTMLElement {
  const map = state.heatmap!;
  const byId = new Map(map.rows.map((r) => [r.unitId, r]));
  const hasChildren = new Set(map.rows.map((r) => r.parentId).filter((p): p is string => p !== null));
  const rows = map.rows.filter((r) => !hidden(r, byId)).map((row) => {
    const folded = state.collapsed.has(row.unitId);
    const name = hasChildren.has(row.unitId)
      ? h(
          'button',
          {
            class: 'fold',
            'aria-expanded': String(!folded),
            'aria-label': `${folded ? t('expand') : t('collapse')}: ${row.name}`,
            onclick: () => {
              if (folded) state.collapsed.delete(row.unitId);
              else state.collapsed.add(row.unitId);
              rerender();
              (document.querySelector(`[data-fold="${CSS.escape(row.unitId)}"]`) as HTMLElement | null)?.focus();
            },
            'data-fold': row.unitId,
          },
          h('span', { 'aria-hidden': 'true' }, folded ? '▸ ' : '▾ '),
          row.name,
        )
      : h('span', {}, row.name);
    return h(
      'tr',
      { 'data-unit': row.unitId, 'data-kind': row.kind },
      h('th', { scope: 'row', class: `depth-${Math.min(row.depth, 8)}` }, name),
      map.months.map((month) => {
        const { status } = row.months[month]!;
        const words = `${statusText(status)}`;
        const label = `${row.name}, ${periodName(month)}: ${words}`;
        if (row.kind !== 'cell')
          return h('td', { class: `heat status-${status}`, 'data-month': month, 'data-status': status, title: label }, h('span', { class: 'sr-only' }, `${words}: `), countsText(row, month));
        return h(
          'td',
          { class: `heat status-${status}`, 'data-month': month, 'data-status': status },
          h('button', { class: 'square', 'aria-label': label, title: label, onclick: () => onOpen(row.unitId, month) }, h('span', { 'aria-hidden': 'true' }, `${STATUS_WORDS[status].symbol} `), words),
        );
      }),
    );
  });
  return h(
    'section',
    { 'aria-labelledby': 'heatmap-title' },
    h('h2', { id: 'heatmap-title' }, t('heatmap'), ' — ', periodName(map.period)),
    legend(),
    h(
      'div',
      { class: 'scroll' },
      h(
        'table',
        { class: 'heatmap', id: 'heatmap' },
        h('caption', {}, t('heatmapCaption')),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('unit')), map.months.map((m) => h('th', { scope: 'col' }, periodName(m))))),
        h('tbody', {}, rows),
      ),
    ),
  );
}
