/** Notifications as SNS messages with the attributes subscribers filter on (one publish per recipient). */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { Notification, Notifier } from '../../shared/ports/notifier.ts';

export class SnsNotifier implements Notifier {
  constructor(
    private readonly client: SNSClient,
    private readonly topicArns: { reminders: string; violations: string },
  ) {}

  async publish(n: Notification): Promise<void> {
    const attribute = (value: string) => ({ DataType: 'String', StringValue: value });
    await this.client.send(
      new PublishCommand({
        TopicArn: this.topicArns[n.topic],
        Subject: n.subject,
        Message: n.body,
        MessageAttributes: Object.fromEntries(Object.entries(n.attributes).map(([k, v]) => [k, attribute(v)])),
      }),
    );
  }
}
