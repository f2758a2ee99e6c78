/**
 * A notice as a text message and as the parameters of a Zalo ZNS template.
 * SMS is folded to ASCII (GSM-7: a Vietnamese text in UCS-2 gets 70
 * characters a part, not 160) and kept to one part; ZNS keeps diacritics and
 * fills only the fields the approved template has.
 */
import { asciiFold } from '../notifications/compose.ts';
import type { Finding } from '../contract/findings.ts';
import type { SmsMessage, ZaloMessage } from '../ports/channel-sender.ts';
import { noticeFields, type Language, type NoticeFields } from './notice-fields.ts';

/** One GSM-7 part. */
export const SMS_LENGTH = 160;
/** ZNS template parameters are short fields; longer values are refused by Zalo. */
export const ZNS_FIELD_LENGTH = 100;

const DUE: Record<Language, string> = { vi: 'Han', en: 'Due' };

function clipAt(text: string, room: number): string {
  if (text.length <= room) return text;
  const cut = text.slice(0, room - 3);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), room / 2))}...`;
}

/** `[Vi pham] Chi bo LC.NL.TDP5, 02/2026: thieu 1 buoi sinh hoat thuong ky. Han 28/02/2026. Dieu le Dang, Dieu 24`. */
export function smsText(f: NoticeFields, lang: Language): string {
  const head = `[${f.kind}] ${f.subject}, ${f.period}: ${f.missing}.`;
  const tail = `${f.due ? ` ${DUE[lang]} ${f.due}.` : ''} ${f.rule}`;
  return clipAt(asciiFold(`${head}${tail}`), SMS_LENGTH);
}

export function noticeSms(finding: Finding, stage: 'raised' | 'withdrawn', to: string, lang: Language, meeting?: string): SmsMessage {
  return { channel: 'sms', to, text: smsText(noticeFields(finding, stage, lang, meeting), lang) };
}

/** The template data every chibo ZNS template is registered with (docs/operations.md): six fields. */
export function znsData(f: NoticeFields): Record<string, string> {
  const entries = Object.entries(f).map(([k, v]) => [k, clipAt(v, ZNS_FIELD_LENGTH)] as const);
  return Object.fromEntries(entries);
}

export function noticeZalo(finding: Finding, stage: 'raised' | 'withdrawn', to: string, templateId: string, trackingId: string, lang: Language, meeting?: string): ZaloMessage {
  return { channel: 'zalo', to, templateId, data: znsData(noticeFields(finding, stage, lang, meeting)), trackingId };
}
