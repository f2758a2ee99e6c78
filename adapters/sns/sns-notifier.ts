/**
 * Notifications as SNS messages: one publish per recipient, to the reminders
 * or the violations topic, with the attributes subscribers filter on
 * (subscription filter policies on kind, ruleId, recipientId, provinceId,
 * unitId, period). Throttling and transient errors are retried by the SDK;
 * anything left throws, and the caller's retry is harmless because each
 * notification is claimed once (shared/notifications/dedup-key.ts).
 *
 * One more attribute, `delivery`, carries the notice as the delivery
 * function (functions/deliver-notices) rebuilds it: the finding, the stage
 * and the recipient as JSON. The body is for people and cannot be parsed back.
 */
import { PublishCommand, type MessageAttributeValue, type SNSClient } from '@aws-sdk/client-sns';
import { deliveryMessageOf } from '../../shared/delivery/delivery-message.ts';
import type { Notification, NotificationAttributes, Notifier } from '../../shared/ports/notifier.ts';

/** The message attributes subscribers filter on, in this order, each a String. */
export const ATTRIBUTE_NAMES = ['kind', 'ruleId', 'recipientId', 'provinceId', 'unitId', 'period'] as const satisfies ReadonlyArray<keyof NotificationAttributes>;

/** The attribute after them: the DeliveryMessage (shared/delivery/delivery-message.ts) as JSON. */
export const DELIVERY_ATTRIBUTE = 'delivery';

/** SNS refuses a subject of 100 characters or more, or with line breaks; we also keep it to printable ASCII (see compose.ts). */
const VALID_SUBJECT = /^[\x21-\x7E][\x20-\x7E]{0,98}$/;

export class SnsNotifier implements Notifier {
  constructor(
    private readonly client: SNSClient,
    private readonly topicArns: { reminders: string; violations: string },
  ) {}

  async publish(n: Notification): Promise<void> {
    // Fail here, naming the subject, rather than with SNS's "Invalid parameter: Subject".
    if (!VALID_SUBJECT.test(n.subject)) throw new Error(`not a valid SNS subject (printable ASCII, 1-99 characters): ${JSON.stringify(n.subject)}`);
    const attributes: Record<string, MessageAttributeValue> = {};
    for (const name of ATTRIBUTE_NAMES) attributes[name] = { DataType: 'String', StringValue: n.attributes[name] };
    attributes[DELIVERY_ATTRIBUTE] = { DataType: 'String', StringValue: JSON.stringify(deliveryMessageOf(n)) };
    await this.client.send(new PublishCommand({ TopicArn: this.topicArns[n.topic], Subject: n.subject, Message: n.body, MessageAttributes: attributes }));
  }
}
