/**
 * Notices to people: a queue subscribed to both SNS topics (the SNS envelope
 * kept: the notice rides its `delivery` attribute) feeds
 * functions/deliver-notices, which sends each notice by SES, SNS SMS or ZNS,
 * or holds it for the recipient's digest; EventBridge Scheduler runs
 * functions/send-digests daily at 07:00 Asia/Ho_Chi_Minh (after the 06:00
 * sweep), which fans out one digest run per province on its own queue and
 * consumes it. Both queues are encrypted with the stack's key, TLS only,
 * with dead-letter queues (the functions dead-letter with the reason).
 *
 * Least privilege: ses:SendEmail on the configured identity only (and the
 * configuration set, and while in the SES sandbox the verified recipients
 * named); sns:Publish to phone numbers only, since SMS publishes have no
 * resource ARN (Resource "*"), with an explicit Deny on every SNS ARN so that
 * no topic, platform endpoint or other account's topic can be published to.
 */
import { type CfnElement, Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ChiboFunction } from './chibo-function.ts';
import { SCHEDULER_INPUT } from './deadlines.ts';
import type { Ledger } from './ledger.ts';
import type { Notifications } from './notifications.ts';
import { MAX_RECEIVE_COUNT, queueWithDeadLetters } from './queues.ts';
import type { DeliverySettings } from './settings.ts';

/** The digests' schedule: after the 06:00 sweep has held the day's notices. */
export const DIGEST_HOUR = 7;

export interface DeliveryProps {
  readonly key: kms.IKey;
  readonly ledger: Ledger;
  readonly notifications: Notifications;
  readonly settings: DeliverySettings;
  /** Where e-mails link findings when settings.publicUrl is not given: the dashboard. */
  readonly dashboardUrl?: string;
}

