/**
 * The delivery Lambdas against dynalite, SES, SNS and SQS mocked: a notice
 * published by SnsNotifier reaches deliver-notices in its SNS envelope and
 * goes out as the exact SendEmail and Publish, once however often it is
 * delivered; a daily recipient's notices wait for send-digests; a bad
 * envelope or a refused e-mail is dead-lettered with a reason that holds no
 * address; a throttled send is retried, then dead-lettered; the logs hold no
 * contact.
 */
import { MessageRejected, SendEmailCommand, SESv2Client, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { PublishCommand, SNSClient, type PublishCommandInput } from '@aws-sdk/client-sns';
import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoContactDirectory } from '../../adapters/dynamodb/contact-directory.ts';
import { DynamoDeliveryLog } from '../../adapters/dynamodb/delivery-log.ts';
import { DynamoOrgStore } from '../../adapters/dynamodb/org-store.ts';
import { SnsNotifier } from '../../adapters/sns/sns-notifier.ts';
import { formatInstant } from '../../shared/calendar/period.ts';
import type { PlacedContact } from '../../shared/contract/contacts.ts';
import type { Finding } from '../../shared/contract/findings.ts';
import { noticeEmail } from '../../shared/delivery/email-message.ts';
import { noticeSms } from '../../shared/delivery/short-message.ts';
import { notificationsFor } from '../../shared/notifications/compose.ts';
import { captureLogs } from '../security/capture-logs.ts';
import { buildOrg, exampleOrgJson } from '../support/builders.ts';
import { startDynamo, type LocalDynamo } from '../support/dynamo.ts';
import { setLambdaEnv } from '../support/lambda-env.ts';
import { TDP5_FEBRUARY } from '../support/findings.ts';

const ses = mockClient(SESv2Client);
const sns = mockClient(SNSClient);
const sqs = mockClient(SQSClient);
let dynamo: LocalDynamo;
let deliverNotices: (typeof import('../../functions/deliver-notices/handler.ts'))['handler'];
let sendDigests: (typeof import('../../functions/send-digests/handler.ts'))['handler'];
const context = { functionName: 'test', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 30_000 } as unknown as Context;
const logs = captureLogs();

const FROM = 'chibo@thongbao.example.vn';
const DLQ = 'https://sqs/delivery-dlq';
const leader: PlacedContact = { recipient: 'S-TDP5', name: 'Hà Văn Xã', email: 'ha.van.xa@example.vn', phone: '+84912345678', channels: ['email', 'sms'], digest: 'immediate', language: 'vi', provinceId: 'LC' };
const committee: PlacedContact = { recipient: 'ubkt:LC.NL', name: 'Ủy ban kiểm tra Đảng ủy phường Nghĩa Lộ', email: 'ubkt.nghialo@example.vn', channels: ['email'], digest: 'daily', language: 'vi', provinceId: 'LC' };
const CONTACT_VALUES = ['ha.van.xa', 'ubkt.nghialo', '912345678', '0912', 'Hà Văn Xã', 'Ủy ban kiểm tra Đảng ủy'];

const finding: Finding = TDP5_FEBRUARY;

/** What SNS puts in the queue for a Publish, without raw message delivery. */
function envelopeOf(input: PublishCommandInput, messageId: string): string {
  return JSON.stringify({
    Type: 'Notification',
    MessageId: messageId,
    TopicArn: input.TopicArn,
    Subject: input.Subject,
    Message: input.Message,
    Timestamp: '2026-03-01T00:00:05.000Z',
    SignatureVersion: '1',
    MessageAttributes: Object.fromEntries(Object.entries(input.MessageAttributes ?? {}).map(([k, v]) => [k, { Type: v.DataType, Value: v.StringValue }])),
  });
}

/** The SNS envelopes of a finding's notifications, one per recipient, as SnsNotifier publishes them (through the SNS mock, its history then cleared). */
async function envelopes(f: Finding, stage: 'raised' | 'withdrawn' = 'raised'): Promise<Map<string, string>> {
  const topics = { reminders: 'arn:aws:sns:ap-southeast-1:1:reminders', violations: 'arn:aws:sns:ap-southeast-1:1:violations' };
  const out = new Map<string, string>();
  for (const n of notificationsFor(f, stage, { provinceId: 'LC', unitId: 'LC.NL.TDP5' })) {
    await new SnsNotifier(new SNSClient({}), topics).publish(n);
    out.set(n.attributes.recipientId, envelopeOf(sns.commandCalls(PublishCommand).at(-1)!.args[0].input, `sns-${n.attributes.recipientId}`));
  }
  sns.resetHistory();
  return out;
}

