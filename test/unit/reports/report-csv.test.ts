/** CSV injection: a hostile unit name must reach a spreadsheet as text, in the CSV and in the XLSX. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { instantMs } from '../../../shared/calendar/period.ts';
import { BUILT_IN_PACKS } from '../../../shared/rules/packs/index.ts';
import type { Rule } from '../../../shared/rules/rule-pack.ts';
import { periodReport } from '../../../shared/reports/period-report.ts';
import { inertText, reportCsvText } from '../../../shared/reports/report-csv.ts';
import { reportXlsxBytes } from '../../../shared/reports/report-workbook.ts';
import { buildOrg, exampleOrgJson } from '../../support/builders.ts';

const HOSTILE = ['=HYPERLINK("http://x","y")', '@SUM(1)', '+1+1', '-2+3', '\tTAB', '\rCR'];
const RULES: ReadonlyMap<string, Rule> = new Map([...BUILT_IN_PACKS.values()].flatMap((p) => p.rules.map((r) => [r.id, r] as const)));

function hostileReport() {
  const json = exampleOrgJson() as { units: Array<{ id: string; name: string; parentId: string | null }> };
  const cells = json.units.filter((u) => u.id !== 'LC');
  cells.forEach((u, i) => (u.name = HOSTILE[i % HOSTILE.length]!));
  const org = buildOrg(json as never);
  return periodReport({ org, unitId: 'LC.NL', period: '2026-Q1', asOf: instantMs('2026-04-04T00:00:00+07:00'), rules: RULES, entries: [], findings: [] });
}

describe('CSV injection', () => {
  it('prefixes every text that a spreadsheet would evaluate, and only those', () => {
    for (const text of HOSTILE) expect(inertText(text)).toBe(`'${text}`);
    for (const text of ['Chi bộ 1', '1-2', 'a=b', '']) expect(inertText(text)).toBe(text);
  });

  it('writes hostile unit names of the report as inert text, numbers as numbers', () => {
    const report = hostileReport();
    expect(report.rows.some((r) => HOSTILE.includes(r.name))).toBe(true);
    const cells = reportCsvText(report)
      .split(/\n(?=[^\n])/)
      .slice(2)
      .map((line) => line.split(','));
    const firsts = cells.flatMap((row) => row.filter((c) => /^"?[=+\-@\t\r]/.test(c)));
    expect(firsts).toEqual([]);
    expect(reportCsvText(report)).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    // A count stays a bare number, which a spreadsheet reads as one.
    expect(cells.some((row) => row.some((c) => /^\d+$/.test(c)))).toBe(true);
  });

  it('stores a formula-looking name in the XLSX as a string cell, never a formula', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await reportXlsxBytes(hostileReport(), { vi: 'Báo cáo', en: 'Report' })) as never);
    const texts: string[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      ),
    );
    expect(texts).toContain('=HYPERLINK("http://x","y")');
  });
});
