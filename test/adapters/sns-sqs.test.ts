/** The SNS and SQS adapters send exactly these commands. */
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SnsNotifier } from '../../adapters/sns/sns-notifier.ts';
import { SqsDeadLetters } from '../../adapters/sqs/sqs-dead-letters.ts';
import { SqsSweepQueue } from '../../adapters/sqs/sqs-sweep-queue.ts';

const sns = mockClient(SNSClient);
const sqs = mockClient(SQSClient);
beforeEach(() => {
  sns.reset();
  sqs.reset();
});

describe('SnsNotifier', () => {
  it('publishes to the topic of the notification with every attribute as a String', async () => {
    sns.on(PublishCommand).resolves({ MessageId: '1' });
    const notifier = new SnsNotifier(new SNSClient({}), { reminders: 'arn:reminders', violations: 'arn:violations' });
    const attributes = { kind: 'violation' as const, ruleId: 'dieu-le/monthly-regular-meeting', recipientId: 'ubkt:LC.NL', provinceId: 'LC', unitId: 'LC.NL.TDP5', period: '2026-02' };
    await notifier.publish({ topic: 'violations', subject: 'S', body: 'B', attributes });
    expect(sns.commandCalls(PublishCommand).map((c) => c.args[0].input)).toEqual([
      {
        TopicArn: 'arn:violations',
        Subject: 'S',
        Message: 'B',
        MessageAttributes: Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, { DataType: 'String', StringValue: v }])),
      },
    ]);
  });
});

describe('SqsSweepQueue', () => {
  it('sends one message per province, ten to a batch, and retries the entries SQS refused', async () => {
    sqs.on(SendMessageBatchCommand).resolvesOnce({ Successful: [], Failed: [{ Id: '3', Code: 'Throttled', SenderFault: false }] }).resolves({ Successful: [], Failed: [] });
    const queue = new SqsSweepQueue(new SQSClient({}), 'https://sqs/sweeps');
    const jobs = Array.from({ length: 12 }, (_, i) => ({ provinceId: `P${i}`, at: '2026-04-04T06:00:00+07:00' }));
    await queue.enqueue(jobs);
    const calls = sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.Entries!.map((e) => e.Id))).toEqual([['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], ['3'], ['10', '11']]);
    expect(calls[0]!.QueueUrl).toBe('https://sqs/sweeps');
    expect(JSON.parse(calls[1]!.Entries![0]!.MessageBody!)).toEqual({ provinceId: 'P3', at: '2026-04-04T06:00:00+07:00' });
  });

  it('gives up after three refusals, naming why', async () => {
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [{ Id: '0', Code: 'Throttled', Message: 'slow down', SenderFault: false }] });
    await expect(new SqsSweepQueue(new SQSClient({}), 'q').enqueue([{ provinceId: 'P', at: '2026-04-04T06:00:00+07:00' }])).rejects.toThrow('slow down');
    expect(sqs.commandCalls(SendMessageBatchCommand)).toHaveLength(3);
  });
});

describe('SqsDeadLetters', () => {
  it('sends the body as received with the reason as an attribute', async () => {
    sqs.on(SendMessageCommand).resolves({});
    await new SqsDeadLetters(new SQSClient({}), 'https://sqs/dlq').send('{"x":1}', 'rejected: detail.unitId: unknown');
    expect(sqs.commandCalls(SendMessageCommand)[0]!.args[0].input).toEqual({
      QueueUrl: 'https://sqs/dlq',
      MessageBody: '{"x":1}',
      MessageAttributes: { reason: { DataType: 'String', StringValue: 'rejected: detail.unitId: unknown' } },
    });
  });
});
