/** SesEmailChannel: the exact SendEmail input, and which SES errors are permanent, which retried; no reason names the address. */
import {
  AccountSuspendedException,
  BadRequestException,
  LimitExceededException,
  MailFromDomainNotVerifiedException,
  MessageRejected,
  NotFoundException,
  SendEmailCommand,
  SendingPausedException,
  SESv2Client,
  SESv2ServiceException,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { SesEmailChannel, sesFromAddress } from '../../adapters/ses/ses-email-channel.ts';
import { DeliveryFailure, type EmailMessage } from '../../shared/ports/channel-sender.ts';

const ses = mockClient(SESv2Client);
beforeEach(() => {
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
});

const message: EmailMessage = {
  channel: 'email',
  to: 'ha.van.xa@example.vn',
  subject: '[Nhắc nhở] Đồng chí Hà Văn Xã còn thiếu 1 lần dự sinh hoạt tháng 03/2026',
  text: 'Nhắc nhở\nĐồng chí Hà Văn Xã …',
  html: '<p>Nhắc nhở</p>',
};
const channel = (configurationSet?: string) => new SesEmailChannel(new SESv2Client({ region: 'ap-southeast-1' }), { from: 'chibo@thongbao.example.vn', configurationSet });

async function failureOf(err: Error): Promise<DeliveryFailure> {
  ses.on(SendEmailCommand).rejects(err);
  const caught = await channel()
    .send(message)
    .then(() => null, (e: unknown) => e);
  expect(caught).toBeInstanceOf(DeliveryFailure);
  return caught as DeliveryFailure;
}
const meta = (httpStatusCode?: number) => ({ $metadata: httpStatusCode === undefined ? {} : { httpStatusCode } });

describe('SesEmailChannel.send', () => {
  it('one SendEmail: the From, the one To, the subject, text and HTML all UTF-8; no configuration set unless given', async () => {
    await channel().send(message);
    expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, 1);
    expect(ses.commandCalls(SendEmailCommand)[0]!.args[0].input).toEqual({
      FromEmailAddress: 'chibo@thongbao.example.vn',
      Destination: { ToAddresses: ['ha.van.xa@example.vn'] },
      Content: {
        Simple: {
          Subject: { Data: message.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: message.text, Charset: 'UTF-8' }, Html: { Data: message.html, Charset: 'UTF-8' } },
        },
      },
    });
  });

  it('the configuration set when one is configured', async () => {
    await channel('chibo-events').send(message);
    expect(ses).toHaveReceivedCommandWith(SendEmailCommand, { ConfigurationSetName: 'chibo-events' });
  });

  it('a display name: ASCII quoted, Vietnamese as a MIME encoded-word', () => {
    expect(sesFromAddress('chibo@x.vn')).toBe('chibo@x.vn');
    expect(sesFromAddress('Chibo Monitor <chibo@x.vn>')).toBe('"Chibo Monitor" <chibo@x.vn>');
    expect(sesFromAddress('"Ủy ban kiểm tra" <ubkt@x.vn>')).toBe(`=?UTF-8?B?${Buffer.from('Ủy ban kiểm tra').toString('base64')}?= <ubkt@x.vn>`);
  });

  it.each([
    ['MessageRejected', () => new MessageRejected({ message: 'Email address is not verified. The following identities failed the check in region AP-SOUTHEAST-1: ha.van.xa@example.vn', ...meta(400) })],
    ['MailFromDomainNotVerifiedException', () => new MailFromDomainNotVerifiedException({ message: 'MAIL FROM domain not verified', ...meta(400) })],
    ['AccountSuspendedException', () => new AccountSuspendedException({ message: 'suspended', ...meta(400) })],
    ['SendingPausedException', () => new SendingPausedException({ message: 'sending paused', ...meta(400) })],
    ['NotFoundException', () => new NotFoundException({ message: 'Configuration set <chibo-events> does not exist.', ...meta(404) })],
    ['BadRequestException', () => new BadRequestException({ message: 'Missing final @ domain', ...meta(400) })],
    ['AccessDeniedException', () => new SESv2ServiceException({ name: 'AccessDeniedException', $fault: 'client', message: 'not authorized to perform ses:SendEmail on resource arn:aws:ses:ap-southeast-1:1:identity/ha.van.xa@example.vn', ...meta(403) })],
  ])('%s is permanent, and its reason names the error, not the address', async (name, make) => {
    const failure = await failureOf(make());
    expect(failure).toMatchObject({ channel: 'email', permanent: true });
    expect(failure.message).toContain(`SES ${name}`);
    expect(failure.message).not.toContain('ha.van.xa');
  });

  it('MessageRejected: the reason keeps SES\'s words with the address taken out', async () => {
    const failure = await failureOf(new MessageRejected({ message: 'Email address is not verified. The following identities failed the check in region AP-SOUTHEAST-1: ha.van.xa@example.vn', ...meta(400) }));
    expect(failure.message).toBe('SES MessageRejected (HTTP 400): Email address is not verified. The following identities failed the check in region AP-SOUTHEAST-1: <address>');
  });

  it.each([
    ['TooManyRequestsException (the sending rate)', () => new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', ...meta(429) })],
    ['LimitExceededException (the daily quota)', () => new LimitExceededException({ message: 'Daily message quota exceeded.', ...meta(400) })],
    ['ThrottlingException', () => new SESv2ServiceException({ name: 'ThrottlingException', $fault: 'client', message: 'Rate exceeded', ...meta(400) })],
    ['a 5xx', () => new SESv2ServiceException({ name: 'InternalFailure', $fault: 'server', message: 'internal', ...meta(500) })],
    ['a 503 of no known name', () => new SESv2ServiceException({ name: 'Unknown', $fault: 'server', message: 'Service Unavailable', ...meta(503) })],
    ['no answer (a reset connection)', () => Object.assign(new Error('socket hang up'), { name: 'Error', code: 'ECONNRESET' })],
    ['a timeout', () => Object.assign(new Error('Connection timed out after 5000 ms'), { name: 'TimeoutError' })],
  ])('%s is retried', async (_name, make) => {
    expect(await failureOf(make())).toMatchObject({ channel: 'email', permanent: false });
  });
});
