/**
 * The sweep fan-out on SQS: one message per province (the body is the
 * SweepJob of shared/contract/sweep-job.ts as JSON), ten to a
 * SendMessageBatch. Entries SQS failed for its own reasons (throttling, a
 * service fault) are sent again after a backoff; entries it refused as the
 * sender's fault are not, since they would fail the same way. Every chunk is
 * tried; then, if any job is still not on the queue, enqueue throws naming the
 * provinces and why, and the caller (the scheduled invocation) is retried:
 * a province swept twice changes nothing the second time.
 */
import { SendMessageBatchCommand, type BatchResultErrorEntry, type SendMessageBatchRequestEntry, type SQSClient } from '@aws-sdk/client-sqs';
import type { SweepJob, SweepQueue } from '../../shared/ports/sweep-queue.ts';

/** SendMessageBatch takes at most 10 entries (a sweep job is a few dozen bytes, far under the 256 KiB a batch may hold). */
export const MAX_BATCH = 10;
const ATTEMPTS = 3;

export interface SqsSweepQueueOptions {
  /** Waits before resending the entries SQS failed (attempt 1, 2, …); tests pass a no-op. */
  backoff?: (attempt: number) => Promise<void>;
}

const sleep = (attempt: number) => new Promise<void>((resolve) => setTimeout(resolve, 100 * 2 ** (attempt - 1) * (0.5 + Math.random())));

export class SqsSweepQueue implements SweepQueue {
  private readonly backoff: (attempt: number) => Promise<void>;

  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
    options: SqsSweepQueueOptions = {},
  ) {
    this.backoff = options.backoff ?? sleep;
  }

  async enqueue(jobs: readonly SweepJob[]): Promise<void> {
    // Entry ids are the jobs' positions: unique in a batch, and they name the job in an error.
    const entries = jobs.map((job, i): SendMessageBatchRequestEntry => ({ Id: String(i), MessageBody: JSON.stringify(job) }));
    const refused: Array<{ provinceId: string; error: BatchResultErrorEntry }> = [];
    for (let i = 0; i < entries.length; i += MAX_BATCH) {
      for (const error of await this.sendChunk(entries.slice(i, i + MAX_BATCH))) refused.push({ provinceId: jobs[Number(error.Id)]?.provinceId ?? `entry ${error.Id}`, error });
    }
    if (refused.length > 0) {
      const reasons = [...new Set(refused.map(({ error }) => `${error.Code}${error.Message ? `: ${error.Message}` : ''}`))].join('; ');
      throw new Error(`SQS did not take ${refused.length} of ${jobs.length} sweep jobs (provinces ${refused.map((r) => r.provinceId).join(', ')}): ${reasons}`);
    }
  }

  /** Sends one chunk, resending what failed; returns the entries still failed. */
  private async sendChunk(chunk: SendMessageBatchRequestEntry[]): Promise<BatchResultErrorEntry[]> {
    let pending = chunk;
    const final: BatchResultErrorEntry[] = [];
    for (let attempt = 1; pending.length > 0; attempt++) {
      const res = await this.client.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: pending }));
      const failed = res.Failed ?? [];
      final.push(...failed.filter((f) => f.SenderFault));
      const again = failed.filter((f) => !f.SenderFault);
      if (again.length === 0) break;
      if (attempt >= ATTEMPTS) {
        final.push(...again);
        break;
      }
      const ids = new Set(again.map((f) => f.Id));
      pending = pending.filter((e) => ids.has(e.Id));
      await this.backoff(attempt);
    }
    return final;
  }
}
