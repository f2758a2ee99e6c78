/**
 * A finding's identity and a notice's time as the inbox writes them. Free of
 * the DOM, so the Node tests can hold them against the shared code.
 */
import type { Finding } from '../../shared/contract/findings.ts';

/**
 * shared/contract/findings.ts's findingIdentity, restated: importing a value from that module
 * would bring its zod schemas, and zod, into the page's bundle. E-mails link to `?finding=<this>`.
 */
export const identityOf = (f: Pick<Finding, 'kind' | 'ruleId' | 'subject' | 'period'>): string => `${f.kind}|${f.ruleId}|${f.subject.type}:${f.subject.id}|${f.period}`;

/** "07:00 05/04" in Vietnam's time, whatever the browser's zone: the notices went out on the monitor's clock there. */
export function shortTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')} ${part('day')}/${part('month')}`;
}