const record = (id: string, body: string, receiveCount = 1): SQSRecord =>
  ({ messageId: id, body, attributes: { ApproximateReceiveCount: String(receiveCount) }, eventSource: 'aws:sqs', receiptHandle: id }) as unknown as SQSRecord;
const deliver = (...records: SQSRecord[]) => deliverNotices({ Records: records } as SQSEvent, context);
const deadLetters = () => sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input);

beforeAll(async () => {
  dynamo = await startDynamo();
  setLambdaEnv(dynamo, {
    DEAD_LETTER_QUEUE_URL: DLQ,
    DIGEST_QUEUE_URL: 'https://sqs/digests',
    MAIL_FROM: FROM,
    MAX_RECEIVES: '3',
    CHIBO_DELIVERY_BACKOFF_MS: '0',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: 'DEBUG',
    POWERTOOLS_DEV: 'false',
  });
  await new DynamoOrgStore(dynamo.db, dynamo.table).replace(buildOrg(exampleOrgJson() as never).snapshot);
  await new DynamoContactDirectory(dynamo.db, dynamo.table).replace(['LC'], [leader, committee]);
  ({ handler: deliverNotices } = await import('../../functions/deliver-notices/handler.ts'));
  ({ handler: sendDigests } = await import('../../functions/send-digests/handler.ts'));
});
afterAll(async () => {
  logs.stop();
  await dynamo.stop();
});
beforeEach(() => {
  for (const m of [ses, sns, sqs]) m.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
  sns.on(PublishCommand).resolves({ MessageId: 'sms-1' });
  sqs.on(SendMessageCommand).resolves({});
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
});

