/** SnsSmsChannel: the exact Publish to a phone number (Transactional, the sender id when set), and the error mapping; no reason names the number. */
import {
  AuthorizationErrorException,
  InternalErrorException,
  InvalidParameterException,
  InvalidParameterValueException,
  PublishCommand,
  SNSClient,
  SNSServiceException,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { SnsSmsChannel } from '../../adapters/sns/sns-sms-channel.ts';
import { DeliveryFailure, type SmsMessage } from '../../shared/ports/channel-sender.ts';

const sns = mockClient(SNSClient);
beforeEach(() => {
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'sms-1' });
});

const message: SmsMessage = { channel: 'sms', to: '+84912345678', text: 'Chibo: Nhac nho: TDP5 con thieu 1 buoi sinh hoat 03/2026 (Dieu le Dang, Dieu 24)' };
const channel = (senderId?: string) => new SnsSmsChannel(new SNSClient({ region: 'ap-southeast-1' }), { senderId });
const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });

async function failureOf(err: Error): Promise<DeliveryFailure> {
  sns.on(PublishCommand).rejects(err);
  const caught = await channel()
    .send(message)
    .then(() => null, (e: unknown) => e);
  expect(caught).toBeInstanceOf(DeliveryFailure);
  return caught as DeliveryFailure;
}

describe('SnsSmsChannel.send', () => {
  it('one Publish to the phone number, no topic, Transactional', async () => {
    await channel().send(message);
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
    expect(sns.commandCalls(PublishCommand)[0]!.args[0].input).toEqual({
      PhoneNumber: '+84912345678',
      Message: message.text,
      MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
    });
  });

  it('the sender id when one is registered', async () => {
    await channel('CHIBO').send(message);
    expect(sns.commandCalls(PublishCommand)[0]!.args[0].input.MessageAttributes).toEqual({
      'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
      'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'CHIBO' },
    });
  });

  it.each([
    ['InvalidParameterException', () => new InvalidParameterException({ message: 'Invalid parameter: PhoneNumber Reason: +84912345678 is not valid to publish to', ...meta(400) })],
    ['InvalidParameterValueException', () => new InvalidParameterValueException({ message: 'Invalid parameter value', ...meta(400) })],
    ['AuthorizationErrorException', () => new AuthorizationErrorException({ message: 'not authorized to perform SNS:Publish', ...meta(403) })],
    ['OptedOut', () => new SNSServiceException({ name: 'OptedOut', $fault: 'client', message: 'the phone number 0912 345 678 has opted out', ...meta(400) })],
  ])('%s is permanent, and its reason holds no phone number', async (name, make) => {
    const failure = await failureOf(make());
    expect(failure).toMatchObject({ channel: 'sms', permanent: true });
    expect(failure.message).toContain(`SNS ${name}`);
    expect(failure.message).not.toMatch(/912|345\s?678/);
  });

  it.each([
    ['Throttled', () => new SNSServiceException({ name: 'ThrottledException', $fault: 'client', message: 'Rate exceeded', ...meta(400) })],
    ['Throttling', () => new SNSServiceException({ name: 'Throttling', $fault: 'client', message: 'Rate exceeded', ...meta(400) })],
    ['InternalErrorException', () => new InternalErrorException({ message: 'internal', ...meta(500) })],
    ['no answer', () => Object.assign(new Error('getaddrinfo EAI_AGAIN sns.ap-southeast-1.amazonaws.com'), { code: 'EAI_AGAIN' })],
  ])('%s is retried', async (_name, make) => {
    expect(await failureOf(make())).toMatchObject({ channel: 'sms', permanent: false });
  });
});
