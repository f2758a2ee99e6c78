/**
 * The key a notification is published once under: a finding (kind, rule,
 * subject, period), a stage (raised or withdrawn), one recipient. The
 * pipeline claims the key (a conditional put) before it publishes, so a
 * redelivered event or a retried sweep does not tell anyone twice. The key
 * ignores the wording (message, citation, evidence): re-rendering a notice
 * never makes it new.
 */
import type { Finding } from '../contract/findings.ts';

/** `|` separates the parts; ids cannot contain it, and any other part that does has it escaped, so two keys never collide. */
const part = (s: string): string => s.replace(/%/g, '%25').replace(/\|/g, '%7C');

/** `violation|dieu-le/monthly-regular-meeting|cell:LC.NL.TDP5|2026-02|raised|ubkt:LC.NL` (stored keys: keep this format). */
export function notificationKey(finding: Pick<Finding, 'kind' | 'ruleId' | 'subject' | 'period'>, stage: 'raised' | 'withdrawn', recipientId: string): string {
  const { kind, ruleId, subject, period } = finding;
  return [kind, ruleId, `${subject.type}:${subject.id}`, period, stage, recipientId].map(part).join('|');
}
