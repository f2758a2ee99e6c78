/**
 * Alarms for ops, to an encrypted `alarms` topic: any message in a
 * dead-letter queue, any function error, and a queue whose oldest message is
 * getting old (the consumer is failing or too slow). A dashboard shows the same.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface ObservabilityProps {
  readonly key: kms.IKey;
  /** Functions by a short name (used in alarm names). */
  readonly functions: Record<string, lambda.IFunction>;
  /** Work queues by a short name, with how old their oldest message may get before it is a problem. */
  readonly queues: Record<string, { readonly queue: sqs.IQueue; readonly maxAge: Duration }>;
  /** Dead-letter queues by a short name. */
  readonly deadLetterQueues: Record<string, sqs.IQueue>;
}

export class Observability extends Construct {
  readonly alarmTopic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', { displayName: 'chibo-monitor alarms', masterKey: props.key, enforceSSL: true });
    // The topic's policy (TLS only) replaces SNS's default one: CloudWatch needs an explicit allow to publish.
    this.alarmTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    // CloudWatch publishes alarm notifications to the encrypted topic: it needs the key for that.
    props.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToEncryptedTopic',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    const action = new actions.SnsAction(this.alarmTopic);
    const period = Duration.minutes(5);

    const add = (alarmId: string, description: string, metric: cloudwatch.IMetric, threshold: number) => {
      const alarm = new cloudwatch.Alarm(this, alarmId, {
        // Named, so that the runbook in docs/operations.md finds them: <stack>-<alarm>.
        alarmName: `${Stack.of(this).stackName}-${alarmId}`,
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      this.alarms.push(alarm);
      return alarm;
    };

    for (const [name, dlq] of Object.entries(props.deadLetterQueues)) {
      add(
        `${name}DeadLettersAlarm`,
        `${name}: messages in the dead-letter queue (their reason is the message attribute "reason"); see docs/operations.md, "Redriving a dead-letter queue".`,
        dlq.metricApproximateNumberOfMessagesVisible({ period, statistic: cloudwatch.Stats.MAXIMUM }),
        0,
      );
    }
    for (const [name, fn] of Object.entries(props.functions)) {
      add(
        `${name}ErrorsAlarm`,
        `${name}: the function failed (an invocation error, not a rejected request); read its log group.`,
        fn.metricErrors({ period, statistic: cloudwatch.Stats.SUM }),
        0,
      );
    }
    for (const [name, { queue, maxAge }] of Object.entries(props.queues)) {
      add(
        `${name}OldestMessageAlarm`,
        `${name}: the oldest message has waited more than ${maxAge.toHumanString()}; the consumer is failing or falling behind.`,
        queue.metricApproximateAgeOfOldestMessage({ period, statistic: cloudwatch.Stats.MAXIMUM }),
        maxAge.toSeconds(),
      );
    }

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      widgets: [
        [new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 })],
        [
          new cloudwatch.GraphWidget({
            title: 'Invocations and errors',
            width: 12,
            left: Object.values(props.functions).map((fn) => fn.metricInvocations({ period })),
            right: Object.values(props.functions).map((fn) => fn.metricErrors({ period })),
          }),
          new cloudwatch.GraphWidget({
            title: 'Queues: visible messages',
            width: 12,
            left: [...Object.values(props.queues).map((q) => q.queue), ...Object.values(props.deadLetterQueues)].map((q) =>
              q.metricApproximateNumberOfMessagesVisible({ period }),
            ),
          }),
        ],
      ],
    });
  }
}