export class Delivery extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly handler: ChiboFunction;
  readonly digestQueue: sqs.Queue;
  readonly digestDeadLetterQueue: sqs.Queue;
  readonly digestHandler: ChiboFunction;
  readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: DeliveryProps) {
    super(scope, id);
    const { settings } = props;
    const stack = Stack.of(this);

    // A notice is a few sends, each tried up to three times with waits of 0.5 s and 1 s; a minute is ample for a batch.
    const timeout = Duration.minutes(1);
    const notices = queueWithDeadLetters(this, 'DeliveryQueue', { key: props.key, visibilityTimeout: Duration.seconds(timeout.toSeconds() * 6) });
    this.queue = notices.queue;
    this.deadLetterQueue = notices.deadLetterQueue;
    this.subscribe(props.notifications.topics, props.key);

    const zns = settings.znsUrl && settings.znsTokenSecret ? { url: settings.znsUrl, secret: settings.znsTokenSecret } : null;
    const environment: Record<string, string> = {
      TABLE_NAME: props.ledger.table.tableName,
      MAX_RECEIVES: String(MAX_RECEIVE_COUNT),
      ...(settings.mailFrom ? { MAIL_FROM: settings.mailFrom } : {}),
      ...(settings.sesConfigurationSet ? { SES_CONFIGURATION_SET: settings.sesConfigurationSet } : {}),
      ...(settings.smsSenderId ? { SMS_SENDER_ID: settings.smsSenderId } : {}),
      ...(zns ? { CHIBO_ZNS_URL: zns.url, CHIBO_ZNS_TOKEN_SECRET: zns.secret } : {}),
      ...(settings.znsTemplates ? { CHIBO_ZNS_TEMPLATES: settings.znsTemplates } : {}),
      ...(settings.publicUrl ?? props.dashboardUrl ? { CHIBO_PUBLIC_URL: (settings.publicUrl ?? props.dashboardUrl)! } : {}),
    };
    // The token is read at each send from the extension's cache (five minutes), so a rotated token is used without a redeploy.
    const paramsAndSecrets = zns
      ? lambda.ParamsAndSecretsLayerVersion.fromVersion(lambda.ParamsAndSecretsVersions.V1_0_103, { cacheEnabled: true, cacheSize: 10, secretsManagerTtl: Duration.minutes(5), logLevel: lambda.ParamsAndSecretsLogLevel.WARN })
      : undefined;

    this.handler = new ChiboFunction(this, 'DeliverNotices', {
      entry: 'functions/deliver-notices/handler.ts',
      description: 'chibo-monitor: deliver each notice to its recipient by e-mail, SMS or Zalo, or hold it for the daily digest',
      timeout,
      environment: { ...environment, DEAD_LETTER_QUEUE_URL: this.deadLetterQueue.queueUrl },
      ...(paramsAndSecrets ? { paramsAndSecrets } : {}),
    });
    // Few at a time: SES and SNS SMS have account-wide sending rates, and the SDK and the use case retry a throttled send.
    this.handler.addEventSource(new SqsEventSource(this.queue, { batchSize: 10, maxBatchingWindow: Duration.seconds(2), maxConcurrency: 5, reportBatchItemFailures: true }));
    this.deadLetterQueue.grantSendMessages(this.handler);

    const digestTimeout = Duration.minutes(5);
    const digests = queueWithDeadLetters(this, 'DigestQueue', { key: props.key, visibilityTimeout: Duration.seconds(digestTimeout.toSeconds() * 6) });
    this.digestQueue = digests.queue;
    this.digestDeadLetterQueue = digests.deadLetterQueue;
    this.digestHandler = new ChiboFunction(this, 'SendDigests', {
      entry: 'functions/send-digests/handler.ts',
      description: 'chibo-monitor: the daily digests at 07:00, fanned out per province through the digest queue',
      timeout: digestTimeout,
      environment: { ...environment, DEAD_LETTER_QUEUE_URL: this.digestDeadLetterQueue.queueUrl, DIGEST_QUEUE_URL: this.digestQueue.queueUrl },
      ...(paramsAndSecrets ? { paramsAndSecrets } : {}),
    });
    this.digestHandler.addEventSource(new SqsEventSource(this.digestQueue, { batchSize: 1, maxConcurrency: 2, reportBatchItemFailures: true }));
    this.digestQueue.grantSendMessages(this.digestHandler);
    this.digestDeadLetterQueue.grantSendMessages(this.digestHandler);

    for (const fn of [this.handler, this.digestHandler]) {
      props.ledger.grantItemAccess(fn);
      this.grantSending(fn, settings);
      if (zns) this.grantSecret(fn, zns.secret);
    }

    this.schedule = this.dailyDigests(stack);
  }

  /**
   * Both topics to the queue, the SNS envelope kept (no raw delivery: the notice is a message attribute, and SQS
   * would take at most ten of them). Written out rather than with SqsSubscription, whose key-policy statement
   * names the topic (aws:SourceArn) and so makes a cycle (key → topic → key) with topics under the same key: the
   * key policy names this account instead (aws:SourceAccount), the queue policy each topic.
   */
  private subscribe(topics: readonly sns.ITopic[], key: kms.IKey): void {
    const stack = Stack.of(this);
    const principal = new iam.ServicePrincipal('sns.amazonaws.com');
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'SnsToTheDeliveryQueue',
        principals: [principal],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
    const { policyDependable } = this.queue.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'TopicsToTheDeliveryQueue',
        principals: [principal],
        actions: ['sqs:SendMessage'],
        resources: [this.queue.queueArn],
        conditions: { ArnEquals: { 'aws:SourceArn': topics.map((t) => t.topicArn) } },
      }),
    );
    topics.forEach((topic, i) => {
      const subscription = new sns.Subscription(this, `Subscription${i}`, { topic, endpoint: this.queue.queueArn, protocol: sns.SubscriptionProtocol.SQS, rawMessageDelivery: false });
      // SNS sends to the queue as soon as it subscribes: the queue policy must be there first.
      if (policyDependable) subscription.node.addDependency(policyDependable);
    });
  }

  /** SES as the configured identity, SNS to phone numbers; nothing else of either service. */
  private grantSending(fn: ChiboFunction, settings: DeliverySettings): void {
    const stack = Stack.of(this);
    if (settings.mailFrom && settings.sesIdentity) {
      const identity = (name: string) => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name });
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          sid: 'SendEmailAsTheIdentity',
          actions: ['ses:SendEmail'],
          resources: [
            identity(settings.sesIdentity),
            // SES also authorises the configuration set named, and in the sandbox each (verified) recipient identity.
            ...(settings.sesConfigurationSet ? [stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: settings.sesConfigurationSet })] : []),
            ...(settings.sesSandboxRecipients ?? []).map(identity),
          ],
        }),
      );
    }
    fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'PublishSmsToPhoneNumbers', actions: ['sns:Publish'], resources: ['*'] }));
    fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'NoPublishToAnySnsResource', effect: iam.Effect.DENY, actions: ['sns:Publish'], resources: [`arn:${stack.partition}:sns:*:*:*`] }));
    fn.allowGrantWildcards(
      ['Resource::*'],
      'Two statements have Resource "*": X-Ray (xray:PutTraceSegments, xray:PutTelemetryRecords support no resource-level permissions) and sns:Publish for SMS, which goes to a phone number and has no resource ARN; an explicit Deny of sns:Publish on arn:<partition>:sns:*:*:* keeps it from every topic and endpoint.',
    );
  }

  /** Read the ZNS token secret (fromSecretNameV2 matches the six random characters Secrets Manager appends). */
  private grantSecret(fn: ChiboFunction, name: string): void {
    const secret = secretsmanager.Secret.fromSecretNameV2(this, `${fn.node.id}ZnsToken`, name);
    secret.grantRead(fn);
    fn.allowGrantWildcards(
      [`Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:${name}-??????`],
      'Written by Secret.fromSecretNameV2(...).grantRead: the one ZNS token secret by name, whose ARN ends in six characters Secrets Manager picks; no other secret.',
    );
  }

  private dailyDigests(stack: Stack): scheduler.Schedule {
    const role = new iam.Role(this, 'DigestSchedulerRole', {
      description: 'chibo-monitor: EventBridge Scheduler invokes send-digests',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': stack.formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: 'default' }),
          },
        },
      }),
    });
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.digestHandler.node.defaultChild as CfnElement)}.Arn>:*]`,
      reason: 'Written by grantInvoke for the scheduler target: the versions and aliases (<function ARN>:*) of send-digests itself, no other function.',
    });
    return new scheduler.Schedule(this, 'DailyDigests', {
      description: 'Daily digests at 07:00 Vietnam time, after the 06:00 deadline sweep',
      schedule: scheduler.ScheduleExpression.cron({ minute: '0', hour: String(DIGEST_HOUR), timeZone: TimeZone.ASIA_HO_CHI_MINH }),
      target: new LambdaInvoke(this.digestHandler, {
        role,
        input: scheduler.ScheduleTargetInput.fromObject(SCHEDULER_INPUT),
        retryAttempts: 3,
        maxEventAge: Duration.hours(2),
      }),
    });
  }
}
