import type { Finding, FindingKind } from '../contract/findings.ts';

/** The stage a notification announces: a finding raised, or one withdrawn because it no longer holds (a late record). */
export type NotificationKind = FindingKind | 'withdrawn';

/** Message attributes that subscribers filter on (SNS subscription filter policies). */
export interface NotificationAttributes {
  kind: NotificationKind;
  ruleId: string;
  recipientId: string;
  provinceId: string;
  unitId: string;
  period: string;
}

/** One message to one recipient: reminders to the people who owe, violations and alerts to the inspection committees. */
export interface Notification {
  topic: 'reminders' | 'violations';
  /** Vietnamese, then English. */
  subject: string;
  /** Vietnamese first, then English, with the rule's citation. */
  body: string;
  attributes: NotificationAttributes;
  /** For a meeting's finding, the meeting as people name it ("Chi bộ tổ dân phố 5, buổi 05/02/2026"): the console's line shows it. */
  meeting?: string;
  /** The finding and the stage announced, as the delivery of the notice to people renders it (shared/delivery). */
  notice: { finding: Finding; stage: 'raised' | 'withdrawn' };
}

export interface Notifier {
  publish(notification: Notification): Promise<void>;
}
