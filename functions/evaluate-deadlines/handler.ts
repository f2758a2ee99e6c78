/**
 * Daily at 06:00 Asia/Ho_Chi_Minh the scheduler invokes this with
 * {"source":"chibo.scheduler"}: it enqueues one sweep per province. The same
 * function consumes those messages: each sweeps one province.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { formatInstant } from '../../shared/calendar/period.ts';
import { handleQueueMessage } from '../../shared/use-cases/handle-queue-message.ts';
import { processSweepMessage } from '../../shared/use-cases/process-sweep-message.ts';
import { fanOutSweeps } from '../../shared/use-cases/sweep-deadlines.ts';
import { MAX_RECEIVES, pipelineDeps, sweepQueue } from '../wiring/pipeline-deps.ts';
import { logger, metrics } from '../wiring/observability.ts';

const deps = pipelineDeps();
const processor = new BatchProcessor(EventType.SQS);

async function sweepBody(body: string): Promise<void> {
  deps.meter.reset();
  const { job, result } = await processSweepMessage(body, deps);
  logger.info('province swept', { ...job, ...result, dynamodb: deps.meter.meter });
  metrics.addMetric('obligations_reconciled', 'Count', result.reconciled);
  metrics.addMetric('notifications_sent', 'Count', result.notified);
}

const sweepRecord = async (record: SQSRecord) => {
  await handleQueueMessage(record.body, Number(record.attributes.ApproximateReceiveCount), MAX_RECEIVES, sweepBody, deps.deadLetters);
};

export const handler = async (event: SQSEvent | { source?: string }, context: Context) => {
  try {
    if ('Records' in event) return await processPartialResponse(event, sweepRecord, processor, { context, throwOnFullBatchFailure: false });
    const provinces = await fanOutSweeps(formatInstant(Date.now()), { store: deps.store, queue: sweepQueue() });
    logger.info('sweeps fanned out', { provinces });
    return { provinces };
  } finally {
    metrics.publishStoredMetrics();
  }
};
