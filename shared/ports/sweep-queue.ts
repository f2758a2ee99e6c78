/** One province's deadline sweep at one instant: the unit of fan-out. */
export interface SweepJob {
  provinceId: string;
  /** The sweep's instant, ISO 8601 with offset. */
  at: string;
}

/** Fan-out of the daily sweep (SQS on AWS, an in-process queue locally). */
export interface SweepQueue {
  enqueue(jobs: readonly SweepJob[]): Promise<void>;
}
