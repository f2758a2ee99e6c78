import { describe, expect, it } from 'vitest';
import {
  periodWithin,
  describePeriod,
  formatInstant,
  instantMs,
  localDateOf,
  nextPeriod,
  parsePeriod,
  periodBounds,
  periodFirstDay,
  periodLastDay,
  periodOf,
  periodsStartingBetween,
  startOfLocalDate,
} from '../../shared/calendar/period.ts';

describe('periods in Asia/Ho_Chi_Minh', () => {
  it('puts 23:30 +07:00 on the last day in that month, and 17:30Z the same day in the next', () => {
    expect(periodOf(instantMs('2026-03-31T23:30:00+07:00'), 'month')).toBe('2026-03');
    expect(periodOf(instantMs('2026-03-31T17:30:00Z'), 'month')).toBe('2026-04');
    expect(periodOf(instantMs('2026-03-31T16:59:59Z'), 'quarter')).toBe('2026-Q1');
    expect(periodOf(instantMs('2026-03-31T17:00:00Z'), 'quarter')).toBe('2026-Q2');
  });

  it('reads any offset', () => {
    // 19:00 on 31 Dec in New York is 07:00 on 1 Jan in Hà Nội.
    expect(periodOf(instantMs('2025-12-31T19:00:00-05:00'), 'year')).toBe('2026');
    expect(localDateOf(instantMs('2026-06-30T23:59:59.999+07:00'))).toBe('2026-06-30');
    expect(localDateOf(instantMs('2026-06-30T17:00:00Z'))).toBe('2026-07-01');
  });

  it('bounds a period as [first local midnight, next first local midnight)', () => {
    expect(periodBounds('2026-Q1')).toEqual({ start: Date.parse('2025-12-31T17:00:00Z'), end: Date.parse('2026-03-31T17:00:00Z') });
    expect(periodBounds('2026-02')).toEqual({ start: Date.parse('2026-01-31T17:00:00Z'), end: Date.parse('2026-02-28T17:00:00Z') });
    expect(periodBounds('2028-02').end - periodBounds('2028-02').start).toBe(29 * 86_400_000);
    expect(periodBounds('2026')).toEqual({ start: Date.parse('2025-12-31T17:00:00Z'), end: Date.parse('2026-12-31T17:00:00Z') });
  });

  it('names first and last local days, and the next period across a year', () => {
    expect([periodFirstDay('2026-Q3'), periodLastDay('2026-Q3')]).toEqual(['2026-07-01', '2026-09-30']);
    expect(periodLastDay('2025-Q2')).toBe('2025-06-30');
    expect([nextPeriod('2026-12'), nextPeriod('2026-Q4'), nextPeriod('2026')]).toEqual(['2027-01', '2027-Q1', '2027']);
  });

  it('writes deadlines in Vietnam time, to the second', () => {
    expect(formatInstant(periodBounds('2026-Q1').end - 1000)).toBe('2026-03-31T23:59:59+07:00');
    expect(formatInstant(startOfLocalDate('2026-01-01'))).toBe('2026-01-01T00:00:00+07:00');
  });

  it('lists periods that begin inside a window', () => {
    const from = instantMs('2026-02-01T00:00:00+07:00');
    const until = instantMs('2026-07-01T00:00:00+07:00');
    expect([...periodsStartingBetween('quarter', from, until)]).toEqual(['2026-Q2', '2026-Q3']);
    expect([...periodsStartingBetween('month', from, until)]).toEqual(['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07']);
    expect([...periodsStartingBetween('year', from, until)]).toEqual([]);
  });

  it('tells a period inside another: a month in its quarter and year, not in the next quarter', () => {
    expect(['2026-03', '2026-Q1', '2026'].map((outer) => periodWithin('2026-03', outer))).toEqual([true, true, true]);
    expect(periodWithin('2026-04', '2026-Q1')).toBe(false);
    expect(periodWithin('2026', '2026-Q4')).toBe(false);
  });

  it('refuses what is not a period', () => {
    expect(() => parsePeriod('2026-13')).toThrow(RangeError);
    expect(() => parsePeriod('2026-Q5')).toThrow(RangeError);
  });

  it('describes periods as people write them', () => {
    expect(describePeriod('2026-02', 'vi')).toBe('tháng 02/2026');
    expect(describePeriod('2026-Q4', 'vi')).toBe('quý IV/2026');
    expect(describePeriod('2026', 'vi')).toBe('năm 2026');
    expect(describePeriod('2026-Q1', 'en')).toBe('Q1 2026');
  });
});
