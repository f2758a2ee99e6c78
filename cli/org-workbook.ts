/** The org templates as files: one XLSX workbook with a sheet per table, or one CSV file per table in a folder. */
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { SHEETS, type SheetName, type Table, type Tables } from '../shared/org/org-tables.ts';

/** A cell as text: Excel dates become local dates (YYYY-MM-DD), numbers and rich text their plain text. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value).normalize('NFC').trim();
}

function tableOf(sheet: ExcelJS.Worksheet): Table {
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => cellText(v));
  const rows: Table = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells: Record<string, string> = {};
    (row.values as ExcelJS.CellValue[]).forEach((v, col) => {
      const name = header[col];
      const text = cellText(v);
      if (name && text !== '') cells[name] = text;
    });
    if (Object.keys(cells).length > 0) rows.push({ row: number, cells });
  });
  return rows;
}

/** The CSV files of a template folder: `<dir>/<sheet>.csv`, or the siblings of one of them. */
function csvFolder(path: string): string {
  return existsSync(path) && statSync(path).isDirectory() ? path : dirname(path);
}

export async function readOrgTables(path: string): Promise<{ tables: Tables; where: (sheet: SheetName) => string }> {
  const tables: Tables = {};
  if (path.endsWith('.xlsx')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    for (const name of Object.keys(SHEETS) as SheetName[]) {
      const sheet = book.getWorksheet(name);
      if (sheet) tables[name] = tableOf(sheet);
    }
    return { tables, where: (sheet) => `${basename(path)}[${sheet}]` };
  }
  const folder = csvFolder(path);
  for (const name of Object.keys(SHEETS) as SheetName[]) {
    const file = join(folder, `${name}.csv`);
    if (!existsSync(file)) continue;
    const book = new ExcelJS.Workbook();
    // Keep every cell as text: ids like 0012 and dates stay as written.
    const sheet = await book.csv.readFile(file, { parserOptions: { delimiter: ',' }, map: (v: unknown) => v });
    tables[name] = tableOf(sheet);
  }
  return { tables, where: (sheet) => join(folder, `${sheet}.csv`) };
}

export async function writeOrgTemplates(tables: Record<SheetName, Array<Record<string, string>>>, xlsxFile: string, csvDir: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const name of Object.keys(SHEETS) as SheetName[]) {
    const sheet = book.addWorksheet(name);
    sheet.columns = SHEETS[name].map((c) => ({ header: c, key: c, width: Math.max(12, c.length + 2) }));
    for (const r of tables[name]) sheet.addRow(r);
    sheet.getRow(1).font = { bold: true };
  }
  await mkdir(dirname(xlsxFile), { recursive: true });
  await book.xlsx.writeFile(xlsxFile);
  await mkdir(csvDir, { recursive: true });
  for (const name of Object.keys(SHEETS) as SheetName[]) {
    const one = new ExcelJS.Workbook();
    const sheet = one.addWorksheet(name);
    sheet.addRow([...SHEETS[name]]);
    for (const r of tables[name]) sheet.addRow(SHEETS[name].map((c) => r[c] ?? ''));
    await one.csv.writeFile(join(csvDir, `${name}.csv`));
  }
}
