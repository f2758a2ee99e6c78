/**
 * Daily at 07:00 Asia/Ho_Chi_Minh (an hour after the deadline sweep) the
 * scheduler invokes this with {"source":"chibo.scheduler"}: it enqueues one
 * digest run per province on the digest queue, as the sweep does. The same
 * function consumes those messages: each sends one province's daily digests,
 * claimed per (recipient, channel, local day), so a retry or a second run of
 * the day sends nothing twice.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { documentClient } from '../../adapters/dynamodb/dynamo-ports.ts';
import { DynamoOrgStore } from '../../adapters/dynamodb/org-store.ts';
import { SqsSweepQueue } from '../../adapters/sqs/sqs-sweep-queue.ts';
import { formatInstant, instantMs } from '../../shared/calendar/period.ts';
import type { SweepJob } from '../../shared/contract/sweep-job.ts';
import { handleQueueMessage } from '../../shared/use-cases/handle-queue-message.ts';
import { sweepJobOf } from '../../shared/use-cases/process-sweep-message.ts';
import { sendDigests } from '../../shared/use-cases/send-digests.ts';
import { fanOutSweeps } from '../../shared/use-cases/sweep-deadlines.ts';
import { requiredEnv } from '../wiring/config.ts';
import { deliveryDeps, MAX_RECEIVES, sqs } from '../wiring/delivery-deps.ts';
import { logger, metrics } from '../wiring/observability.ts';

const deps = deliveryDeps();
/** The fan-out reads the provinces from the org's meta item. */
const orgStore = new DynamoOrgStore(documentClient(new DynamoDBClient({})), requiredEnv('TABLE_NAME'));
const processor = new BatchProcessor(EventType.SQS);

/** A digest run has a sweep's shape: one province at one instant (the instant picks the local day). */
const digestJob = (body: string): SweepJob => sweepJobOf(body, 'a digest run');

async function digestRecord(record: SQSRecord): Promise<void> {
  const result = await handleQueueMessage(
    record.body,
    Number(record.attributes.ApproximateReceiveCount),
    MAX_RECEIVES,
    async (body) => {
      const job = digestJob(body);
      const outcome = await sendDigests(job.provinceId, instantMs(job.at), deps, record.messageId);
      logger.info('digests sent', { messageId: record.messageId, provinceId: job.provinceId, ...outcome });
      metrics.addMetric('digests_sent', 'Count', outcome.sent);
      if (outcome.failed > 0) metrics.addMetric('digests_failed', 'Count', outcome.failed);
    },
    deps.deadLetters,
  );
  if (result === 'dead-lettered') {
    logger.warn('digest run dead-lettered', { messageId: record.messageId });
    metrics.addMetric('digest_runs_dead_lettered', 'Count', 1);
  }
}

export const handler = async (event: SQSEvent | { source?: string }, context: Context) => {
  try {
    if ('Records' in event) return await processPartialResponse(event, digestRecord, processor, { context, throwOnFullBatchFailure: false });
    const provinces = await fanOutSweeps(formatInstant(Date.now()), { store: orgStore, queue: new SqsSweepQueue(sqs, requiredEnv('DIGEST_QUEUE_URL')) });
    logger.info('digest runs fanned out', { provinces });
    return { provinces };
  } finally {
    metrics.publishStoredMetrics();
  }
};
