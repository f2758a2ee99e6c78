/**
 * Messages to people: one per recipient, Vietnamese first (with diacritics,
 * NFC), English second, citing the rule. Reminders go to the reminders
 * topic; violations, alerts and their withdrawals to the violations topic.
 */
import { describeDate, instantMs } from '../calendar/period.ts';
import type { Finding, FindingKind } from '../contract/findings.ts';
import type { Notification, NotificationKind } from '../ports/notifier.ts';

const HEADING: Record<NotificationKind, { vi: string; en: string }> = {
  reminder: { vi: 'Nhắc việc', en: 'Reminder' },
  violation: { vi: 'Vi phạm', en: 'Violation' },
  alert: { vi: 'Cảnh báo', en: 'Alert' },
  withdrawn: { vi: 'Đã rút lại', en: 'Withdrawn' },
};

/** SNS subjects must be ASCII, without line breaks, under 100 characters. */
const MAX_SUBJECT = 99;

/** Vietnamese without diacritics (đ → d), for the one place that must be ASCII: the SNS subject. */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7E]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function subjectLine(finding: Finding, kind: NotificationKind): string {
  const h = HEADING[kind];
  const text = asciiFold(`[${h.vi} / ${h.en}] ${finding.message.vi}`);
  return text.length <= MAX_SUBJECT ? text : `${text.slice(0, MAX_SUBJECT - 1)}~`;
}

function body(finding: Finding, kind: NotificationKind): string {
  const due = finding.dueBy === null ? null : describeDate(instantMs(finding.dueBy));
  const evidence = finding.evidence.length > 0 ? finding.evidence.join(', ') : null;
  const vi = [
    `${HEADING[kind].vi}.`,
    kind === 'withdrawn' ? `Thông báo trước đây nay không còn hiệu lực: ${finding.message.vi}` : finding.message.vi,
    `Căn cứ: ${finding.citation}.`,
    ...(due && kind !== 'withdrawn' ? [`Hạn: ${due}.`] : []),
    ...(evidence ? [`Buổi sinh hoạt liên quan: ${evidence}.`] : []),
  ];
  const en = [
    `${HEADING[kind].en}.`,
    kind === 'withdrawn' ? `The earlier notice no longer holds: ${finding.message.en}` : finding.message.en,
    `Source: ${finding.citation}.`,
    ...(due && kind !== 'withdrawn' ? [`Due: ${due}.`] : []),
    ...(evidence ? [`Meetings concerned: ${evidence}.`] : []),
  ];
  return [...vi, '', '—', '', ...en].join('\n').normalize('NFC');
}

const topicOf = (kind: FindingKind): Notification['topic'] => (kind === 'reminder' ? 'reminders' : 'violations');

/** One notification per recipient of the finding: raised, or withdrawn (a late record, a corrected meeting). */
export function notificationsFor(finding: Finding, stage: 'raised' | 'withdrawn', where: { provinceId: string; unitId: string }): Notification[] {
  const kind: NotificationKind = stage === 'withdrawn' ? 'withdrawn' : finding.kind;
  const subject = subjectLine(finding, kind);
  const text = body(finding, kind);
  return finding.recipients.map((recipientId) => ({
    topic: topicOf(finding.kind),
    subject,
    body: text,
    attributes: { kind, ruleId: finding.ruleId, recipientId, provinceId: where.provinceId, unitId: where.unitId, period: finding.period },
  }));
}
