/**
 * Two SNS topics, encrypted with the stack's customer-managed key and
 * reachable over TLS only. Every message carries the attributes kind,
 * ruleId, recipientId, provinceId, unitId and period; subscribers filter on
 * them (docs/operations.md).
 */
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface NotificationsProps {
  readonly key: kms.IKey;
}

export class Notifications extends Construct {
  readonly reminders: sns.Topic;
  readonly violations: sns.Topic;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    const topic = (topicId: string, displayName: string) =>
      new sns.Topic(this, topicId, { displayName, masterKey: props.key, enforceSSL: true });
    this.reminders = topic('Reminders', 'chibo-monitor reminders / nhắc việc');
    this.violations = topic('Violations', 'chibo-monitor violations / vi phạm');
  }

  /** Both topics, for grants. */
  get topics(): sns.Topic[] {
    return [this.reminders, this.violations];
  }
}
