/**
 * The contacts templates of docs/templates read as the example directory; a bad
 * cell is named by its sheet, row and column, and its text (maybe an address) is
 * never printed; org files are not taken for contacts.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { contactsFromSheets } from '../../cli/contact-table.ts';
import { readContactSheets } from '../../cli/contact-workbook.ts';
import { contactsSource } from '../../cli/import-contacts.ts';
import { runCli } from '../support/cli.ts';
import { TEMPLATE_DIRECTORY } from './template-directory.ts';

const TEMPLATES = new URL('../../docs/templates/', import.meta.url).pathname;
const EXAMPLE_ORG = new URL('../../examples/yen-bai-q1/org.json', import.meta.url).pathname;
/** Nothing listens on port 9: a command that got as far as sending would say it cannot reach the monitor. */
const NO_MONITOR = ['--url', 'http://127.0.0.1:9'];


const read = async (path: string) => {
  const sheets = await readContactSheets(path);
  if (sheets === null) throw new Error(`${path} is not a contacts file`);
  return contactsFromSheets(sheets);
};

const tempDir = () => mkdtemp(join(tmpdir(), 'chibo-contacts-'));
const HEADER = (await readFile(join(TEMPLATES, 'csv', 'contacts.csv'), 'utf8')).split('\n')[0]!;

async function csv(rows: string[], header = HEADER): Promise<string> {
  const file = join(await tempDir(), 'contacts.csv');
  await writeFile(file, [header, ...rows].join('\n'));
  return file;
}

