import type { SweepJob } from '../contract/sweep-job.ts';

export type { SweepJob };

/** Fan-out of the daily sweep (SQS on AWS, an in-process queue locally). */
export interface SweepQueue {
  enqueue(jobs: readonly SweepJob[]): Promise<void>;
}
