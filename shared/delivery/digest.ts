/**
 * A recipient's daily digest (07:00 Asia/Ho_Chi_Minh): every open violation
 * and reminder, and the alerts of the last day, grouped by kind, each line
 * with the subject, the period, the due date, what is missing and the
 * citation, under a header that counts them.
 */
import { DAY_MS, describeDate, instantMs, startOfLocalDate } from '../calendar/period.ts';
import type { Contact } from '../contract/contacts.ts';
import { compareFindings, type FindingKind } from '../contract/findings.ts';
import { printable } from '../contract/printable.ts';
import { asciiFold, gist, LANGUAGE_RULE } from '../notifications/compose.ts';
import type { EmailMessage, SmsMessage, ZaloMessage } from '../ports/channel-sender.ts';
import type { HeldNotice } from '../ports/delivery-log.ts';
import { htmlOf, oneLine, type EmailOptions } from './email-message.ts';
import { KIND_WORD, missingPhrase, noticeFields, ruleCitation, type Language } from './notice-fields.ts';

/** The digest's groups, in the order they are read: what is wrong, what is due, what happened. */
export const DIGEST_KINDS = ['violation', 'reminder', 'alert'] as const satisfies readonly FindingKind[];

export type OpenNotices = Record<(typeof DIGEST_KINDS)[number], HeldNotice[]>;

/** What a digest at `now` lists: raised and not withdrawn; a reminder until its deadline; an alert for a day. */
export function openNotices(held: readonly HeldNotice[], now: number): OpenNotices {
  const open: OpenNotices = { violation: [], reminder: [], alert: [] };
  for (const h of held) {
    // Withdrawn before the digest's instant; raised after it (a replayed past) belongs to a later one.
    if (h.raisedAt === null || h.raisedAt > now || (h.withdrawnAt !== null && h.withdrawnAt <= now)) continue;
    const f = h.finding;
    if (f.kind === 'reminder' && (f.dueBy === null || instantMs(f.dueBy) <= now)) continue;
    if (f.kind === 'alert' && h.raisedAt < now - DAY_MS) continue;
    open[f.kind].push(h);
  }
  for (const kind of DIGEST_KINDS) open[kind].sort((a, b) => compareFindings(a.finding, b.finding));
  return open;
}

export const countOpen = (open: OpenNotices): number => DIGEST_KINDS.reduce((n, k) => n + open[k].length, 0);

const TITLE: Record<Language, (day: string) => string> = { vi: (d) => `Bản tin ngày ${d}`, en: (d) => `Daily digest, ${d}` };
const GROUP: Record<Language, Record<(typeof DIGEST_KINDS)[number], string>> = {
  vi: { violation: 'vi phạm', reminder: 'nhắc nhở', alert: 'cảnh báo' },
  en: { violation: 'violations', reminder: 'reminders', alert: 'alerts' },
};
const LABELS: Record<Language, { period: string; due: string; missing: string; rule: string }> = {
  vi: { period: 'Kỳ', due: 'Hạn', missing: 'Nội dung', rule: 'Căn cứ' },
  en: { period: 'Period', due: 'Due', missing: 'What', rule: 'Source' },
};

/** "2 vi phạm, 1 nhắc nhở, 0 cảnh báo". */
export const countsLine = (open: OpenNotices, lang: Language): string => DIGEST_KINDS.map((k) => `${open[k].length} ${GROUP[lang][k]}`).join(', ');

/** The day a digest at `now` is of, as people write it: "05/04/2026". */
export const digestDay = (day: string): string => describeDate(startOfLocalDate(day));

function itemLine(h: HeldNotice, lang: Language): string {
  const f = h.finding;
  const fields = noticeFields(f, 'raised', lang, h.meeting);
  const l = LABELS[lang];
  const parts = [`${l.period}: ${fields.period}`, ...(fields.due ? [`${l.due}: ${fields.due}`] : []), `${l.missing}: ${missingPhrase(f, lang)}`, `${l.rule}: ${ruleCitation(f, lang)}`];
  return `• ${gist(f.message[lang])} — ${parts.join(' · ')}`;
}

function digestLines(open: OpenNotices, day: string, lang: Language): { title: string; groups: Array<{ heading: string; lines: string[] }> } {
  const title = `${TITLE[lang](digestDay(day))}: ${countsLine(open, lang)}`;
  const groups = DIGEST_KINDS.filter((k) => open[k].length > 0).map((k) => ({ heading: `${KIND_WORD[k][lang]} (${open[k].length})`, lines: open[k].map((h) => itemLine(h, lang)) }));
  return { title, groups };
}

export function digestEmail(open: OpenNotices, day: string, contact: Contact & { email: string }, options: EmailOptions): EmailMessage {
  const first = contact.language;
  const second: Language = first === 'vi' ? 'en' : 'vi';
  const link = options.publicUrl ? `${options.publicUrl.replace(/\/+$/, '')}/?view=inbox` : null;
  const textOf = (lang: Language) => {
    const d = digestLines(open, day, lang);
    return [d.title, '', ...d.groups.flatMap((g) => [g.heading, ...g.lines, '']), ...(link ? [link] : [])];
  };
  const text = [...textOf(first), '', LANGUAGE_RULE, '', ...textOf(second)].join('\n');
  const htmlBlocks = [first, second].flatMap((lang) => {
    const d = digestLines(open, day, lang);
    return [{ heading: d.title, lines: [] as string[] }, ...d.groups.map((g) => ({ heading: g.heading, lines: g.lines })), ...(link ? [{ lines: [], link: { href: link, text: link } }] : [])];
  });
  return {
    channel: 'email',
    to: contact.email,
    subject: oneLine(`[${TITLE[first](digestDay(day))}] ${countsLine(open, first)}`),
    text: printable(text, true).normalize('NFC'),
    html: htmlOf(htmlBlocks, first).normalize('NFC'),
  };
}

/** "[Ban tin 05/04/2026] 2 vi pham, 1 nhac nho, 0 canh bao. Chi tiet: e-mail hoac bang theo doi." */
export function digestSms(open: OpenNotices, day: string, to: string, lang: Language): SmsMessage {
  const more = lang === 'vi' ? 'Chi tiet tren bang theo doi.' : 'Details on the dashboard.';
  return { channel: 'sms', to, text: asciiFold(`[${TITLE[lang](digestDay(day))}] ${countsLine(open, lang)}. ${more}`) };
}

/** The digest template's fields: the day and the counts. */
export function digestZalo(open: OpenNotices, day: string, to: string, templateId: string, trackingId: string): ZaloMessage {
  return {
    channel: 'zalo',
    to,
    templateId,
    trackingId,
    data: { day: digestDay(day), violations: String(open.violation.length), reminders: String(open.reminder.length), alerts: String(open.alert.length) },
  };
}
