/**
 * `chibo deliveries`: the delivery log of a running monitor (GET /deliveries):
 * what became of each notice and digest on each channel, as an aligned
 * Vietnamese table or JSON Lines. The log names recipients by id, never by
 * address, so nothing here can print a contact.
 */
import * as z from 'zod';
import { describeDate, formatInstant, instantMs } from '../shared/calendar/period.ts';
import { DeliveryRecord, DeliveryStatus } from '../shared/contract/deliveries.ts';
import type { FindingKind } from '../shared/contract/findings.ts';
import { printable } from '../shared/contract/printable.ts';
import { CONNECTION_OPTIONS, connection, request } from './client.ts';
import { InputError } from './input-error.ts';
import { parseOptions } from './parse-options.ts';

export const DELIVERIES_USAGE = `chibo deliveries [--recipient ID] [--status S] [--unit U] [--format table|json] [--url URL] [--token T]   the delivery log; S: sent (đã gửi), failed (lỗi), waiting (chờ bản tin), sending (đang gửi), undeliverable (không gửi được)`;
const FORMATS = ['table', 'json'] as const;

const STATUS_VI: Record<DeliveryStatus, string> = { sent: 'đã gửi', failed: 'lỗi', waiting: 'chờ bản tin', sending: 'đang gửi', undeliverable: 'không gửi được' };
const KIND_VI: Record<FindingKind, string> = { violation: 'vi phạm', reminder: 'nhắc nhở', alert: 'cảnh báo' };
const SUBJECT_VI: Record<string, string> = { cell: 'chi bộ', unit: 'đơn vị', leader: 'cán bộ', member: 'đảng viên', meeting: 'buổi' };
const CHANNEL_NAME: Record<string, string> = { email: 'email', sms: 'SMS', zalo: 'Zalo' };

/** `--status` in the API's words or the table's Vietnamese ones. */
function statusOption(text: string): DeliveryStatus {
  const said = text.normalize('NFC').toLowerCase().trim();
  const found = DeliveryStatus.options.find((s) => s === said || STATUS_VI[s] === said);
  if (found === undefined) throw new InputError('arguments', null, '--status', `expected one of ${DeliveryStatus.options.map((s) => `${s} (${STATUS_VI[s]})`).join(', ')}`);
  return found;
}

/** A local date `2026-03-05` as people write it: `05/03/2026`. */
const dayMonthYear = (date: string): string => date.split('-').reverse().join('/');

/** What the delivery carried: the notice (kind, rule, subject, period), or the digest of a day. */
function whatOf(r: DeliveryRecord): string {
  const digest = r.digest === null ? null : `bản tin ${dayMonthYear(r.digest)}`;
  if (r.notice === null) return digest ?? '—';
  const n = r.notice;
  const notice = `${KIND_VI[n.kind]}${n.stage === 'withdrawn' ? ' (đã gỡ)' : ''} ${n.ruleId} · ${SUBJECT_VI[n.subject.type] ?? n.subject.type} ${n.subject.id} · ${n.period}`;
  return digest === null ? notice : `${notice} → ${digest}`;
}

/** When, in Vietnam time: `05/03/2026 07:00`. */
function timeOf(at: string): string {
  const ms = instantMs(at);
  return `${describeDate(ms)} ${formatInstant(ms).slice(11, 16)}`;
}

const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });
/** Width as a terminal shows it: one column per grapheme (NFC Vietnamese is one a letter). */
function width(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

export function deliveriesTable(records: readonly DeliveryRecord[]): string {
  if (records.length === 0) return 'Chưa có lượt gửi nào. / No deliveries.\n';
  const counts = DeliveryStatus.options.flatMap((s) => {
    const n = records.filter((r) => r.status === s).length;
    return n > 0 ? [`${n} ${STATUS_VI[s]}`] : [];
  });
  const columns = ['Thời gian', 'Người nhận', 'Kênh', 'Nội dung', 'Trạng thái', 'Lý do'];
  // The reason is the channel's own words: shown with its control characters visible, never obeyed.
  const rows = records.map((r) =>
    [timeOf(r.at), r.recipient, r.channel === null ? '—' : (CHANNEL_NAME[r.channel] ?? r.channel), whatOf(r), `${STATUS_VI[r.status]}${r.attempts > 1 ? ` (${r.attempts} lần thử)` : ''}`, r.reason ?? ''].map((c) => printable(c)),
  );
  const widths = columns.map((c, i) => Math.max(width(c), ...rows.map((row) => width(row[i]!))));
  const line = (cells: string[]): string => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ').trimEnd();
  const out = [`${records.length} lượt gửi (${counts.join(', ')}), giờ Việt Nam / deliveries, Vietnam time`, '', line(columns), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)];
  return `${out.join('\n')}\n`;
}

export async function deliveriesCommand(argv: string[], out: NodeJS.WritableStream): Promise<void> {
  const { values } = parseOptions(
    argv,
    { ...CONNECTION_OPTIONS, recipient: { type: 'string' }, status: { type: 'string' }, unit: { type: 'string' }, format: { type: 'string', default: 'table' }, json: { type: 'boolean' } },
    DELIVERIES_USAGE,
  );
  const format = values.json ? 'json' : (values.format as (typeof FORMATS)[number]);
  if (!FORMATS.includes(format)) throw new InputError('arguments', null, '--format', `expected one of ${FORMATS.join(', ')}`);
  const query = new URLSearchParams(
    Object.entries({ recipient: values.recipient, status: values.status === undefined ? undefined : statusOption(values.status), unit: values.unit }).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const res = await request(connection(values), 'GET', `/deliveries${query.size > 0 ? `?${query}` : ''}`);
  if (res.status === 400) {
    const issue = (res.body as { errors?: Array<{ path: string; message: string }> } | null)?.errors?.[0];
    throw new InputError('arguments', null, issue ? `--${issue.path}` : null, issue?.message ?? JSON.stringify(res.body));
  }
  if (res.status !== 200) throw new InputError(res.status === 401 || res.status === 403 ? '--token' : 'arguments', null, null, `the monitor answered ${res.status}: ${JSON.stringify(res.body)}`);
  const records = z.array(DeliveryRecord).safeParse(res.body);
  if (!records.success) throw new Error(`the monitor's delivery log does not match the contract (${records.error.issues[0]?.path.join('.')}: ${records.error.issues[0]?.message})`);
  if (format === 'json') out.write(records.data.map((r) => `${JSON.stringify(r)}\n`).join(''));
  else out.write(deliveriesTable(records.data));
}
