/** The sweep fan-out on SQS: one message per province, ten to a batch, failed entries retried. */
import { SendMessageBatchCommand, type SendMessageBatchRequestEntry, type SQSClient } from '@aws-sdk/client-sqs';
import type { SweepJob, SweepQueue } from '../../shared/ports/sweep-queue.ts';

const ATTEMPTS = 3;

export class SqsSweepQueue implements SweepQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(jobs: readonly SweepJob[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += 10) {
      let entries: SendMessageBatchRequestEntry[] = jobs.slice(i, i + 10).map((job, j) => ({ Id: String(i + j), MessageBody: JSON.stringify(job) }));
      for (let attempt = 1; entries.length > 0; attempt++) {
        const res = await this.client.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: entries }));
        const failed = new Set((res.Failed ?? []).map((f) => f.Id));
        entries = entries.filter((e) => failed.has(e.Id));
        if (entries.length > 0 && attempt >= ATTEMPTS) throw new Error(`SQS refused ${entries.length} sweep jobs: ${(res.Failed ?? []).map((f) => f.Message ?? f.Code).join('; ')}`);
      }
    }
  }
}
