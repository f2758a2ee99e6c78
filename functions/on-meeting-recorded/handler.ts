/**
 * Bus rule → queue → here: each meeting event updates the ledger entries it
 * touches and raises the meeting-level alerts (attendance, duration,
 * absences). Partial batch failures: one bad message never holds back the rest.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { handleQueueMessage } from '../../shared/use-cases/handle-queue-message.ts';
import { processBusMessage } from '../../shared/use-cases/process-bus-message.ts';
import { MAX_RECEIVES, pipelineDeps } from '../wiring/pipeline-deps.ts';
import { logger, metrics } from '../wiring/observability.ts';

const deps = pipelineDeps();
const processor = new BatchProcessor(EventType.SQS);

async function processBody(body: string): Promise<void> {
  deps.meter.reset();
  const { event, outcome } = await processBusMessage(body, deps);
  // Ids and counts only: member names never reach the logs.
  logger.info('meeting event handled', { eventId: event.eventId, meetingId: event.meetingId, outcome, dynamodb: deps.meter.meter });
  metrics.addMetric(`events_${outcome}`, 'Count', 1);
}

async function processRecord(record: SQSRecord): Promise<void> {
  const receiveCount = Number(record.attributes.ApproximateReceiveCount);
  const result = await handleQueueMessage(record.body, receiveCount, MAX_RECEIVES, processBody, deps.deadLetters);
  if (result === 'dead-lettered') {
    logger.warn('meeting event dead-lettered', { messageId: record.messageId });
    metrics.addMetric('events_dead_lettered', 'Count', 1);
  }
}

export const handler = async (event: SQSEvent, context: Context) => {
  try {
    return await processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false });
  } finally {
    metrics.publishStoredMetrics();
  }
};
