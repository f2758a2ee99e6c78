/**
 * Calendar periods in Asia/Ho_Chi_Minh. Vietnam has kept UTC+07:00 without
 * daylight saving since 1975, so a fixed offset is exact for every date the
 * rules concern, and nothing here reads the machine's time zone.
 */
import type { PeriodId } from '../contract/findings.ts';

export const VIETNAM_OFFSET_MS = 7 * 3600_000;
export const DAY_MS = 24 * 3600_000;

export type Granularity = 'month' | 'quarter' | 'year';

interface LocalParts {
  year: number;
  month: number; // 1-12
  day: number;
}

function localParts(ms: number): LocalParts {
  const d = new Date(ms + VIETNAM_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Milliseconds of an instant written with any offset (`Z`, `+07:00`, `-05:00`). */
export function instantMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${iso}`);
  return ms;
}

/** The local calendar date (`YYYY-MM-DD`) of an instant. */
export function localDateOf(ms: number): string {
  const p = localParts(ms);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
}

/** The instant of local midnight that starts a local date. */
export function startOfLocalDate(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) - VIETNAM_OFFSET_MS;
}

/** An instant written in Vietnam time, to the second: `2026-03-31T23:59:59+07:00`. */
export function formatInstant(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000 + VIETNAM_OFFSET_MS);
  return `${d.toISOString().slice(0, 19)}+07:00`;
}

export function periodOf(ms: number, granularity: Granularity): PeriodId {
  const { year, month } = localParts(ms);
  if (granularity === 'year') return String(year);
  if (granularity === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${pad2(month)}`;
}

const PERIOD = /^(\d{4})(?:-Q([1-4])|-(\d{2}))?$/;

interface ParsedPeriod {
  granularity: Granularity;
  year: number;
  firstMonth: number; // 1-12
  months: number;
}

export function parsePeriod(period: PeriodId): ParsedPeriod {
  const m = PERIOD.exec(period);
  if (!m) throw new RangeError(`not a period: ${period}`);
  const year = Number(m[1]);
  if (m[2] !== undefined) return { granularity: 'quarter', year, firstMonth: (Number(m[2]) - 1) * 3 + 1, months: 3 };
  if (m[3] !== undefined) {
    const month = Number(m[3]);
    if (month < 1 || month > 12) throw new RangeError(`not a period: ${period}`);
    return { granularity: 'month', year, firstMonth: month, months: 1 };
  }
  return { granularity: 'year', year, firstMonth: 1, months: 12 };
}

export function granularityOf(period: PeriodId): Granularity {
  return parsePeriod(period).granularity;
}

/** The period as the half-open interval [start, end) of instants. */
export function periodBounds(period: PeriodId): { start: number; end: number } {
  const p = parsePeriod(period);
  const start = Date.UTC(p.year, p.firstMonth - 1, 1) - VIETNAM_OFFSET_MS;
  const end = Date.UTC(p.year, p.firstMonth - 1 + p.months, 1) - VIETNAM_OFFSET_MS;
  return { start, end };
}

/** Whether `inner` lies inside `outer`: a month in its quarter or year, a quarter in its year, a period in itself. */
export function periodWithin(inner: PeriodId, outer: PeriodId): boolean {
  const a = periodBounds(inner);
  const b = periodBounds(outer);
  return a.start >= b.start && a.end <= b.end;
}

/** The first local date of a period, `YYYY-MM-DD`. */
export function periodFirstDay(period: PeriodId): string {
  const p = parsePeriod(period);
  return `${p.year}-${pad2(p.firstMonth)}-01`;
}

/** The last local date of a period, `YYYY-MM-DD`. */
export function periodLastDay(period: PeriodId): string {
  return localDateOf(periodBounds(period).end - 1);
}

export function nextPeriod(period: PeriodId): PeriodId {
  const p = parsePeriod(period);
  return periodOf(periodBounds(period).end, p.granularity);
}

/** Periods of one granularity that begin on or after `fromMs` and no later than `untilMs`. */
export function* periodsStartingBetween(granularity: Granularity, fromMs: number, untilMs: number): Generator<PeriodId> {
  let period = periodOf(fromMs, granularity);
  if (periodBounds(period).start < fromMs) period = nextPeriod(period);
  while (periodBounds(period).start <= untilMs) {
    yield period;
    period = nextPeriod(period);
  }
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** How people write a period: "tháng 02/2026", "quý I/2026", "năm 2026"; "02/2026", "Q1 2026", "2026". */
export function describePeriod(period: PeriodId, lang: 'vi' | 'en'): string {
  const p = parsePeriod(period);
  const quarter = Math.ceil(p.firstMonth / 3);
  switch (p.granularity) {
    case 'month':
      return lang === 'vi' ? `tháng ${pad2(p.firstMonth)}/${p.year}` : `${pad2(p.firstMonth)}/${p.year}`;
    case 'quarter':
      return lang === 'vi' ? `quý ${ROMAN[quarter - 1]}/${p.year}` : `Q${quarter} ${p.year}`;
    case 'year':
      return lang === 'vi' ? `năm ${p.year}` : `${p.year}`;
  }
}

/** A local date as people write it in Vietnam: `08/01/2026`. */
export function describeDate(ms: number): string {
  const p = localParts(ms);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}
