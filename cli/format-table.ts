/** The `--format table` view: an aligned Vietnamese table, then each finding's message. */
import type { Finding, FindingKind } from '../shared/contract/findings.ts';
import type { OrgIndex } from '../shared/org/org-index.ts';
import { printable } from '../shared/contract/printable.ts';
import { meetingName } from '../shared/reports/meeting-name.ts';

const KIND_VI: Record<FindingKind, string> = { violation: 'vi phạm', reminder: 'nhắc nhở', alert: 'cảnh báo' };
const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/** Width in characters as a terminal shows them (NFC Vietnamese is one grapheme per letter). */
function width(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/** Where and when a meeting was held, as the ledger knows it. */
export type MeetingLookup = (meetingId: string) => { unitId: string | null; heldAt: number | null } | undefined;

function subjectName(f: Finding, org: OrgIndex, meetings: MeetingLookup): string {
  const { type, id } = f.subject;
  if (type === 'cell' || type === 'unit') return org.unit(id)?.name ?? id;
  if (type === 'leader') return org.leaders.get(id)?.name ?? id;
  if (type === 'member') return `${org.members.get(id)?.name ?? id} (${id})`;
  const meeting = meetings(id);
  if (!meeting?.unitId) return `buổi ${id}`;
  return meetingName(org.unit(meeting.unitId)?.name ?? meeting.unitId, meeting.heldAt);
}

function missingText(f: Finding): string {
  const parts = Object.entries(f.missing).map(([k, n]) => `${k}: ${n}`);
  return parts.length > 0 ? parts.join(', ') : '—';
}

export function formatTable(findings: readonly Finding[], org: OrgIndex, asOf: string, meetings: MeetingLookup = () => undefined): string {
  const count = (k: FindingKind): number => findings.filter((f) => f.kind === k).length;
  const header = `Kết quả đánh giá tại ${asOf}: ${findings.length} phát hiện (${count('violation')} vi phạm, ${count('reminder')} nhắc nhở, ${count('alert')} cảnh báo)`;
  if (findings.length === 0) return `${header}\nKhông có vi phạm, nhắc nhở hay cảnh báo nào.\n`;

  const columns = ['#', 'Kỳ', 'Loại', 'Quy tắc', 'Đối tượng', 'Còn thiếu', 'Gửi tới'];
  // Names are validated at the boundary; a terminal is shown their control characters, never handed them.
  const rows = findings.map((f, i) => [String(i + 1), f.period, KIND_VI[f.kind], f.ruleId, subjectName(f, org, meetings), missingText(f), f.recipients.join(', ')].map((c) => printable(c)));
  const widths = columns.map((c, i) => Math.max(width(c), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]): string => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ').trimEnd();

  const out = [header, '', line(columns), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line), '', 'Nội dung:'];
  findings.forEach((f, i) => out.push(`${String(i + 1).padStart(3)}. ${printable(f.message.vi)}`, `     ${printable(f.message.en)}`));
  return `${out.join('\n')}\n`;
}
