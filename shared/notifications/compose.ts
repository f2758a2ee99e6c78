/**
 * Messages to people: one per recipient of a finding, Vietnamese first (with
 * diacritics, NFC), English second, citing the rule. Reminders go to the
 * reminders topic; violations, alerts and the withdrawal of any finding to
 * the topic of the finding (a withdrawn reminder to reminders, a withdrawn
 * violation or alert to violations), so a subscriber hears the withdrawal on
 * the channel that carried the notice. Pure: no clock, no AWS.
 */
import { describeDate, describePeriod, instantMs, VIETNAM_OFFSET_MS } from '../calendar/period.ts';
import type { Finding, FindingKind } from '../contract/findings.ts';
import { printable } from '../contract/printable.ts';
import type { Notification, NotificationKind } from '../ports/notifier.ts';

type Bilingual = { vi: string; en: string };

const HEADING: Record<FindingKind, Bilingual> = {
  reminder: { vi: 'Nhắc nhở', en: 'Reminder' },
  violation: { vi: 'Vi phạm', en: 'Violation' },
  alert: { vi: 'Cảnh báo', en: 'Alert' },
};
const WITHDRAWN: Bilingual = { vi: 'Đã rút lại', en: 'Withdrawn' };

/** Why a notice no longer holds. A withdrawal is only sent when nothing is owed any more (shared/pipeline/reconcile.ts). */
const WITHDRAWN_BECAUSE: Record<FindingKind, Bilingual> = {
  reminder: { vi: 'Lý do: buổi sinh hoạt đã được ghi nhận, nghĩa vụ nay đã được đáp ứng.', en: 'Why: the meeting has been recorded; the obligation is now met.' },
  violation: { vi: 'Lý do: biên bản ghi nhận muộn cho thấy nghĩa vụ đã được đáp ứng.', en: 'Why: a record received late shows the obligation was met.' },
  alert: { vi: 'Lý do: biên bản buổi sinh hoạt đã được sửa hoặc rút lại.', en: 'Why: the meeting record was corrected or retracted.' },
};

/** The tag a subject and a body start with: "Vi phạm", or "Đã rút lại: Vi phạm" for a withdrawal. */
export function tagOf(kind: FindingKind, stage: 'raised' | 'withdrawn'): Bilingual {
  const h = HEADING[kind];
  return stage === 'raised' ? h : { vi: `${WITHDRAWN.vi}: ${h.vi}`, en: `${WITHDRAWN.en}: ${h.en}` };
}

// ── Subject ────────────────────────────────────────────────────────────────
//
// Why ASCII: earlier editions of the SNS Publish reference read "Subjects must be ASCII text
// that begins with a letter, number, or punctuation mark; must not include
// line breaks or control characters; and must be less than 100 characters
// long". The current API reference (the doc comment of PublishInput.Subject in
// @aws-sdk/client-sns) reads "UTF-8 text with no line breaks or control
// characters, and less than 100 characters long", but AWS's own SNS receiver
// rules (Amazon Managed Service for Prometheus, "Understanding Amazon SNS
// message validation rules") still replace a subject with non-ASCII or
// non-printable characters by an error text, and an email subject line is
// 7-bit unless RFC 2047-encoded. So we take the strict reading: printable
// ASCII (0x20-0x7E), at most 99 characters, starting with "[" (punctuation).
// Vietnamese is folded (diacritics stripped, đ → d) for the subject only; the
// body carries the full text with diacritics.

/** SNS: "less than 100 characters". */
export const MAX_SUBJECT = 99;
const SEPARATOR = ' / ';
const ELLIPSIS = '...';

const PUNCTUATION: Record<string, string> = { '–': '-', '—': '-', '‘': "'", '’': "'", '“': '"', '”': '"', '…': '...', '«': '"', '»': '"' };

