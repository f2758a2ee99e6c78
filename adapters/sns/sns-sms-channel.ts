/**
 * SMS through SNS on AWS: a Publish to the phone number itself (no topic),
 * as a Transactional message (what a person needs to act on, not marketing:
 * SNS routes it for reliability rather than cost), with the sender id when
 * one is registered.
 *
 * Permanent: InvalidParameter / InvalidParameterValue (a number SNS does not
 * take, or in the SMS sandbox one not verified), AuthorizationError, OptedOut
 * and any other 4xx. Retried: Throttled / Throttling, InternalError, 5xx and
 * no answer.
 */
import { PublishCommand, type MessageAttributeValue, type PublishCommandInput, type SNSClient } from '@aws-sdk/client-sns';
import type { ChannelSender, SmsMessage } from '../../shared/ports/channel-sender.ts';
import { awsDeliveryFailure } from '../aws/delivery-failure.ts';

export interface SnsSmsOptions {
  /** AWS.SNS.SMS.SenderID: an alphanumeric sender id registered for Vietnam (brand name); without it the carrier's default. */
  senderId?: string | undefined;
}

const str = (StringValue: string): MessageAttributeValue => ({ DataType: 'String', StringValue });

export class SnsSmsChannel implements ChannelSender<SmsMessage> {
  constructor(
    private readonly client: SNSClient,
    private readonly options: SnsSmsOptions = {},
  ) {}

  /** The exact Publish input for a message. */
  input(m: SmsMessage): PublishCommandInput {
    return {
      PhoneNumber: m.to,
      Message: m.text,
      MessageAttributes: {
        'AWS.SNS.SMS.SMSType': str('Transactional'),
        ...(this.options.senderId ? { 'AWS.SNS.SMS.SenderID': str(this.options.senderId) } : {}),
      },
    };
  }

  async send(m: SmsMessage): Promise<void> {
    try {
      await this.client.send(new PublishCommand(this.input(m)));
    } catch (err) {
      throw awsDeliveryFailure('sms', 'SNS', err);
    }
  }
}
