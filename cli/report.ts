/** `chibo report`: the period report of a running monitor (GET /report) as a table, CSV or XLSX. */
import { writeFile } from 'node:fs/promises';
import { PeriodReport } from '../shared/contract/report.ts';
import { CONNECTION_OPTIONS, connection, request } from './client.ts';
import { InputError } from './input-error.ts';
import { parseOptions } from './parse-options.ts';
import { reportCsv, reportTable, writeReportXlsx } from './report-formats.ts';

export const REPORT_USAGE = `chibo report --period P [--unit ID] [--format table|csv|xlsx] [--out FILE] [--json] [--url URL] [--token T]`;
const FORMATS = ['table', 'csv', 'xlsx'] as const;
/** Excel reads a UTF-8 CSV file as such only with a byte order mark. */
const BOM = '\uFEFF';

export async function reportCommand(argv: string[], out: NodeJS.WritableStream): Promise<void> {
  const { values } = parseOptions(
    argv,
    { ...CONNECTION_OPTIONS, period: { type: 'string' }, unit: { type: 'string' }, format: { type: 'string', default: 'table' }, out: { type: 'string' }, json: { type: 'boolean' } },
    REPORT_USAGE,
  );
  if (!values.period) throw new InputError('arguments', null, '--period', `a period is required (2026-Q1, 2026-03 or 2026)\n${REPORT_USAGE}`);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new InputError('arguments', null, '--format', `expected one of ${FORMATS.join(', ')}`);
  const query = new URLSearchParams({ period: values.period, ...(values.unit ? { unit: values.unit } : {}) });
  const res = await request(connection(values), 'GET', `/report?${query}`);
  if (res.status === 400) {
    const issue = (res.body as { errors?: Array<{ path: string; message: string }> }).errors?.[0];
    throw new InputError('arguments', null, issue ? `--${issue.path}` : null, issue?.message ?? JSON.stringify(res.body));
  }
  if (res.status !== 200) throw new InputError('arguments', null, null, `the monitor answered ${res.status}: ${JSON.stringify(res.body)}`);
  const report = PeriodReport.parse(res.body);
  if (values.json) {
    out.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  if (format === 'table') {
    if (values.out) await writeFile(values.out, reportTable(report));
    else out.write(reportTable(report));
    return;
  }
  if (format === 'csv') {
    const csv = await reportCsv(report);
    if (values.out) await writeFile(values.out, BOM + csv);
    else out.write(csv);
    return;
  }
  const file = values.out ?? `report-${report.unitId}-${report.period}.xlsx`;
  await writeReportXlsx(report, file);
  out.write(`${file}: ${report.rows.length} đơn vị / units\n`);
}
