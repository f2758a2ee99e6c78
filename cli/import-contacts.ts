/**
 * `chibo import contacts.xlsx|contacts.csv|contacts.json`: the contact
 * directory into a running monitor through PUT /contacts. `chibo import` sends
 * a file here when it is a contacts file (contactsSource), else it is an org.
 * Contacts are personal data: nothing here prints an address, only where it is
 * (sheet, row, column or JSON field) and what the field expects.
 */
import { stat } from 'node:fs/promises';
import * as z from 'zod';
import { ContactDirectory } from '../shared/contract/contacts.ts';
import { formatPath, parseWith } from '../shared/contract/issues.ts';
import { parseJsonText } from '../shared/contract/json-text.ts';
import { connection, request, type Connection } from './client.ts';
import { contactsFromSheets, type LocatedIssue, type Location } from './contact-table.ts';
import { readContactSheets } from './contact-workbook.ts';
import type { ContactSheet } from './contact-table.ts';
import { cliPath, InputError } from './input-error.ts';
import { readJsonFile, readText } from './read-json-file.ts';

export const IMPORT_CONTACTS_USAGE = `chibo import contacts.xlsx|contacts.csv|contacts.json [--url URL] [--token T]   the contact directory to PUT /contacts, replacing your provinces' directory; a file is contacts when it has the "Người nhận" (recipient) column of docs/templates' contacts template, or is JSON {"contacts": [...]}`;

/** The monitor refuses bodies over 10 MB: a JSON file larger than this is no directory it could take, so it is not read to look. */
const MAX_CONTACTS_JSON = 16 * 1024 * 1024;
/** Past this many problems a spreadsheet has a wrong column, not wrong cells: the rest are counted, not listed. */
const MAX_LINES = 50;

export type ContactsSource = { kind: 'sheets'; sheets: ContactSheet[] } | { kind: 'json' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A contacts file, or null when `file` is something else (an org snapshot, its templates or folder) for the org import to read. */
export async function contactsSource(file: string): Promise<ContactsSource | null> {
  if (file.endsWith('.json')) {
    const size = await stat(file).then((s) => s.size, () => Infinity);
    if (size > MAX_CONTACTS_JSON) return null;
    const read = parseJsonText(await readText(file));
    return read.ok && isObject(read.json) && Object.hasOwn(read.json, 'contacts') && !Object.hasOwn(read.json, 'units') ? { kind: 'json' } : null;
  }
  const sheets = await readContactSheets(file);
  return sheets === null ? null : { kind: 'sheets', sheets };
}

/** The error body of the API (DESIGN.md): a sentence, and for 400 and 403 the fields at fault. */
const ApiErrors = z.object({ error: z.string().optional(), errors: z.array(z.object({ path: z.string(), message: z.string() })).optional() });

/**
 * Every problem on a line of its own, as main() prints an InputError (`chibo: ` first), the last one thrown
 * so the command exits 2.
 */
function refuse(issues: readonly LocatedIssue[], file: string, err: NodeJS.WritableStream): never {
  const shown = issues.length > MAX_LINES ? issues.slice(0, MAX_LINES - 1) : issues;
  const errors = shown.map((i) => new InputError(i.where, i.row, i.column, i.message));
  if (shown.length < issues.length) errors.push(new InputError(file, null, null, `${issues.length - shown.length} more problems not listed; nothing was imported`));
  for (const e of errors.slice(0, -1)) err.write(`chibo: ${e.message}\n`);
  throw errors.at(-1)!;
}

export async function importContacts(file: string, source: ContactsSource, values: { url?: string | undefined; token?: string | undefined; 'data-dir'?: string | undefined }, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<void> {
  if (values['data-dir'] !== undefined) throw new InputError('--data-dir', null, null, 'contacts go to a running monitor (PUT /contacts), which places each in its province; leave out --data-dir');
  let directory: ContactDirectory;
  let locate: (path: ReadonlyArray<PropertyKey>) => Location | null;
  if (source.kind === 'json') {
    // The JSON is the contract itself: an error names the line and the field, as for an org snapshot.
    directory = await readJsonFile(file, (json) => parseWith(ContactDirectory, json));
    locate = (path) => ({ where: file, row: null, column: formatPath(path) });
  } else {
    const read = contactsFromSheets(source.sheets);
    if (!read.ok) refuse(read.issues, file, err);
    ({ directory, locate } = read);
  }
  await putDirectory(connection(values), file, directory, locate, out, err);
}

async function putDirectory(c: Connection, file: string, directory: ContactDirectory, locate: (path: ReadonlyArray<PropertyKey>) => Location | null, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<void> {
  const res = await request(c, 'PUT', '/contacts', directory);
  if (res.status === 200) {
    const n = z.object({ contacts: z.number().int() }).parse(res.body).contacts;
    out.write(`Danh bạ liên lạc: ${n} người nhận, thay cho danh bạ cũ của các tỉnh bạn quản lý. / Contact directory: ${n} recipients, replacing your provinces' directory.\n`);
    return;
  }
  const body = ApiErrors.safeParse(res.body);
  const errors = body.success ? (body.data.errors ?? []) : [];
  // 400: a field the monitor refused; 403 with fields: recipients outside the caller's provinces. Both name rows.
  if ((res.status === 400 || res.status === 403) && errors.length > 0) {
    const issues = errors.map((e): LocatedIssue => {
      const path = e.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      return { ...(locate(path) ?? { where: file, row: null, column: cliPath(e.path) }), message: e.message };
    });
    refuse(issues, file, err);
  }
  const said = body.success && body.data.error !== undefined ? body.data.error : JSON.stringify(res.body);
  throw new InputError(res.status === 401 || res.status === 403 ? '--token' : file, null, null, `the monitor answered ${res.status}: ${said}`);
}
