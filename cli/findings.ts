/** `chibo findings`: the findings a running monitor has raised, as a Vietnamese table or JSON. */
import { parseOptions } from './parse-options.ts';
import type { Finding } from '../shared/contract/findings.ts';
import { CONNECTION_OPTIONS, connection, request } from './client.ts';
import { InputError } from './input-error.ts';

export const FINDINGS_USAGE = `chibo findings [--unit ID] [--period P] [--kind K] [--json] [--url URL] [--token T]`;
const KIND_VI: Record<string, string> = { violation: 'vi phạm', reminder: 'nhắc nhở', alert: 'cảnh báo' };

export async function findingsCommand(argv: string[], out: NodeJS.WritableStream): Promise<void> {
  const { values } = parseOptions(argv, { ...CONNECTION_OPTIONS, unit: { type: 'string' }, period: { type: 'string' }, kind: { type: 'string' }, json: { type: 'boolean' } }, FINDINGS_USAGE);
  const query = new URLSearchParams(Object.entries({ unit: values.unit, period: values.period, kind: values.kind }).filter((e): e is [string, string] => e[1] !== undefined));
  const res = await request(connection(values), 'GET', `/findings${query.size > 0 ? `?${query}` : ''}`);
  if (res.status !== 200) throw new InputError('arguments', null, null, `the monitor answered ${res.status}: ${JSON.stringify(res.body)}`);
  const findings = res.body as Finding[];
  if (values.json) {
    out.write(findings.map((f) => `${JSON.stringify(f)}\n`).join(''));
    return;
  }
  out.write(`${findings.length} phát hiện / findings\n`);
  for (const f of findings) out.write(`${f.period.padEnd(8)} ${(KIND_VI[f.kind] ?? f.kind).padEnd(9)} ${f.message.vi}\n${' '.repeat(18)}→ ${f.recipients.join(', ')}\n`);
}
