/** SqsSweepQueue: the exact SendMessageBatch inputs, ten to a call, failed entries resent after a backoff, then an error naming the provinces. */
import { SendMessageBatchCommand, SQSClient, type SendMessageBatchCommandInput } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { SqsSweepQueue } from '../../adapters/sqs/sqs-sweep-queue.ts';
import { SweepJob } from '../../shared/contract/sweep-job.ts';

const sqs = mockClient(SQSClient);
const QUEUE = 'https://sqs.ap-southeast-1.amazonaws.com/123456789012/chibo-sweeps';
const waits: number[] = [];
const queue = () => new SqsSweepQueue(new SQSClient({ region: 'ap-southeast-1' }), QUEUE, { backoff: async (attempt) => void waits.push(attempt) });
beforeEach(() => {
  sqs.reset();
  waits.length = 0;
});

const AT = '2026-04-04T06:00:00+07:00';
/** Provinces after the 2025 merger: Lào Cai (with the former Yên Bái), Tuyên Quang, Thái Nguyên, … */
const PROVINCES = ['LC', 'TQ', 'TN', 'PT', 'BN', 'HN', 'HP', 'QN', 'CB', 'LS', 'DB', 'SL'];
const jobs = PROVINCES.map((provinceId) => ({ provinceId, at: AT }));
const entry = (i: number) => ({ Id: String(i), MessageBody: JSON.stringify(jobs[i]) });
const allOk = (input: SendMessageBatchCommandInput) => ({ Successful: input.Entries!.map((e) => ({ Id: e.Id!, MessageId: `m-${e.Id}`, MD5OfMessageBody: '' })), Failed: [] });
const inputs = () => sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input);

describe('SqsSweepQueue.enqueue', () => {
  it('one message per province, ten to a batch, the job as the JSON body', async () => {
    sqs.on(SendMessageBatchCommand).callsFake(allOk);
    await queue().enqueue(jobs);
    expect(sqs).toHaveReceivedCommandTimes(SendMessageBatchCommand, 2);
    expect(inputs()).toEqual([
      { QueueUrl: QUEUE, Entries: Array.from({ length: 10 }, (_, i) => entry(i)) },
      { QueueUrl: QUEUE, Entries: [entry(10), entry(11)] },
    ]);
    // The consumer parses the body with the contract's schema.
    expect(SweepJob.parse(JSON.parse(inputs()[1]!.Entries![1]!.MessageBody!))).toEqual({ provinceId: 'SL', at: AT });
    expect(waits).toEqual([]);
  });

  it('no jobs, no call', async () => {
    await queue().enqueue([]);
    expect(sqs).toHaveReceivedCommandTimes(SendMessageBatchCommand, 0);
  });

  it('resends only the entries SQS failed, after a backoff, before the next batch', async () => {
    sqs
      .on(SendMessageBatchCommand)
      .callsFakeOnce((input: SendMessageBatchCommandInput) => ({
        Successful: allOk(input).Successful.filter((s) => s.Id !== '3' && s.Id !== '7'),
        Failed: [
          { Id: '3', Code: 'ThrottlingException', SenderFault: false },
          { Id: '7', Code: 'InternalError', SenderFault: false },
        ],
      }))
      .callsFake(allOk);
    await queue().enqueue(jobs);
    expect(inputs()).toEqual([
      { QueueUrl: QUEUE, Entries: Array.from({ length: 10 }, (_, i) => entry(i)) },
      { QueueUrl: QUEUE, Entries: [entry(3), entry(7)] },
      { QueueUrl: QUEUE, Entries: [entry(10), entry(11)] },
    ]);
    expect(waits).toEqual([1]);
  });

  it('gives up after three attempts, still sends the other batches, then throws naming the provinces and why', async () => {
    sqs.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) =>
      input.Entries!.some((e) => e.Id === '0')
        ? { Successful: allOk(input).Successful.filter((s) => s.Id !== '0'), Failed: [{ Id: '0', Code: 'ThrottlingException', Message: 'Rate exceeded', SenderFault: false }] }
        : allOk(input),
    );
    await expect(queue().enqueue(jobs)).rejects.toThrow('SQS did not take 1 of 12 sweep jobs (provinces LC): ThrottlingException: Rate exceeded');
    expect(inputs().map((i) => i.Entries!.map((e) => e.Id))).toEqual([['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], ['0'], ['0'], ['10', '11']]);
    expect(waits).toEqual([1, 2]);
  });

  it("does not resend what SQS refused as the sender's fault", async () => {
    sqs.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) => ({
      Successful: allOk(input).Successful.filter((s) => s.Id !== '11'),
      Failed: input.Entries!.some((e) => e.Id === '11') ? [{ Id: '11', Code: 'InvalidMessageContents', Message: 'bad body', SenderFault: true }] : [],
    }));
    await expect(queue().enqueue(jobs)).rejects.toThrow('(provinces SL): InvalidMessageContents: bad body');
    expect(sqs).toHaveReceivedCommandTimes(SendMessageBatchCommand, 2);
    expect(waits).toEqual([]);
  });

  it('an error of the whole call reaches the caller', async () => {
    sqs.on(SendMessageBatchCommand).rejects(new Error('AccessDenied'));
    await expect(queue().enqueue(jobs)).rejects.toThrow('AccessDenied');
  });
});
