/**
 * The contacts template as files: a workbook with a contacts sheet, or one CSV
 * file. A sheet is a contacts sheet when its header row has the recipient
 * column ("Người nhận …" or "recipient"), which no org sheet has: that is how
 * `chibo import` tells a contacts file from an org file.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import ExcelJS from 'exceljs';
import { SHEETS } from '../shared/org/org-tables.ts';
import { CONTACT_COLUMNS, fieldOfHeader, type ContactField } from './contact-columns.ts';
import type { ContactSheet } from './contact-table.ts';
import { InputError } from './input-error.ts';
import { cellText } from './org-workbook.ts';

/** The template's sheet; any sheet with the header row is read, whatever it is called. */
export const CONTACTS_SHEET = 'contacts';

const cellsOf = (row: ExcelJS.Row): Array<string | undefined> => (row.values as ExcelJS.CellValue[]).map((v) => (v === undefined ? undefined : cellText(v)));

/** The sheet as a ContactSheet, or null when its header row has no recipient column. */
function contactSheet(sheet: ExcelJS.Worksheet, where: string): ContactSheet | null {
  const header = cellsOf(sheet.getRow(1));
  if (!header.some((h) => h !== undefined && fieldOfHeader(h) === 'recipient')) return null;
  const rows: Array<{ row: number; cells: Array<string | undefined> }> = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells = cellsOf(row);
    if (cells.some((c) => c !== undefined && c !== '')) rows.push({ row: number, cells });
  });
  return { where, header, rows };
}

/**
 * The contacts sheets of an XLSX workbook or a CSV file, or null when it is not a contacts file
 * (an org workbook, an org CSV file or folder, anything else).
 */
export async function readContactSheets(path: string): Promise<ContactSheet[] | null> {
  if (!existsSync(path) || statSync(path).isDirectory()) return null;
  if (path.endsWith('.xlsx')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheets = book.worksheets.flatMap((s) => contactSheet(s, `${basename(path)}[${s.name}]`) ?? []);
    if (sheets.length === 0) return null;
    const org = book.worksheets.filter((s) => Object.hasOwn(SHEETS, s.name)).map((s) => s.name);
    if (org.length > 0) throw new InputError(path, null, null, `holds contacts and the org's sheets (${org.join(', ')}); import the org and the contacts as two files`);
    return sheets;
  }
  if (path.endsWith('.csv')) {
    const book = new ExcelJS.Workbook();
    // Every cell as text: a phone number keeps its leading 0 and its +.
    const sheet = await book.csv.readFile(path, { parserOptions: { delimiter: ',' }, map: (v: unknown) => v });
    const read = contactSheet(sheet, path);
    return read === null ? null : [read];
  }
  return null;
}

/** A row of the template as people write it: cell text by field. */
export type TemplateRow = Partial<Record<ContactField, string>>;

/** Excel opens a UTF-8 CSV file as such only with a byte order mark; the reader skips it. */
const BOM = '\uFEFF';

export async function writeContactTemplates(rows: readonly TemplateRow[], xlsxFile: string, csvFile: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(CONTACTS_SHEET);
  sheet.columns = CONTACT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.field,
    width: Math.max(14, Math.min(c.header.length + 2, 46)),
    // Phone columns as text, so a number typed as 0912… keeps its 0.
    ...(c.field === 'phone' || c.field === 'zalo' ? { style: { numFmt: '@' } } : {}),
  }));
  for (const r of rows) sheet.addRow(r);
  sheet.getRow(1).font = { bold: true };
  await mkdir(dirname(xlsxFile), { recursive: true });
  await book.xlsx.writeFile(xlsxFile);

  const one = new ExcelJS.Workbook();
  const csv = one.addWorksheet(CONTACTS_SHEET);
  csv.addRow(CONTACT_COLUMNS.map((c) => c.header));
  for (const r of rows) csv.addRow(CONTACT_COLUMNS.map((c) => r[c.field] ?? ''));
  const text = (await one.csv.writeBuffer()).toString();
  await mkdir(dirname(csvFile), { recursive: true });
  await writeFile(csvFile, BOM + text);
}
