/**
 * Dates and times as a cell secretary types them: Vietnam's wall clock
 * (Asia/Ho_Chi_Minh, UTC+7 all year, no daylight saving), whatever zone the
 * phone is set to. A `datetime-local` input carries no zone, so its value is
 * read as Vietnam's time and written into the contract's instant with +07:00;
 * the device's zone never enters the arithmetic.
 */
const OFFSET_MS = 7 * 3600_000;
const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/;

/** "2026-04-02T19:30" (Vietnam) → "2026-04-02T19:30:00+07:00"; null when the text is not a date-time. */
export function toInstant(local: string): string | null {
  const m = LOCAL.exec(local);
  if (!m || Number.isNaN(Date.parse(`${m[1]}T${m[2]}:00+07:00`))) return null;
  return `${m[1]}T${m[2]}:00+07:00`;
}

/** An instant (any offset) → Vietnam's "YYYY-MM-DDTHH:mm", the value a `datetime-local` input shows. */
export function toLocal(instant: string | number): string {
  return new Date((typeof instant === 'number' ? instant : Date.parse(instant)) + OFFSET_MS).toISOString().slice(0, 16);
}

/** Vietnam's calendar date of an instant, "YYYY-MM-DD". */
export const vietnamDate = (instant: string | number): string => toLocal(instant).slice(0, 10);

/** Whole minutes from one local date-time to another; null unless both are date-times. */
export function minutesBetween(start: string, end: string): number | null {
  const a = toInstant(start);
  const b = toInstant(end);
  return a === null || b === null ? null : Math.round((Date.parse(b) - Date.parse(a)) / 60_000);
}
