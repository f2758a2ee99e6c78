/**
 * The columns of the contacts template (docs/templates/contacts.xlsx, csv/contacts.csv)
 * and how one cell reads as a field of the contract (shared/contract/contacts.ts).
 * People fill these in by hand: headers may be shortened to the words before
 * the parenthesis or written as the contract's field names, and the word
 * columns take Vietnamese as well as the contract's words.
 */
import type { Channel, Contact } from '../shared/contract/contacts.ts';

export type ContactField = keyof Contact;

/** The template's header row, in order: what the cell holds and, in parentheses, how to write it. */
export const CONTACT_COLUMNS: ReadonlyArray<{ field: ContactField; header: string; also: readonly string[] }> = [
  { field: 'recipient', header: 'Người nhận (mã lãnh đạo hoặc ubkt:mã đơn vị)', also: ['recipient'] },
  { field: 'name', header: 'Họ và tên (hoặc tên ủy ban kiểm tra)', also: ['họ tên', 'tên', 'name'] },
  { field: 'email', header: 'Thư điện tử', also: ['email', 'e-mail'] },
  { field: 'phone', header: 'Số điện thoại (+84… hoặc 09…)', also: ['điện thoại', 'phone'] },
  { field: 'zalo', header: 'Số Zalo (số điện thoại đăng ký Zalo)', also: ['zalo'] },
  { field: 'channels', header: 'Kênh (email, sms, zalo)', also: ['kênh gửi', 'channels'] },
  { field: 'digest', header: 'Bản tin (ngay lập tức / hằng ngày)', also: ['cách gửi', 'digest'] },
  { field: 'language', header: 'Ngôn ngữ (vi/en)', also: ['language'] },
];

/** Without these a row cannot be a contact: a sheet lacking one is refused at its header row, not once per row. */
export const REQUIRED_COLUMNS: readonly ContactField[] = ['recipient', 'name', 'channels', 'digest'];

/** Lower case, NFC, one space between words: how headers and words are compared. */
const fold = (text: string): string => text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/** A header as people shorten it: the words before its parenthesis. */
export const shortHeader = (header: string): string => header.replace(/\(.*$/s, '').trim();

const BY_HEADER = new Map<string, ContactField>(CONTACT_COLUMNS.flatMap((c) => [shortHeader(c.header), ...c.also].map((h) => [fold(h), c.field] as const)));

/** The field a header names, or null for a column the template does not have. */
export function fieldOfHeader(header: string): ContactField | null {
  return BY_HEADER.get(fold(shortHeader(header))) ?? null;
}

/** How an error names a column: as the sheet writes it, with the contract's field when the two differ. */
export function columnLabel(header: string, field: ContactField): string {
  const short = shortHeader(header) || header;
  return fold(short) === field ? short : `${short} (${field})`;
}

const WORDS = {
  channels: { email: ['email', 'e-mail', 'mail', 'thư', 'thư điện tử'], sms: ['sms', 'tin nhắn', 'tin nhắn sms'], zalo: ['zalo', 'zns'] },
  digest: { immediate: ['immediate', 'ngay', 'ngay lập tức', 'tức thì', 'từng tin'], daily: ['daily', 'hằng ngày', 'hàng ngày', 'mỗi ngày', 'bản tin hằng ngày'] },
  language: { vi: ['vi', 'tiếng việt', 'việt', 'vietnamese'], en: ['en', 'tiếng anh', 'anh', 'english'] },
} as const;

type WordColumn = keyof typeof WORDS;

function word<C extends WordColumn>(column: C, text: string): keyof (typeof WORDS)[C] | null {
  const folded = fold(text);
  for (const [value, words] of Object.entries(WORDS[column])) if ((words as readonly string[]).includes(folded)) return value as keyof (typeof WORDS)[C];
  return null;
}

/** A cell read: the field's value, or why it cannot be one (said without the cell's text when it may be an address). */
export type CellRead = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * An unknown word, quoted back to help, unless it could be an address: a column shifted by one puts
 * e-mail addresses and phone numbers into the word columns, and those never reach an error line.
 */
export const quotable = (text: string): string => (text.length <= 30 && !/@|\d{3}/.test(text) ? `"${text}"` : 'value (not shown: it looks like an address)');

const DIGEST_WORDS = '"ngay lập tức" (immediate) or "hằng ngày" (daily)';
const LANGUAGE_WORDS = '"vi" (tiếng Việt) or "en" (English)';

/**
 * Phone numbers as Vietnamese write them (0912 345 678, 0912.345.678, 84912345678, +84 912 345 678),
 * and as Excel keeps a number typed into a cell not formatted as text (912345678: the leading 0 lost),
 * in the E.164 form of the contract. Anything else is passed on for the contract to refuse.
 */
export function phoneNumber(text: string): string {
  const digits = text.replace(/[\s.\-()]/g, '');
  if (/^0[1-9]\d{8}$/.test(digits)) return `+84${digits.slice(1)}`;
  if (/^84[1-9]\d{8}$/.test(digits)) return `+${digits}`;
  if (/^[1-9]\d{8}$/.test(digits)) return `+84${digits}`;
  return digits;
}

export function readCell(field: ContactField, text: string): CellRead {
  switch (field) {
    case 'phone':
    case 'zalo':
      return { ok: true, value: phoneNumber(text) };
    case 'channels': {
      const channels: Channel[] = [];
      for (const part of text.split(/[,;/+]| và | and /).map((p) => p.trim()).filter(Boolean)) {
        const channel = word('channels', part);
        if (channel === null) return { ok: false, message: `unknown channel ${quotable(part)}: expected email, sms or zalo, separated by commas` };
        channels.push(channel);
      }
      return { ok: true, value: channels };
    }
    case 'digest': {
      const digest = word('digest', text);
      return digest === null ? { ok: false, message: `unknown ${quotable(text)}: expected ${DIGEST_WORDS}` } : { ok: true, value: digest };
    }
    case 'language': {
      const language = word('language', text);
      return language === null ? { ok: false, message: `unknown ${quotable(text)}: expected ${LANGUAGE_WORDS}` } : { ok: true, value: language };
    }
    default:
      return { ok: true, value: text };
  }
}
