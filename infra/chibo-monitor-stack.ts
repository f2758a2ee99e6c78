/**
 * The one stack: a customer-managed key, then the named constructs (ledger,
 * notifications, ingestion, API, deadlines, delivery, observability) wired together
 * with least-privilege grants, and the outputs ops need (docs/operations.md).
 */
import { type CfnElement, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { Api } from './api.ts';
import { Dashboard } from './dashboard.ts';
import { Deadlines } from './deadlines.ts';
import { Delivery } from './delivery.ts';
import { Ingestion } from './ingestion.ts';
import { Ledger } from './ledger.ts';
import { Notifications } from './notifications.ts';
import { Observability } from './observability.ts';
import { deliverySettings, pipelineSettings } from './settings.ts';

export class ChiboMonitorStack extends Stack {
  readonly key: kms.Key;
  readonly ledger: Ledger;
  readonly notifications: Notifications;
  readonly ingestion: Ingestion;
  readonly api: Api;
  readonly deadlines: Deadlines;
  readonly delivery: Delivery;
  readonly observability: Observability;
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, { description: 'chibo-monitor: compliance monitor for party cell meetings', ...props });
    const settings = pipelineSettings(this.node);

    this.key = new kms.Key(this, 'DataKey', {
      description: 'chibo-monitor: the ledger table, the event bus and its archive, the queues and the topics',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.ledger = new Ledger(this, 'Ledger', { key: this.key });
    this.notifications = new Notifications(this, 'Notifications', { key: this.key });
    const ledger = this.ledger;
    this.ingestion = new Ingestion(this, 'Ingestion', { key: this.key, ledger, notifications: this.notifications, settings });
    this.api = new Api(this, 'Api', { ledger, bus: this.ingestion.bus, settings });
    this.dashboard = new Dashboard(this, 'Dashboard', { apiUrl: this.api.url });
    this.deadlines = new Deadlines(this, 'Deadlines', { key: this.key, ledger, notifications: this.notifications, settings });
    this.delivery = new Delivery(this, 'Delivery', { key: this.key, ledger, notifications: this.notifications, settings: deliverySettings(this.node), dashboardUrl: this.dashboard.url });
    this.observability = new Observability(this, 'Observability', {
      key: this.key,
      functions: {
        HttpApi: this.api.handler,
        OnMeetingRecorded: this.ingestion.handler,
        EvaluateDeadlines: this.deadlines.handler,
        DeliverNotices: this.delivery.handler,
        SendDigests: this.delivery.digestHandler,
      },
      queues: {
        MeetingQueue: { queue: this.ingestion.queue, maxAge: Duration.minutes(15) },
        SweepQueue: { queue: this.deadlines.queue, maxAge: Duration.hours(1) },
        DeliveryQueue: { queue: this.delivery.queue, maxAge: Duration.minutes(30) },
        DigestQueue: { queue: this.delivery.digestQueue, maxAge: Duration.hours(1) },
      },
      deadLetterQueues: {
        MeetingQueue: this.ingestion.deadLetterQueue,
        SweepQueue: this.deadlines.deadLetterQueue,
        DeliveryQueue: this.delivery.deadLetterQueue,
        DigestQueue: this.delivery.digestDeadLetterQueue,
      },
    });

    const functions = [this.api.handler, this.ingestion.handler, this.deadlines.handler, this.delivery.handler, this.delivery.digestHandler];
    for (const fn of functions) {
      fn.allowGrantWildcards(
        ['Action::kms:GenerateDataKey*', 'Action::kms:ReEncrypt*'],
        'Written by the grant methods for the stack\'s one customer-managed key (resource: that key\'s ARN only): GenerateDataKey* and ReEncrypt* name the variants DynamoDB, SQS and SNS use to encrypt on the caller\'s behalf.',
      );
    }
    for (const fn of functions) {
      fn.allowGrantWildcards(
        [`Resource::<${this.getLogicalId(ledger.table.node.defaultChild as CfnElement)}.Arn>/index/*`],
        'Written by table.grant: the ledger table\'s own indexes (open-obligations, by-province) under <table ARN>/index/*, nothing else.',
      );
    }

    const output = (id: string, value: string, description: string) => new CfnOutput(this, id, { value, description });
    output('ApiUrl', this.api.url, 'Base URL of the HTTP API');
    output('UserPoolId', this.api.userPool.userPoolId, 'Cognito user pool of the API users');
    output('UserPoolClientId', this.api.userPoolClient.userPoolClientId, 'App client whose ID tokens the API accepts');
    output('EventBusName', this.ingestion.bus.eventBusName, 'Bus for meeting events (source chibo.meetings)');
    output('EventBusArn', this.ingestion.bus.eventBusArn, 'Bus ARN (replays)');
    output('ArchiveArn', this.ingestion.archive.archiveArn, 'Archive of the bus (replays)');
    output('MeetingRuleArn', this.ingestion.rule.ruleArn, 'Rule from the bus to the meeting queue (replay filter)');
    output('TableName', ledger.table.tableName, 'The ledger table');
    output('RemindersTopicArn', this.notifications.reminders.topicArn, 'SNS topic: reminders');
    output('ViolationsTopicArn', this.notifications.violations.topicArn, 'SNS topic: violations');
    output('AlarmTopicArn', this.observability.alarmTopic.topicArn, 'SNS topic: operational alarms');
    output('MeetingQueueArn', this.ingestion.queue.queueArn, 'Queue of meeting events');
    output('MeetingDeadLetterQueueArn', this.ingestion.deadLetterQueue.queueArn, 'Dead-letter queue of meeting events');
    output('SweepQueueArn', this.deadlines.queue.queueArn, 'Queue of province sweeps');
    output('SweepDeadLetterQueueArn', this.deadlines.deadLetterQueue.queueArn, 'Dead-letter queue of province sweeps');
    output('MeetingDeadLetterQueueUrl', this.ingestion.deadLetterQueue.queueUrl, 'Dead-letter queue of meeting events (URL)');
    output('SweepDeadLetterQueueUrl', this.deadlines.deadLetterQueue.queueUrl, 'Dead-letter queue of province sweeps (URL)');
    output('DeliveryQueueArn', this.delivery.queue.queueArn, 'Queue of notices to deliver (subscribed to both topics)');
    output('DeliveryDeadLetterQueueUrl', this.delivery.deadLetterQueue.queueUrl, 'Dead-letter queue of notices not delivered (URL; the reason is the attribute "reason")');
    output('DigestDeadLetterQueueUrl', this.delivery.digestDeadLetterQueue.queueUrl, 'Dead-letter queue of daily digest runs (URL)');
    output('SendDigestsFunctionName', this.delivery.digestHandler.functionName, 'The daily digest function (manual runs: {"source":"chibo.scheduler"})');
    output('DeliverNoticesLogGroup', this.delivery.handler.logGroup.logGroupName, 'Log group of the deliver-notices function');
    output('SendDigestsLogGroup', this.delivery.digestHandler.logGroup.logGroupName, 'Log group of the send-digests function');
    output('EvaluateDeadlinesFunctionName', this.deadlines.handler.functionName, 'The deadline sweep function (manual runs)');
    output('HttpApiLogGroup', this.api.handler.logGroup.logGroupName, 'Log group of the http-api function');
    output('OnMeetingRecordedLogGroup', this.ingestion.handler.logGroup.logGroupName, 'Log group of the on-meeting-recorded function');
    output('EvaluateDeadlinesLogGroup', this.deadlines.handler.logGroup.logGroupName, 'Log group of the evaluate-deadlines function');
    output('DashboardUrl', this.dashboard.url, 'The dashboard page and the API on one origin (docs/dashboard.md)');
    output('DashboardBucketName', this.dashboard.bucket.bucketName, 'Bucket the built dashboard is synced into (docs/dashboard.md)');
    output('DashboardDistributionId', this.dashboard.distribution.distributionId, 'CloudFront distribution of the dashboard (invalidate after a sync)');
    output('DashboardName', this.observability.dashboard.dashboardName, 'CloudWatch dashboard');
  }
}
