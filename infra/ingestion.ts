/**
 * Meeting events in: a custom EventBridge bus (source chibo.meetings) with an
 * archive for replays; a rule → an encrypted SQS queue (dead-letter queue
 * after three deliveries) → functions/on-meeting-recorded, in small batches
 * with partial batch failures.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ChiboFunction } from './chibo-function.ts';
import type { Ledger } from './ledger.ts';
import type { Notifications } from './notifications.ts';
import { wirePipelineFunction } from './pipeline-function.ts';
import { queueWithDeadLetters } from './queues.ts';
import type { PipelineSettings } from './settings.ts';

export const MEETING_EVENT_SOURCE = 'chibo.meetings';
export const MEETING_DETAIL_TYPES = ['MeetingRecorded', 'MeetingRetracted'];
export const ARCHIVE_RETENTION_DAYS = 365;

export interface IngestionProps {
  readonly key: kms.IKey;
  readonly ledger: Ledger;
  readonly notifications: Notifications;
  readonly settings: PipelineSettings;
}

export class Ingestion extends Construct {
  readonly bus: events.EventBus;
  readonly archive: events.Archive;
  readonly rule: events.Rule;
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly handler: ChiboFunction;

  constructor(scope: Construct, id: string, props: IngestionProps) {
    super(scope, id);
    const timeout = Duration.seconds(30);

    this.bus = new events.EventBus(this, 'Bus', { description: 'chibo-monitor meeting events (source chibo.meetings)' });
    this.archive = this.bus.archive('Archive', {
      description: 'Every event on the bus, kept for replays after a rule change',
      eventPattern: { source: [MEETING_EVENT_SOURCE] },
      retention: Duration.days(ARCHIVE_RETENTION_DAYS),
    });
    encryptWithKey(this.bus, this.archive, props.key);

    const { queue, deadLetterQueue } = queueWithDeadLetters(this, 'MeetingQueue', {
      key: props.key,
      visibilityTimeout: Duration.seconds(timeout.toSeconds() * 6),
    });
    this.queue = queue;
    this.deadLetterQueue = deadLetterQueue;

    this.rule = new events.Rule(this, 'MeetingEventsRule', {
      eventBus: this.bus,
      description: 'MeetingRecorded and MeetingRetracted events to the processing queue',
      eventPattern: { source: [MEETING_EVENT_SOURCE], detailType: MEETING_DETAIL_TYPES },
      // Events the rule cannot deliver land in the same dead-letter queue, in the same envelope.
      targets: [new targets.SqsQueue(queue, { deadLetterQueue, retryAttempts: 8, maxEventAge: Duration.hours(24) })],
    });

    this.handler = new ChiboFunction(this, 'OnMeetingRecorded', {
      entry: 'functions/on-meeting-recorded/handler.ts',
      description: 'chibo-monitor: apply a meeting event to the obligation ledger, raise meeting alerts',
      timeout,
    });
    wirePipelineFunction(this.handler, { ...props, deadLetterQueue });
    this.handler.addEventSource(
      new SqsEventSource(queue, { batchSize: 5, maxBatchingWindow: Duration.seconds(1), reportBatchItemFailures: true }),
    );
  }
}

/**
 * Events carry attendance and free text (topics) and the archive keeps them a
 * year: both under the stack's key rather than an AWS-owned one. Set on the
 * L1 resources: the L2 `kmsKey` props write the bus's ARN into the key policy,
 * a cycle (key → bus → key) for a bus without a fixed name; the key policy
 * names the account instead, as AWS's guide allows (aws:SourceAccount).
 */
function encryptWithKey(bus: events.EventBus, archive: events.Archive, key: kms.IKey): void {
  (bus.node.defaultChild as events.CfnEventBus).kmsKeyIdentifier = key.keyArn;
  (archive.node.defaultChild as events.CfnArchive).kmsKeyIdentifier = key.keyArn;
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'EventBridgeBusAndArchive',
      principals: [new iam.ServicePrincipal('events.amazonaws.com')],
      actions: ['kms:DescribeKey', 'kms:GenerateDataKey', 'kms:Decrypt', 'kms:ReEncrypt*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(bus).account } },
    }),
  );
}
