/** LocalDate is checked by character code (a country has millions of dates); it must accept exactly what its regular expression and a Date accepted. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LocalDate } from '../../../shared/contract/primitives.ts';

/** The definition it replaced. */
function reference(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && y <= 2200 && probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Date-like strings: digits in range and out, other characters where digits or dashes go. */
const dateLike = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('-', '/', '−'), fc.constantFrom('', ' ', '٣', 'a', '\n'), fc.nat({ max: 10 }))
  .map(([y, m, d, dash, odd, at]) => {
    const s = `${pad(y, 4)}-${pad(m, 2)}${dash}${pad(d, 2)}`;
    return s.slice(0, at) + odd + s.slice(at + (odd === '' ? 0 : 1));
  });

describe('LocalDate', () => {
  it('accepts what the regular expression and a Date accepted, and nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string({ maxLength: 12 }), fc.date({ min: new Date('1890-01-01'), max: new Date('2210-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))), (s) => {
        expect(LocalDate.safeParse(s).success).toBe(reference(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('knows leap years and month lengths', () => {
    for (const [s, ok] of [['2024-02-29', true], ['2100-02-29', false], ['2000-02-29', true], ['2026-04-31', false], ['2026-12-31', true], ['1899-12-31', false], ['2200-12-31', true], ['2026-00-10', false], ['2026-01-00', false]] as const) {
      expect(LocalDate.safeParse(s).success, s).toBe(ok);
    }
  });
});
