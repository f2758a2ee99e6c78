import { findingIdentity, type Finding } from '../contract/findings.ts';

/** One notification: a finding, at a stage (raised or withdrawn), to one recipient. Published once per key. */
export function notificationKey(finding: Pick<Finding, 'kind' | 'ruleId' | 'subject' | 'period'>, stage: 'raised' | 'withdrawn', recipientId: string): string {
  return `${findingIdentity(finding)}|${stage}|${recipientId}`;
}
