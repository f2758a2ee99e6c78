/** `chibo import FILE`: an org snapshot (JSON, XLSX or CSV) into a running monitor through PUT /org, or into a stopped one's data dir; a progress bar on a terminal. */
import { parseOptions } from './parse-options.ts';
import { CONNECTION_OPTIONS, connection, request } from './client.ts';
import { chiboFolders } from './home.ts';
import { cliPath, InputError } from './input-error.ts';
import { progressBar, type Progress } from './progress.ts';
import { readJsonFile } from './read-json-file.ts';
import { readOrgTables } from './org-workbook.ts';
import { snapshotFromTables } from '../shared/org/org-tables.ts';
import { parseOrg } from '../shared/org/parse-org.ts';
import type { OrgSnapshot } from '../shared/contract/org.ts';
import { startRuntime } from '../local/runtime.ts';
import { contactsSource, importContacts, IMPORT_CONTACTS_USAGE } from './import-contacts.ts';
import { dirname, join, resolve } from 'node:path';

export const IMPORT_USAGE = `chibo import FILE [--url URL] [--token T] [--data-dir DIR] [--progress]   an org snapshot (JSON, or the XLSX / CSV templates of docs/templates) to PUT /org, or straight into a stopped instance's data dir`;
/** API Gateway's payload limit, which the embedded server keeps too. */
const MAX_BODY = 10 * 1024 * 1024;

export async function importCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream = process.stderr): Promise<void> {
  const usage = `${IMPORT_USAGE}\n${IMPORT_CONTACTS_USAGE}`;
  const { values, positionals } = parseOptions(argv, { ...CONNECTION_OPTIONS, 'data-dir': { type: 'string' }, progress: { type: 'boolean' } }, usage);
  const file = positionals[0];
  if (!file) throw new InputError('arguments', null, null, usage);
  // One command for both: a contacts file says so by its recipient column or its "contacts" key (import-contacts.ts).
  const contacts = await contactsSource(file);
  if (contacts !== null) return importContacts(file, contacts, values, out, err);
  const json = file.endsWith('.json') ? await readJsonFile(file, (j) => ({ ok: true, value: j })) : await readTemplates(file);
  if (values['data-dir']) {
    const parsed = parseOrg(json);
    if (!parsed.ok) throw InputError.fromIssue(file, null, parsed.issues[0]!);
    const progress = progressBar(err, values.progress === true);
    const c = await importIntoDataDir(resolve(values['data-dir']), parsed.value.snapshot, progress);
    out.write(`Đã nạp ${c.units} đơn vị, ${c.members} đảng viên, ${c.leaders} cán bộ lãnh đạo vào ${values['data-dir']}. / Imported.\n`);
    return;
  }
  const size = Buffer.byteLength(JSON.stringify(json));
  if (size > MAX_BODY) {
    throw new InputError(file, null, null, `${(size / 1048576).toFixed(1)} MB is more than PUT /org takes (10 MB); stop the monitor and import with --data-dir DIR (its CHIBO_DATA_DIR)`);
  }
  const progress = progressBar(err, values.progress === true);
  progress.phase('Gửi / sending (bytes)', size);
  let res: Awaited<ReturnType<typeof request>>;
  try {
    res = await request(connection(values), 'PUT', '/org', json, (sent) => progress.update(sent));
  } finally {
    progress.stop();
  }
  const first = (res.body as { errors?: Array<{ path: string; message: string }> } | null)?.errors?.[0];
  if (res.status === 400 && first) throw new InputError(file, null, cliPath(first.path), first.message);
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

/** Into the store of an instance that is not running (dynalite holds a lock on its folder while it runs). */
async function importIntoDataDir(dataDir: string, snapshot: OrgSnapshot, progress: Progress) {
  const { home } = chiboFolders(process.env, dataDir);
  const runtime = await startRuntime({ dataDir, stateDir: home, port: 0, simulatedStart: null, tokensFile: join(home, 'no-tokens'), console: null });
  try {
    progress.phase('Ghi / writing (items)', 1);
    return await runtime.orgStore.replace(snapshot, (written, total) => {
      progress.setTotal(total);
      progress.update(written);
    });
  } finally {
    progress.stop();
    await runtime.close();
  }
}
