/**
 * The period report as CSV text (RFC 4180 quoting): a Vietnamese header row,
 * an English one, a row per unit. Plain string work, so the CLI and the
 * dashboard in the browser write the same bytes from the same columns.
 */
import type { PeriodReport } from '../contract/report.ts';
import { reportColumns } from './report-columns.ts';

const field = (v: string | number | null): string => {
  const text = v === null ? '' : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function reportCsvText(report: PeriodReport): string {
  const columns = reportColumns(report);
  const lines = [columns.map((c) => c.vi), columns.map((c) => c.en), ...report.rows.map((r) => columns.map((c) => c.value(r)))];
  return lines.map((cells) => cells.map(field).join(',')).join('\n');
}