describe('deliver-notices', () => {
  it('an immediate recipient: one exact SendEmail and one exact SMS Publish; redelivered or duplicated, nothing more', async () => {
    const body = (await envelopes(finding)).get('S-TDP5')!;
    expect(await deliver(record('q-1', body))).toEqual({ batchItemFailures: [] });
    expect(ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input)).toEqual([
      (() => {
        const m = noticeEmail(finding, 'raised', { ...leader, email: leader.email! }, { publicUrl: undefined });
        return {
          FromEmailAddress: FROM,
          Destination: { ToAddresses: ['ha.van.xa@example.vn'] },
          Content: { Simple: { Subject: { Data: m.subject, Charset: 'UTF-8' }, Body: { Text: { Data: m.text, Charset: 'UTF-8' }, Html: { Data: m.html, Charset: 'UTF-8' } } } },
        };
      })(),
    ]);
    expect(ses.commandCalls(SendEmailCommand)[0]!.args[0].input.Content!.Simple!.Subject!.Data).toMatch(/^\[Vi phạm\] /);
    expect(sns.commandCalls(PublishCommand).map((c) => c.args[0].input)).toEqual([
      { PhoneNumber: '+84912345678', Message: noticeSms(finding, 'raised', '+84912345678', 'vi').text, MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } } },
    ]);

    // The queue redelivers the same message, and SNS delivers a twin (another message id): neither sends again.
    expect(await deliver(record('q-1', body, 2), record('q-1-twin', body))).toEqual({ batchItemFailures: [] });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    const log = await new DynamoDeliveryLog(dynamo.db, dynamo.table).records({ recipient: 'S-TDP5' });
    expect(log.map((r) => [r.channel, r.status]).sort()).toEqual([['email', 'sent'], ['sms', 'sent']]);
  });

  it('a daily recipient: nothing sent, the notice held; send-digests sends its one digest, once a day', async () => {
    const body = (await envelopes(finding)).get('ubkt:LC.NL')!;
    expect(await deliver(record('q-2', body))).toEqual({ batchItemFailures: [] });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);

    // The next 07:00 run: held notices count from when they were held (now).
    const job = JSON.stringify({ provinceId: 'LC', at: formatInstant(Date.now() + 3_600_000) });
    expect(await sendDigests({ Records: [record('d-1', job)] } as SQSEvent, context)).toEqual({ batchItemFailures: [] });
    const sent = ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ FromEmailAddress: FROM, Destination: { ToAddresses: ['ubkt.nghialo@example.vn'] } });
    expect(sent[0]!.Content!.Simple!.Body!.Text!.Data).toContain('Điều lệ Đảng, Điều 24');

    // The scheduler's second call of the day, or a redrive: no second digest.
    expect(await sendDigests({ Records: [record('d-2', job)] } as SQSEvent, context)).toEqual({ batchItemFailures: [] });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
  });

  it('the scheduler call fans out one digest run per province on the digest queue', async () => {
    expect(await sendDigests({ source: 'chibo.scheduler' }, context)).toEqual({ provinces: 1 });
    const batch = sqs.commandCalls(SendMessageBatchCommand)[0]!.args[0].input;
    expect(batch.QueueUrl).toBe('https://sqs/digests');
    expect(JSON.parse(batch.Entries![0]!.MessageBody!)).toMatchObject({ provinceId: 'LC' });
  });

  it('a body that is not a notice envelope is dead-lettered at once with the reason; the rest of the batch is delivered', async () => {
    const reminder: Finding = { ...finding, kind: 'reminder', period: '2026-03', recipients: ['S-TDP5'] };
    const good = (await envelopes(reminder)).get('S-TDP5')!;
    const noAttribute = JSON.stringify({ Type: 'Notification', Message: 'x', MessageAttributes: {} });
    const badNotice = JSON.stringify({ Type: 'Notification', Message: 'x', MessageAttributes: { delivery: { Type: 'String', Value: JSON.stringify({ stage: 'raised' }) } } });
    expect(await deliver(record('b-1', 'not json'), record('b-2', noAttribute), record('b-3', badNotice), record('b-4', good))).toEqual({ batchItemFailures: [] });
    expect(deadLetters().map((d) => [d.QueueUrl, d.MessageAttributes!['reason']!.StringValue])).toEqual([
      [DLQ, 'rejected: the message is not JSON (expected an SNS notification envelope)'],
      [DLQ, expect.stringMatching(/^rejected: not an SNS notification with a delivery attribute: MessageAttributes\.delivery: /)],
      [DLQ, expect.stringMatching(/^rejected: the delivery attribute is not a delivery message: finding: /)],
    ]);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
  });

  it('an e-mail SES refuses: the SMS still goes, the notice is dead-lettered with SES\'s reason, no address in it, and logged as failed', async () => {
    ses.on(SendEmailCommand).rejects(new MessageRejected({ message: 'Email address is not verified. The following identities failed the check in region AP-SOUTHEAST-1: ha.van.xa@example.vn', $metadata: { httpStatusCode: 400 } }));
    const alert: Finding = { ...finding, kind: 'alert', ruleId: 'yb-qd18/attendance-rate', period: '2026-01', recipients: ['S-TDP5'] };
    expect(await deliver(record('r-1', (await envelopes(alert)).get('S-TDP5')!))).toEqual({ batchItemFailures: [] });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    const [dead] = deadLetters();
    expect(dead!.MessageAttributes!['reason']!.StringValue).toBe(
      'rejected: email refused: SES MessageRejected (HTTP 400): Email address is not verified. The following identities failed the check in region AP-SOUTHEAST-1: <address>',
    );
    const log = await new DynamoDeliveryLog(dynamo.db, dynamo.table).records({ recipient: 'S-TDP5' });
    expect(log.find((r) => r.notice?.ruleId === 'yb-qd18/attendance-rate' && r.channel === 'email')).toMatchObject({ status: 'failed', reason: expect.stringContaining('<address>') });
  });

  it('a throttled send is reported for retry (not dead-lettered) until the last delivery; what went out is not sent again', async () => {
    ses.on(SendEmailCommand).rejects(new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', $metadata: { httpStatusCode: 429 } }));
    const later: Finding = { ...finding, period: '2026-04' };
    const body = (await envelopes(later)).get('S-TDP5')!;
    expect(await deliver(record('t-1', body, 1))).toEqual({ batchItemFailures: [{ itemIdentifier: 't-1' }] });
    expect(deadLetters()).toHaveLength(0);
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    expect(await deliver(record('t-1', body, 3))).toEqual({ batchItemFailures: [] });
    expect(deadLetters()[0]!.MessageAttributes!['reason']!.StringValue).toMatch(/^failed 3 times: email: SES TooManyRequestsException \(HTTP 429\)/);
    // The SMS was sent on the first delivery: the retries did not send it again.
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
  });

  it('no contact field in any log line of these runs', () => {
    const lines = logs.lines.filter((l) => CONTACT_VALUES.some((v) => l.includes(v) || l.includes(v.normalize('NFD'))));
    expect(lines).toEqual([]);
    expect(logs.lines.some((l) => l.includes('notice delivered'))).toBe(true);
  });
});
