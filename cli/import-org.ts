/** `chibo import FILE`: an org snapshot (JSON) into a running monitor, through PUT /org. */
import { parseOptions } from './parse-options.ts';
import { CONNECTION_OPTIONS, connection, request } from './client.ts';
import { InputError } from './input-error.ts';
import { readJsonFile } from './read-json-file.ts';

export const IMPORT_USAGE = `chibo import FILE [--url URL] [--token T]       an org snapshot (JSON) to PUT /org`;

export async function importCommand(argv: string[], out: NodeJS.WritableStream): Promise<void> {
  const { values, positionals } = parseOptions(argv, CONNECTION_OPTIONS, IMPORT_USAGE);
  const file = positionals[0];
  if (!file) throw new InputError('arguments', null, null, IMPORT_USAGE);
  if (!file.endsWith('.json')) throw new InputError(file, null, null, 'only JSON org snapshots are imported so far');
  const json = await readJsonFile(file, (j) => ({ ok: true, value: j }));
  const res = await request(connection(values), 'PUT', '/org', json);
  if (res.status === 400) {
    const first = (res.body as { errors: Array<{ path: string; message: string }> }).errors[0]!;
    throw new InputError(file, null, first.path, first.message);
  }
  if (res.status !== 200) throw new InputError(file, null, null, `the monitor answered ${res.status}: ${JSON.stringify(res.body)}`);
  const c = res.body as { units: number; members: number; leaders: number };
  out.write(`Đã nạp ${c.units} đơn vị, ${c.members} đảng viên, ${c.leaders} cán bộ lãnh đạo. / Imported.\n`);
}
