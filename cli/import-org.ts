/** `chibo import FILE`: an org snapshot (JSON) into a running monitor, through PUT /org. */
import { parseOptions } from './parse-options.ts';
import { CONNECTION_OPTIONS, connection, request } from './client.ts';
import { InputError } from './input-error.ts';
import { readJsonFile } from './read-json-file.ts';
import { readOrgTables } from './org-workbook.ts';
import { snapshotFromTables } from '../shared/org/org-tables.ts';
import { parseOrg } from '../shared/org/parse-org.ts';

export const IMPORT_USAGE = `chibo import FILE [--url URL] [--token T]       an org snapshot (JSON, or the XLSX / CSV templates of docs/templates) to PUT /org`;

export async function importCommand(argv: string[], out: NodeJS.WritableStream): Promise<void> {
  const { values, positionals } = parseOptions(argv, CONNECTION_OPTIONS, IMPORT_USAGE);
  const file = positionals[0];
  if (!file) throw new InputError('arguments', null, null, IMPORT_USAGE);
  const json = file.endsWith('.json') ? await readJsonFile(file, (j) => ({ ok: true, value: j })) : await readTemplates(file);
  const res = await request(connection(values), 'PUT', '/org', json);
  if (res.status === 400) {
    const first = (res.body as { errors: Array<{ path: string; message: string }> }).errors[0]!;
    throw new InputError(file, null, first.path, first.message);
  }
  if (res.status !== 200) throw new InputError(file, null, null, `the monitor answered ${res.status}: ${JSON.stringify(res.body)}`);
  const c = res.body as { units: number; members: number; leaders: number };
  out.write(`Đã nạp ${c.units} đơn vị, ${c.members} đảng viên, ${c.leaders} cán bộ lãnh đạo. / Imported.\n`);
}

/** The XLSX or CSV templates as a snapshot, checked here so an error names the sheet, the row and the column. */
async function readTemplates(file: string): Promise<unknown> {
  const { tables, where } = await readOrgTables(file);
  const { json, locate } = snapshotFromTables(tables);
  const parsed = parseOrg(json);
  if (!parsed.ok) {
    const issue = parsed.issues[0]!;
    const loc = locate(issue.path);
    throw loc ? new InputError(where(loc.sheet), loc.row, loc.column, issue.message) : InputError.fromIssue(file, null, issue);
  }
  return json;
}