/** Vietnamese without diacritics (đ → d) and typographic punctuation as ASCII, on one line: for the SNS subject. */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[–—‘’“”…«»]/g, (c) => PUNCTUATION[c] ?? ' ')
    .replace(/[^\x20-\x7E]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** A message without the short citation rule messages end with: "… tháng 02/2026 (Điều lệ Đảng, Điều 24)" → "… tháng 02/2026". */
export function gist(message: string): string {
  const stripped = message.replace(/\s*\([^()]*\)\s*$/, '').trim();
  return stripped.length > 0 ? stripped : message.trim();
}

/** At most `room` characters, cut at a word boundary after the `keep` first characters, marked with "...". */
function clip(text: string, room: number, keep: number): string {
  if (text.length <= room) return text;
  const head = text.slice(0, Math.max(keep, room - ELLIPSIS.length));
  const space = head.lastIndexOf(' ');
  const cut = space > keep ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.-]+$/, '')}${ELLIPSIS}`.slice(0, room);
}

/**
 * "[Vi pham] Chi bo to dan pho 5 chua sinh hoat thuong ky thang 02/2026 / [Violation] 02/2026".
 * The Vietnamese half (the tag and the message without its trailing citation), cut at a word when
 * it must be; then the English half, kept whole because it is short and always says what and
 * when: the tag and the period. The message's subject names are Vietnamese in both languages, so
 * an English copy of the sentence would spend the room on the same words again; the body has it.
 */
function subjectLine(finding: Finding, stage: 'raised' | 'withdrawn'): string {
  const tag = tagOf(finding.kind, stage);
  const viTag = `[${asciiFold(tag.vi)}]`;
  const en = asciiFold(`[${tag.en}] ${describePeriod(finding.period, 'en')}`);
  const vi = clip(asciiFold(`${viTag} ${gist(finding.message.vi)}`), MAX_SUBJECT - SEPARATOR.length - en.length, viTag.length);
  return `${vi}${SEPARATOR}${en}`;
}

// ── Body ───────────────────────────────────────────────────────────────────

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A deadline as people write it in Vietnam, local time: "28/02/2026 23:59". */
export function describeDeadline(iso: string): string {
  const ms = instantMs(iso);
  const local = new Date(ms + VIETNAM_OFFSET_MS);
  return `${describeDate(ms)} ${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}`;
}

/** The notice in each language, line by line: the tag, what is owed or wrong, the citation, the deadline, the meetings concerned. */
export function noticeLines(finding: Finding, stage: 'raised' | 'withdrawn'): { vi: string[]; en: string[] } {
  const tag = tagOf(finding.kind, stage);
  const raised = stage === 'raised';
  const due = raised && finding.dueBy !== null ? describeDeadline(finding.dueBy) : null;
  const evidence = raised && finding.evidence.length > 0 ? finding.evidence.join(', ') : null;
  const because = WITHDRAWN_BECAUSE[finding.kind];
  const vi = [
    tag.vi,
    raised ? finding.message.vi : `Thông báo trước đây nay không còn hiệu lực: ${finding.message.vi}`,
    ...(raised ? [] : [because.vi]),
    `Căn cứ: ${finding.citation}`,
    ...(due ? [`Hạn: ${due}`] : []),
    ...(evidence ? [`Buổi sinh hoạt liên quan: ${evidence}`] : []),
  ];
  const en = [
    tag.en,
    raised ? finding.message.en : `The earlier notice no longer holds: ${finding.message.en}`,
    ...(raised ? [] : [because.en]),
    `Source: ${finding.citation}`,
    ...(due ? [`Due: ${due} (Vietnam time, UTC+7)`] : []),
    ...(evidence ? [`Meetings concerned: ${evidence}`] : []),
  ];
  // Names come from the org snapshot, which refuses control characters; shown, never obeyed, all the same.
  const clean = (lines: string[]) => lines.map((line) => printable(line).normalize('NFC'));
  return { vi: clean(vi), en: clean(en) };
}

/** The line between the two languages of a message. */
export const LANGUAGE_RULE = '-'.repeat(40);

function body(finding: Finding, stage: 'raised' | 'withdrawn'): string {
  const { vi, en } = noticeLines(finding, stage);
  return [...vi, '', LANGUAGE_RULE, '', ...en].join('\n');
}

const topicOf = (kind: FindingKind): Notification['topic'] => (kind === 'reminder' ? 'reminders' : 'violations');

/**
 * One notification per recipient of the finding (leader ids, `ubkt:<unitId>`),
 * raised, or withdrawn (a late record met the obligation, a meeting was
 * corrected). `where` is the subject's placement, for subscribers' filters.
 */
export function notificationsFor(finding: Finding, stage: 'raised' | 'withdrawn', where: { provinceId: string; unitId: string; meetingName?: string | undefined }): Notification[] {
  const kind: NotificationKind = stage === 'withdrawn' ? 'withdrawn' : finding.kind;
  const subject = subjectLine(finding, stage);
  const text = body(finding, stage);
  return finding.recipients.map((recipientId) => ({
    topic: topicOf(finding.kind),
    subject,
    body: text,
    attributes: { kind, ruleId: finding.ruleId, recipientId, provinceId: where.provinceId, unitId: where.unitId, period: finding.period },
    ...(where.meetingName === undefined ? {} : { meeting: where.meetingName }),
    notice: { finding, stage },
  }));
}