describe('contacts templates', () => {
  it('the XLSX template reads as the example directory (Vietnamese words, 09… numbers in E.164)', async () => {
    expect(await read(join(TEMPLATES, 'contacts.xlsx'))).toMatchObject({ ok: true, directory: TEMPLATE_DIRECTORY });
  });

  it('the CSV template (UTF-8 with a byte order mark, for Excel) reads as the example directory', async () => {
    const bytes = await readFile(join(TEMPLATES, 'csv', 'contacts.csv'));
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(await read(join(TEMPLATES, 'csv', 'contacts.csv'))).toMatchObject({ ok: true, directory: TEMPLATE_DIRECTORY });
  });

  it('org files, the CSV folder and the org CSVs beside contacts.csv are not contacts', async () => {
    expect(await contactsSource(join(TEMPLATES, 'org.xlsx'))).toBeNull();
    expect(await contactsSource(join(TEMPLATES, 'csv'))).toBeNull();
    expect(await contactsSource(join(TEMPLATES, 'csv', 'members.csv'))).toBeNull();
    expect(await contactsSource(EXAMPLE_ORG)).toBeNull();
    expect(await contactsSource(join(TEMPLATES, 'csv', 'contacts.csv'))).toMatchObject({ kind: 'sheets' });
  });

  it('short headers, English field names and other spellings of the words read the same', async () => {
    const file = await csv(
      ['L-xa,Nguyễn Văn Mẫu,ten@example.vn,0900 000 001,900000001,Email; Zalo,immediate,', 'ubkt:LC.NL,Ủy ban kiểm tra Đảng ủy phường Nghĩa Lộ,ubkt@example.vn,84900000002,,thư điện tử và tin nhắn,hàng ngày,tiếng Việt'],
      'recipient,Họ và tên,email,Số điện thoại,Zalo,Kênh,Bản tin,Ngôn ngữ',
    );
    expect(await read(file)).toMatchObject({ ok: true, directory: TEMPLATE_DIRECTORY });
  });

  it('each bad cell on a line of its own, by file, row and column, without the cell (exit 2, nothing sent)', async () => {
    const file = await csv([
      'L-xa,Nguyễn Văn Mẫu,ten(at)example.vn,+84900000001,,email,ngay lập tức,vi',
      'S-TDP2,Bí thư,,0123,,sms,hằng tuần,vi',
      'S-TDP5,Bí thư,,,,"email, fax",hằng ngày,fr',
      'S-THCS,,,,,"ten@example.vn",hằng ngày,vi',
    ]);
    const res = await runCli(['import', file, ...NO_MONITOR]);
    expect(res.code).toBe(2);
    expect(res.stderr.split('\n')).toEqual([
      `chibo: ${file}:2: Thư điện tử (email): expected an e-mail address such as ten@example.vn`,
      `chibo: ${file}:3: Số điện thoại (phone): expected a phone number in E.164 form, +84 and 9 digits, e.g. +84912345678`,
      `chibo: ${file}:3: Bản tin (digest): unknown "hằng tuần": expected "ngay lập tức" (immediate) or "hằng ngày" (daily)`,
      `chibo: ${file}:4: Kênh (channels): unknown channel "fax": expected email, sms or zalo, separated by commas`,
      `chibo: ${file}:4: Ngôn ngữ (language): unknown "fr": expected "vi" (tiếng Việt) or "en" (English)`,
      `chibo: ${file}:5: Họ và tên (name): required field is missing (expected string, received undefined)`,
      `chibo: ${file}:5: Kênh (channels): unknown channel value (not shown: it looks like an address): expected email, sms or zalo, separated by commas`,
      '',
    ]);
    for (const value of ['ten(at)example.vn', '0123', 'ten@example.vn']) expect(res.stderr.replaceAll('such as ten@example.vn', '')).not.toContain(value);
    expect(res.stderr).not.toContain('cannot reach');
  });

  // The contract's checks across fields and rows run once each row's cells are right, as the monitor's do.
  it('a channel without its address, and a recipient listed twice, are named by row and column', async () => {
    const missing = await csv(['L-xa,Nguyễn Văn Mẫu,,+84900000001,,"email, sms",hằng ngày,vi']);
    expect((await runCli(['import', missing, ...NO_MONITOR])).stderr).toBe(`chibo: ${missing}:2: Thư điện tử (email): required field is missing (channel "email" needs an e-mail address in "email")\n`);
    const twice = await csv(['L-xa,Nguyễn Văn Mẫu,ten@example.vn,,,email,hằng ngày,vi', 'S-TDP2,Bí thư,,+84900000003,,sms,ngay,vi', 'L-xa,Bí thư,x@example.vn,,,email,hằng ngày,vi']);
    const res = await runCli(['import', twice, ...NO_MONITOR]);
    expect(res).toEqual({ code: 2, stdout: '', stderr: `chibo: ${twice}:4: Người nhận (recipient): recipient "L-xa" is already listed at contacts.0\n` });
  });

  it('a bad cell of the XLSX template is named by its sheet, row and column', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(TEMPLATES, 'contacts.xlsx'));
    book.getWorksheet('contacts')!.getCell('D3').value = '+84 12';
    const file = join(await tempDir(), 'contacts.xlsx');
    await book.xlsx.writeFile(file);
    const res = await runCli(['import', file, ...NO_MONITOR]);
    expect(res).toEqual({ code: 2, stdout: '', stderr: 'chibo: contacts.xlsx[contacts]:3: Số điện thoại (phone): expected a phone number in E.164 form, +84 and 9 digits, e.g. +84912345678\n' });
  });

  it('a header row without a required column or with an unknown one is refused at row 1, once', async () => {
    const file = await csv(['L-xa,Nguyễn Văn Mẫu,ten@example.vn,email,8'], 'Người nhận,Họ và tên,Thư điện tử,Kênh,Ghi chú');
    const res = await runCli(['import', file, ...NO_MONITOR]);
    expect(res.code).toBe(2);
    const lines = res.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^chibo: ${file}:1: unknown column "Ghi chú"; the template's columns are "Người nhận`));
    expect(lines[1]).toBe(`chibo: ${file}:1: missing the column "Bản tin (ngay lập tức / hằng ngày)"`);
  });

  it('a workbook with both the org sheets and contacts is refused, not half read', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(TEMPLATES, 'org.xlsx'));
    book.addWorksheet('danh bạ').addRow(['Người nhận', 'Họ và tên', 'Kênh', 'Bản tin']);
    const file = join(await tempDir(), 'all.xlsx');
    await book.xlsx.writeFile(file);
    const res = await runCli(['import', file, ...NO_MONITOR]);
    expect(res).toMatchObject({ code: 2, stderr: expect.stringContaining("holds contacts and the org's sheets (units, members") });
  });

  it('a JSON directory: an error names the line and the field, never the value', async () => {
    const file = join(await tempDir(), 'contacts.json');
    await writeFile(file, JSON.stringify({ contacts: [{ ...TEMPLATE_DIRECTORY.contacts[0], phone: '0912 bad' }] }, null, 2));
    expect(await contactsSource(file)).toEqual({ kind: 'json' });
    const res = await runCli(['import', file, ...NO_MONITOR]);
    expect(res).toEqual({ code: 2, stdout: '', stderr: `chibo: ${file}:7: contacts[0].phone: expected a phone number in E.164 form, +84 and 9 digits, e.g. +84912345678\n` });
  });

  it('contacts go to a running monitor only: --data-dir is refused', async () => {
    const res = await runCli(['import', join(TEMPLATES, 'contacts.xlsx'), '--data-dir', await tempDir()]);
    expect(res).toMatchObject({ code: 2, stderr: expect.stringContaining('--data-dir: contacts go to a running monitor (PUT /contacts)') });
  });
});
