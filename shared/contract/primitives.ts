import * as z from 'zod';
import { unsafeCharacter } from './printable.ts';

/** Ids of units, members, leaders, meetings and events (DESIGN.md, "Data contract"). */
export const Id = z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/, 'expected an id of 1-128 characters [A-Za-z0-9._:-]');

/**
 * Human text: trimmed, non-empty, stored in NFC so "Đảng" is one string however it was typed.
 * Control and invisible characters are refused (docs/hostile-input.md): names reach terminals,
 * notifications and tables, and two names that look alike must be the same string.
 */
export const Text = z
  .string()
  .max(1000)
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .superRefine((s, ctx) => {
        const found = unsafeCharacter(s);
        if (found) ctx.addIssue({ code: 'custom', message: `must not contain control or invisible characters (${found})` });
      }),
  );

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Arithmetic, not a Date: checked for each of a country's millions of dates. */
function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

/** The number of `length` ASCII digits at `at`, or -1 (what `\d` matches, without a match object). */
function digitsAt(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** A calendar date in Asia/Ho_Chi_Minh, `YYYY-MM-DD`, that exists. */
export const LocalDate = z.string().refine((s) => {
  // YYYY-MM-DD in ASCII digits, read by character code.
  if (s.length !== 10 || s.charCodeAt(4) !== 0x2d || s.charCodeAt(7) !== 0x2d) return false;
  const y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  return y >= 1900 && y <= 2200 && m >= 0 && d >= 0 && isCalendarDate(y, m, d);
}, 'expected a real calendar date YYYY-MM-DD between 1900 and 2200');

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An instant with an explicit offset (`Z` or `±HH:MM`); a time without one is
 * ambiguous, so it is refused rather than read in the machine's zone.
 */
export const Instant = z.string().refine((s) => {
  const m = INSTANT.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (y < 1900 || y > 2200 || !isCalendarDate(y, mo, d) || h > 23 || mi > 59 || sec > 59) return false;
  if (m[7] !== 'Z' && (Number(m[8]) > 14 || Number(m[9]) > 59)) return false;
  return true;
}, 'expected an ISO 8601 date-time with an offset, e.g. 2026-03-05T19:30:00+07:00');

export type Id = z.infer<typeof Id>;
export type LocalDate = z.infer<typeof LocalDate>;
export type Instant = z.infer<typeof Instant>;
