/**
 * A notice as the delivery queue receives it: the queue is subscribed to
 * both topics without raw message delivery, so each SQS body is SNS's JSON
 * envelope, and the notice is its `delivery` message attribute
 * (sns-notifier.ts). Anything else can never be delivered: PermanentError,
 * dead-lettered at once with the reason (which names fields, never values).
 */
import * as z from 'zod';
import { formatPath } from '../../shared/contract/issues.ts';
import { DeliveryMessage } from '../../shared/delivery/delivery-message.ts';
import { PermanentError } from '../../shared/use-cases/errors.ts';
import { DELIVERY_ATTRIBUTE } from './sns-notifier.ts';

const Envelope = z.object({
  Type: z.literal('Notification'),
  MessageAttributes: z.object({ [DELIVERY_ATTRIBUTE]: z.object({ Type: z.literal('String'), Value: z.string() }) }),
});

const issuesOf = (error: z.ZodError): string => error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ');

export function deliveryMessageOfEnvelope(body: string): DeliveryMessage {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new PermanentError('the message is not JSON (expected an SNS notification envelope)');
  }
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) throw new PermanentError(`not an SNS notification with a delivery attribute: ${issuesOf(envelope.error)}`);
  let value: unknown;
  try {
    value = JSON.parse(envelope.data.MessageAttributes[DELIVERY_ATTRIBUTE].Value);
  } catch {
    throw new PermanentError(`the ${DELIVERY_ATTRIBUTE} attribute is not JSON`);
  }
  const message = DeliveryMessage.safeParse(value);
  if (!message.success) throw new PermanentError(`the ${DELIVERY_ATTRIBUTE} attribute is not a delivery message: ${issuesOf(message.error)}`);
  return message.data;
}
