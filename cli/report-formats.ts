/** The period report as a Vietnamese table, CSV or an XLSX workbook, from the columns of shared/reports/report-columns.ts. */
import ExcelJS from 'exceljs';
import { describePeriod, instantMs, describeDate } from '../shared/calendar/period.ts';
import type { PeriodReport } from '../shared/contract/report.ts';
import { REPORT_COLUMNS, share } from '../shared/reports/report-columns.ts';

const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });
const width = (text: string): number => [...segmenter.segment(text)].length;
/** 66.7 → "66,7%": Vietnamese writes a decimal comma. */
const percent = (p: number | null): string => (p === null ? '—' : `${String(p).replace('.', ',')}%`);

function title(report: PeriodReport): { vi: string; en: string } {
  const unit = report.rows[0];
  const at = describeDate(instantMs(report.asOf));
  return {
    vi: `Báo cáo ${describePeriod(report.period, 'vi')}: ${unit?.name ?? report.unitId} (${report.unitId}), số liệu đến ${at}`,
    en: `Report for ${describePeriod(report.period, 'en')}: ${report.unitId}, figures as of ${at}`,
  };
}

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
  const t = title(report);
  const out = [t.vi, t.en, '', line(headers.map((h) => h[0]!)), line(headers.map((h) => h[1]!)), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)];
  const owing = report.rows[0]?.leadersUnmet ?? [];
  if (owing.length > 0) {
    out.push('', 'Lãnh đạo chưa đạt định mức / Leaders still owing:');
    for (const l of owing) {
      const n = Object.values(l.missing).reduce((a, b) => a + b, 0);
      out.push(`  ${l.name} (${l.leaderId}): còn thiếu ${n} lần dự sinh hoạt / ${n} ${n === 1 ? "visit" : "visits"} still owed`);
    }
  }
  return `${out.join('\n')}\n`;
}

function workbook(report: PeriodReport): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Báo cáo');
  sheet.columns = REPORT_COLUMNS.map((c) => ({ key: c.key, width: Math.max(12, Math.min(40, c.vi.length + 2)) }));
  sheet.addRow(REPORT_COLUMNS.map((c) => c.vi)).font = { bold: true };
  sheet.addRow(REPORT_COLUMNS.map((c) => c.en)).font = { italic: true };
  for (const r of report.rows) sheet.addRow(REPORT_COLUMNS.map((c) => c.value(r)));
  REPORT_COLUMNS.forEach((c, i) => {
    if (c.percent) sheet.getColumn(i + 1).numFmt = '0.0';
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return book;
}

/** The CSV text: a Vietnamese header row, an English one, then a row per unit (RFC 4180 quoting by exceljs). */
export async function reportCsv(report: PeriodReport): Promise<string> {
  return Buffer.from(await workbook(report).csv.writeBuffer()).toString('utf8');
}

export async function writeReportXlsx(report: PeriodReport, file: string): Promise<void> {
  const book = workbook(report);
  const t = title(report);
  book.title = t.vi;
  book.subject = t.en;
  await book.xlsx.writeFile(file);
}
