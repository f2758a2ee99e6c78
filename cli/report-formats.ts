/** The period report as a Vietnamese table, CSV or an XLSX workbook, from the columns of shared/reports/report-columns.ts. */
import { reportTitle } from '../shared/reports/report-title.ts';
import type { PeriodReport } from '../shared/contract/report.ts';
import { reportCsvText } from '../shared/reports/report-csv.ts';
import { QUALITY_COLUMNS, share } from '../shared/reports/report-columns.ts';
import { reportWorkbook } from '../shared/reports/report-workbook.ts';

const MOST_MISSED = QUALITY_COLUMNS.find((c) => c.key === 'mostMissedCriteria')!;

const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });
const width = (text: string): number => [...segmenter.segment(text)].length;
/** 66.7 → "66,7%": Vietnamese writes a decimal comma. */
const percent = (p: number | null): string => (p === null ? '—' : `${String(p).replace('.', ',')}%`);

export function reportTable(report: PeriodReport): string {
  const headers = [
    ['Đơn vị', 'Unit'],
    ['Chi bộ', 'Cells'],
    ['Đủ các tháng', 'Every month'],
    ['Chuyên đề', 'Thematic'],
    ['Số buổi', 'Meetings'],
    ['Dự họp BQ', 'Attendance'],
    ['LĐ đạt', 'Leaders met'],
    ['LĐ chưa đạt', 'unmet'],
    ['Vi phạm', 'Violations'],
    ['Được miễn', 'Excused'],
  ];
  const rows = report.rows.map((r) => [
    `${'  '.repeat(r.depth)}${r.name}`,
    String(r.cells),
    `${r.cellsMeetingEveryMonth} (${percent(share(r.cellsMeetingEveryMonth, r.cells))})`,
    `${r.cellsWithThematicMeeting} (${percent(share(r.cellsWithThematicMeeting, r.cells))})`,
    String(r.meetings),
    percent(r.meanAttendancePercent),
    String(r.leadersMet),
    String(r.leadersUnmet.length),
    String(r.openViolations),
    String(r.excusedViolations),
  ]);
  const widths = headers.map((h, i) => Math.max(width(h[0]!), width(h[1]!), ...rows.map((r) => width(r[i]!))));
  const numeric = (i: number) => i > 0;
  const line = (cells: string[]) => cells.map((c, i) => (numeric(i) ? ' '.repeat(widths[i]! - width(c)) + c : c + ' '.repeat(widths[i]! - width(c)))).join('  ').trimEnd();
  const t = reportTitle(report);
  const out = [t.vi, t.en, '', line(headers.map((h) => h[0]!)), line(headers.map((h) => h[1]!)), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)];
  const owing = report.rows[0]?.leadersUnmet ?? [];
  if (owing.length > 0) {
    out.push('', 'Lãnh đạo chưa đạt định mức / Leaders still owing:');
    for (const l of owing) {
      const n = Object.values(l.missing).reduce((a, b) => a + b, 0);
      out.push(`  ${l.name} (${l.leaderId}): còn thiếu ${n} lần dự sinh hoạt / ${n} ${n === 1 ? "visit" : "visits"} still owed`);
    }
  }
  const rated = report.rows.filter((r) => r.quality !== undefined);
  if (rated.length > 0) {
    out.push('', 'Chất lượng sinh hoạt (tốt / khá / trung bình / kém; điểm bình quân) / Meeting quality (good / fair / average / poor; mean score):');
    for (const r of rated) {
      const q = r.quality!;
      const bands = [q.bands.tot, q.bands.kha, q.bands.trungBinh, q.bands.kem].map((n) => percent(share(n, q.ratedMeetings))).join(' / ');
      const missed = MOST_MISSED.value(r);
      out.push(`  ${r.name}: ${q.ratedMeetings} buổi chấm điểm / scored; ${bands}; ${String(q.meanScore).replace('.', ',')} điểm${missed ? `; hay bị trừ điểm / most missed: ${missed}` : ''}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The CSV text: a Vietnamese header row, an English one, then a row per unit (the dashboard writes the same). */
export async function reportCsv(report: PeriodReport): Promise<string> {
  return reportCsvText(report);
}

export async function writeReportXlsx(report: PeriodReport, file: string): Promise<void> {
  await reportWorkbook(report, reportTitle(report)).xlsx.writeFile(file);
}
