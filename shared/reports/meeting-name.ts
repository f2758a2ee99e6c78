import { describeDate } from '../calendar/period.ts';

/**
 * How people name a meeting: its unit and the local date it was held,
 * "Chi bộ tổ dân phố 5, buổi 05/02/2026" ("…, meeting of 05/02/2026");
 * the unit alone when the date is not known.
 */
export function meetingName(unitName: string, heldAt: number | null, lang: 'vi' | 'en' = 'vi'): string {
  if (heldAt === null) return unitName;
  return lang === 'vi' ? `${unitName}, buổi ${describeDate(heldAt)}` : `${unitName}, meeting of ${describeDate(heldAt)}`;
}
