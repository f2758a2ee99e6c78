/**
 * The period report as an XLSX workbook (exceljs): the columns of
 * report-columns.ts (with the quality columns when a meeting was rated) on
 * a sheet "Báo cáo", two header rows frozen. The CLI
 * writes it to a file; the dashboard loads this module (and exceljs's browser
 * build, which the package's "browser" field names) only when asked to export.
 */
import ExcelJS from 'exceljs';
import type { PeriodReport } from '../contract/report.ts';
import { reportColumns } from './report-columns.ts';

export function reportWorkbook(report: PeriodReport, title: { vi: string; en: string }): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.title = title.vi;
  book.subject = title.en;
  const sheet = book.addWorksheet('Báo cáo');
  const columns = reportColumns(report);
  sheet.columns = columns.map((c) => ({ key: c.key, width: Math.max(12, Math.min(40, c.vi.length + 2)) }));
  sheet.addRow(columns.map((c) => c.vi)).font = { bold: true };
  sheet.addRow(columns.map((c) => c.en)).font = { italic: true };
  for (const r of report.rows) sheet.addRow(columns.map((c) => c.value(r)));
  columns.forEach((c, i) => {
    if (c.percent) sheet.getColumn(i + 1).numFmt = '0.0';
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return book;
}

/** The workbook's bytes (an .xlsx file). */
export async function reportXlsxBytes(report: PeriodReport, title: { vi: string; en: string }): Promise<Uint8Array> {
  return new Uint8Array(await reportWorkbook(report, title).xlsx.writeBuffer());
}
