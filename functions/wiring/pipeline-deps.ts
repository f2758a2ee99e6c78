/** The pipeline's adapters on AWS, built once per container from the environment. */
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { documentClient } from '../../adapters/dynamodb/dynamo-ports.ts';
import { DynamoLedgerStore } from '../../adapters/dynamodb/ledger-store.ts';
import { meterDynamo } from '../../adapters/dynamodb/metering.ts';
import { SnsNotifier } from '../../adapters/sns/sns-notifier.ts';
import { SqsDeadLetters } from '../../adapters/sqs/sqs-dead-letters.ts';
import { SqsSweepQueue } from '../../adapters/sqs/sqs-sweep-queue.ts';
import { pipelineConfig } from '../../shared/use-cases/pipeline-config.ts';
import { requiredEnv } from './config.ts';

/** Deliveries before a message goes to the dead-letter queue (the queue's maxReceiveCount). */
export const MAX_RECEIVES = Number(process.env['MAX_RECEIVES'] ?? 3);

const sqs = new SQSClient({});

export function pipelineDeps() {
  const dynamo = new DynamoDBClient({});
  const meter = meterDynamo(dynamo);
  return {
    // The one adapter the pipeline uses, not dynamoPorts: the others would be bundled with it (≤ 500 KB a function).
    store: new DynamoLedgerStore(documentClient(dynamo), requiredEnv('TABLE_NAME')),
    notifier: new SnsNotifier(new SNSClient({}), { reminders: requiredEnv('REMINDERS_TOPIC_ARN'), violations: requiredEnv('VIOLATIONS_TOPIC_ARN') }),
    deadLetters: new SqsDeadLetters(sqs, requiredEnv('DEAD_LETTER_QUEUE_URL')),
    config: pipelineConfig(process.env),
    now: () => Date.now(),
    meter,
  };
}

export const sweepQueue = () => new SqsSweepQueue(sqs, requiredEnv('SWEEP_QUEUE_URL'));
