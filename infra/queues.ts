/** An SQS work queue and its dead-letter queue: both KMS-encrypted with the stack's key, TLS only. */
import { Duration } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * Deliveries before SQS moves a message to the dead-letter queue. The
 * consumers get the same number (MAX_RECEIVES) so that on the last delivery
 * they dead-letter the message themselves, with the reason.
 */
export const MAX_RECEIVE_COUNT = 3;

export interface QueuePairProps {
  readonly key: kms.IKey;
  /** At least six times the consumer's timeout (AWS's advice for Lambda event sources). */
  readonly visibilityTimeout: Duration;
}

export interface QueuePair {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
}

export function queueWithDeadLetters(scope: Construct, id: string, props: QueuePairProps): QueuePair {
  const common = {
    encryption: sqs.QueueEncryption.KMS,
    encryptionMasterKey: props.key,
    dataKeyReuse: Duration.minutes(15),
    enforceSSL: true,
  } as const;
  const deadLetterQueue = new sqs.Queue(scope, `${id}DeadLetters`, { ...common, retentionPeriod: Duration.days(14) });
  const queue = new sqs.Queue(scope, id, {
    ...common,
    visibilityTimeout: props.visibilityTimeout,
    retentionPeriod: Duration.days(4),
    deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
  });
  return { queue, deadLetterQueue };
}
