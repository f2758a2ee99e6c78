/**
 * A notice, or a day's digest, as an e-mail: a subject with diacritics
 * (RFC 2047 is the mailer's business), a plain-text part and a simple HTML
 * part with the same words; the recipient's language first, the other second.
 */
import type { Contact } from '../contract/contacts.ts';
import type { Finding } from '../contract/findings.ts';
import { findingIdentity } from '../contract/findings.ts';
import { printable } from '../contract/printable.ts';
import { gist, LANGUAGE_RULE, noticeLines } from '../notifications/compose.ts';
import type { EmailMessage } from '../ports/channel-sender.ts';
import { KIND_WORD, type Language } from './notice-fields.ts';

const MAX_SUBJECT = 200;

export interface EmailOptions {
  /** The dashboard's address (CHIBO_PUBLIC_URL): each notice links to its finding there. */
  publicUrl?: string | undefined;
  /** The From: of the messages. */
  from?: string | undefined;
}

const GREETING: Record<Language, (name: string) => string> = {
  vi: (name) => `Kính gửi đồng chí ${name},`,
  en: (name) => `Dear ${name},`,
};
const FOOTER: Record<Language, string> = {
  vi: 'Thư này do chibo-monitor gửi tự động theo danh bạ liên lạc của cấp ủy. Xin không trả lời thư này.',
  en: 'This message was sent by chibo-monitor from the committee’s contact directory. Please do not reply.',
};
const SEE: Record<Language, string> = { vi: 'Xem trên bảng theo dõi', en: 'See it on the dashboard' };

/** A subject of one line, cut at a word. */
export function oneLine(text: string, room = MAX_SUBJECT): string {
  const flat = printable(text.replace(/\s+/g, ' ').trim()).normalize('NFC');
  if (flat.length <= room) return flat;
  const cut = flat.slice(0, room - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), room / 2))}…`;
}

/** The dashboard's view of one finding. */
export function findingLink(publicUrl: string, finding: Finding): string {
  return `${publicUrl.replace(/\/+$/, '')}/?view=inbox&finding=${encodeURIComponent(findingIdentity(finding))}`;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Paragraphs of lines as HTML: the first line of each block a heading, a link as a link. */
export function htmlOf(blocks: ReadonlyArray<{ heading?: string; lines: readonly string[]; link?: { href: string; text: string } }>, lang: Language): string {
  const parts = blocks.map((b) =>
    [
      b.heading ? `<h3 style="margin:16px 0 4px">${escapeHtml(b.heading)}</h3>` : '',
      ...b.lines.map((l) => `<p style="margin:2px 0">${escapeHtml(l)}</p>`),
      b.link ? `<p style="margin:8px 0"><a href="${escapeHtml(b.link.href)}">${escapeHtml(b.link.text)}</a></p>` : '',
    ].join(''),
  );
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;font-size:15px;line-height:1.4">${parts.join('<hr>')}</body></html>`;
}

/** `[Nhắc nhở] Đồng chí … còn thiếu 1 lần dự sinh hoạt tháng 03/2026`. */
export function noticeSubject(finding: Finding, stage: 'raised' | 'withdrawn', lang: Language): string {
  const word = stage === 'raised' ? KIND_WORD[finding.kind][lang] : `${KIND_WORD.withdrawn[lang]}: ${KIND_WORD[finding.kind][lang]}`;
  return oneLine(`[${word}] ${gist(finding.message[lang])}`);
}

export function noticeEmail(finding: Finding, stage: 'raised' | 'withdrawn', contact: Contact & { email: string }, options: EmailOptions): EmailMessage {
  const first = contact.language;
  const second: Language = first === 'vi' ? 'en' : 'vi';
  const lines = noticeLines(finding, stage);
  const link = options.publicUrl ? findingLink(options.publicUrl, finding) : null;
  const block = (lang: Language) => ({
    lines: [GREETING[lang](contact.name), '', ...lines[lang].slice(1)],
    heading: lines[lang][0]!,
    ...(link ? { link: { href: link, text: SEE[lang] } } : {}),
  });
  const textOf = (lang: Language) => [GREETING[lang](contact.name), '', ...lines[lang], ...(link ? ['', `${SEE[lang]}: ${link}`] : [])];
  const text = [...textOf(first), '', LANGUAGE_RULE, '', ...textOf(second), '', '--', FOOTER[first], FOOTER[second]].join('\n');
  const html = htmlOf([block(first), block(second), { lines: [FOOTER[first], FOOTER[second]] }], first);
  return { channel: 'email', to: contact.email, subject: noticeSubject(finding, stage, first), text: printable(text, true).normalize('NFC'), html: html.normalize('NFC') };
}
