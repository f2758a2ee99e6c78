/** The period report (Hà Nội Đề án 11 KPIs) as a table with the export's very columns, and its CSV and XLSX downloads. */
import type { PeriodReport } from '../../shared/contract/report.ts';
import { reportColumns } from '../../shared/reports/report-columns.ts';
import { reportCsvText } from '../../shared/reports/report-csv.ts';
import { reportTitle } from '../../shared/reports/report-title.ts';
import { api } from './api.ts';
import { fill, h } from './dom.ts';
import { lang, t } from './i18n.ts';
import { state } from './state.ts';

/** Excel reads a UTF-8 CSV file as such only with a byte order mark (as `chibo report --out` writes it). */
const BOM = '\uFEFF';

function download(name: string, type: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const cellText = (v: string | number | null, percent: boolean): string => (v === null ? '—' : typeof v === 'number' && percent ? `${lang() === 'vi' ? String(v).replace('.', ',') : v}%` : String(v));

export function kpisView(): HTMLElement {
  const body = h('div', { 'aria-live': 'polite' }, t('loading'));
  void api<PeriodReport>('GET', '/report', { period: state.period, unit: state.unitId }).then((report) => {
    const file = `report-${report.unitId}-${report.period}`;
    // The export's very columns: the quality ones too, once a meeting of the report was rated.
    const columns = reportColumns(report).filter((c) => c.key !== 'unitId');
    fill(
      body,
      h('p', {}, reportTitle(report)[lang()]),
      h(
        'div',
        { class: 'exports' },
        h('button', { id: 'export-csv', onclick: () => download(`${file}.csv`, 'text/csv;charset=utf-8', BOM + reportCsvText(report)) }, t('exportCsv')),
        h(
          'button',
          {
            id: 'export-xlsx',
            // exceljs (about 1 MB) is fetched only now, never with the page.
            onclick: async () => {
              const { reportXlsxBytes } = await import('../../shared/reports/report-workbook.ts');
              download(`${file}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', (await reportXlsxBytes(report, reportTitle(report))) as Uint8Array<ArrayBuffer>);
            },
          },
          t('exportXlsx'),
        ),
      ),
      h(
        'div',
        { class: 'scroll' },
        h(
          'table',
          { class: 'kpis', id: 'kpis' },
          h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c[lang()])))),
          h(
            'tbody',
            {},
            report.rows.map((r) =>
              h('tr', { 'data-unit': r.unitId }, columns.map((c, i) => (i === 0 ? h('th', { scope: 'row', class: `depth-${Math.min(r.depth, 8)}` }, cellText(c.value(r), false)) : h('td', { 'data-col': c.key }, cellText(c.value(r), c.percent === true))))),
            ),
          ),
        ),
      ),
      report.rows[0]?.leadersUnmet.length
        ? h(
            'section',
            {},
            h('h3', {}, t('leadersOwing')),
            h('ul', {}, report.rows[0].leadersUnmet.map((l) => h('li', {}, `${l.name}: ${t('visitsOwed', { n: Object.values(l.missing).reduce((a, b) => a + b, 0) })}`))),
          )
        : null,
    );
  }, (err: Error) => fill(body, h('p', { role: 'alert' }, `${t('error')}: ${err.message}`)));
  return h('section', { 'aria-labelledby': 'kpis-title' }, h('h2', { id: 'kpis-title' }, t('kpis')), body);
}
