/**
 * A channel's words with every address taken out: an SMTP server says
 * "550 5.1.1 <ha.van.xa@…>: Recipient address rejected", and the reason goes
 * to the delivery log, the dead letters and the console, where contacts must
 * never appear.
 */
const EMAIL = /[^\s<>()"',;:]+@[^\s<>()"',;:]+/g;
/** A run of digits, spaces, dots and dashes: a phone number when it holds 9 digits or more (a status, a date has fewer). */
const DIGITS = /\+?\d[\d .-]{6,18}\d/g;
const phone = (run: string): string => (/^\d{4}-\d\d-\d\d/.test(run) || (run.match(/\d/g)?.length ?? 0) < 9 ? run : '<phone>');

export function redact(text: string, maxLength = 300): string {
  const out = text.replace(EMAIL, '<address>').replace(DIGITS, phone).replace(/\s+/g, ' ').trim();
  return out.length > maxLength ? `${out.slice(0, maxLength - 1)}…` : out;
}
