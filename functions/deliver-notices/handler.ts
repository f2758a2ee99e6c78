/**
 * Both SNS topics → the delivery queue → here: each record is one notice to
 * one recipient (the SNS envelope, its `delivery` attribute), sent on the
 * channels of the recipient's contact, or held for their daily digest.
 * Partial batch failures: a channel failing for a while retries its own
 * message only, and what already went out is not sent again (the claims).
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { deliveryMessageOfEnvelope } from '../../adapters/sns/sns-envelope.ts';
import { deliveryIdOf } from '../../shared/delivery/delivery-message.ts';
import { deliverNotice } from '../../shared/use-cases/deliver-notice.ts';
import { handleQueueMessage } from '../../shared/use-cases/handle-queue-message.ts';
import { deliveryDeps, MAX_RECEIVES } from '../wiring/delivery-deps.ts';
import { logger, metrics } from '../wiring/observability.ts';

const deps = deliveryDeps();
const processor = new BatchProcessor(EventType.SQS);

async function processRecord(record: SQSRecord): Promise<void> {
  const receiveCount = Number(record.attributes.ApproximateReceiveCount);
  const result = await handleQueueMessage(
    record.body,
    receiveCount,
    MAX_RECEIVES,
    async (body) => {
      const message = deliveryMessageOfEnvelope(body);
      // The claimant is the SQS message: its redeliveries may take their own claims again at once.
      const outcome = await deliverNotice(message, deps, record.messageId);
      // Ids and counts only: never an address, a name or a message text.
      logger.info('notice delivered', { messageId: record.messageId, notice: deliveryIdOf(message), sent: outcome.sent, held: outcome.held, undeliverable: outcome.undeliverable });
      metrics.addMetric('notices_sent', 'Count', outcome.sent);
      if (outcome.held) metrics.addMetric('notices_held', 'Count', 1);
      if (outcome.undeliverable > 0) metrics.addMetric('notices_undeliverable', 'Count', outcome.undeliverable);
    },
    deps.deadLetters,
  );
  if (result === 'dead-lettered') {
    logger.warn('notice dead-lettered', { messageId: record.messageId, receiveCount });
    metrics.addMetric('notices_dead_lettered', 'Count', 1);
  }
}

export const handler = async (event: SQSEvent, context: Context) => {
  try {
    return await processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false });
  } finally {
    metrics.publishStoredMetrics();
  }
};
