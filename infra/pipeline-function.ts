/**
 * What both pipeline functions (on-meeting-recorded, evaluate-deadlines) are
 * given: the table, both topics, their dead-letter queue and the pipeline
 * settings, each as an environment variable with the grant that goes with it,
 * here once (functions/wiring/pipeline-deps.ts reads them).
 */
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { ChiboFunction } from './chibo-function.ts';
import type { Ledger } from './ledger.ts';
import type { Notifications } from './notifications.ts';
import { MAX_RECEIVE_COUNT } from './queues.ts';
import { type PipelineSettings, settingsEnvironment } from './settings.ts';

export interface PipelineWiring {
  readonly ledger: Ledger;
  readonly notifications: Notifications;
  readonly deadLetterQueue: sqs.IQueue;
  readonly settings: PipelineSettings;
}

export function wirePipelineFunction(fn: ChiboFunction, wiring: PipelineWiring): void {
  const environment = {
    TABLE_NAME: wiring.ledger.table.tableName,
    REMINDERS_TOPIC_ARN: wiring.notifications.reminders.topicArn,
    VIOLATIONS_TOPIC_ARN: wiring.notifications.violations.topicArn,
    DEAD_LETTER_QUEUE_URL: wiring.deadLetterQueue.queueUrl,
    MAX_RECEIVES: String(MAX_RECEIVE_COUNT),
    ...settingsEnvironment(wiring.settings),
  };
  for (const [name, value] of Object.entries(environment)) fn.addEnvironment(name, value);
  wiring.ledger.grantItemAccess(fn);
  for (const topic of wiring.notifications.topics) topic.grantPublish(fn);
  // A message that can never be processed is dead-lettered by the handler itself, with its reason.
  wiring.deadLetterQueue.grantSendMessages(fn);
}
