/**
 * The period report as CSV text (RFC 4180 quoting): a Vietnamese header row,
 * an English one, a row per unit. Plain string work, so the CLI and the
 * dashboard in the browser write the same bytes from the same columns.
 * A text cell that a spreadsheet would read as a formula (OWASP's CSV
 * injection: a leading =, +, -, @, tab or carriage return) is prefixed with
 * an apostrophe, so a hostile unit name stays text; numbers stay numbers.
 */
import type { PeriodReport } from '../contract/report.ts';
import { reportColumns } from './report-columns.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as a spreadsheet will show it, never evaluate it. */
export const inertText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

const field = (v: string | number | null): string => {
  const text = v === null ? '' : typeof v === 'number' ? String(v) : inertText(v);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function reportCsvText(report: PeriodReport): string {
  const columns = reportColumns(report);
  const lines = [columns.map((c) => c.vi), columns.map((c) => c.en), ...report.rows.map((r) => columns.map((c) => c.value(r)))];
  return lines.map((cells) => cells.map(field).join(',')).join('\n');
}
