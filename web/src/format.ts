/** Dates, periods and rule names as the page writes them, in the current language. */
import { describePeriod } from '../../shared/calendar/period.ts';
import type { PeriodId } from '../../shared/contract/findings.ts';
import { lang } from './i18n.ts';
import { state } from './state.ts';

const VIETNAM = 'Asia/Ho_Chi_Minh';

export const periodName = (p: PeriodId): string => describePeriod(p, lang());

export const dateTime = (iso: string): string =>
  new Intl.DateTimeFormat(lang() === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: VIETNAM, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

export const ruleTitle = (ruleId: string): string => state.rules.get(ruleId)?.title[lang()] ?? ruleId;

/** "1 lần dự sinh hoạt với đảng ủy xã": the rule's own label of each requirement still owed. */
export function missingText(ruleId: string, missing: Record<string, number>): string {
  const labels = state.rules.get(ruleId)?.labels ?? {};
  return Object.entries(missing)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${n} ${labels[key]?.[lang()] ?? key}`)
    .join(lang() === 'vi' ? ' và ' : ' and ');
}
