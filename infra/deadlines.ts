/**
 * Deadline sweeps: EventBridge Scheduler invokes functions/evaluate-deadlines
 * daily at 06:00 Asia/Ho_Chi_Minh (the schedule's own time zone, not a UTC
 * cron) with {"source":"chibo.scheduler"}; the function enqueues one sweep
 * per province on the sweep queue and consumes that queue, one province per
 * invocation, with partial batch failures.
 */
import { type CfnElement, Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ChiboFunction } from './chibo-function.ts';
import type { Ledger } from './ledger.ts';
import type { Notifications } from './notifications.ts';
import { wirePipelineFunction } from './pipeline-function.ts';
import { queueWithDeadLetters } from './queues.ts';
import type { PipelineSettings } from './settings.ts';

export const SCHEDULER_INPUT = { source: 'chibo.scheduler' } as const;

export interface DeadlinesProps {
  readonly key: kms.IKey;
  readonly ledger: Ledger;
  readonly notifications: Notifications;
  readonly settings: PipelineSettings;
}

export class Deadlines extends Construct {
  readonly schedule: scheduler.Schedule;
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly handler: ChiboFunction;

  constructor(scope: Construct, id: string, props: DeadlinesProps) {
    super(scope, id);
    const timeout = Duration.minutes(5);

    const { queue, deadLetterQueue } = queueWithDeadLetters(this, 'SweepQueue', {
      key: props.key,
      visibilityTimeout: Duration.seconds(timeout.toSeconds() * 6),
    });
    this.queue = queue;
    this.deadLetterQueue = deadLetterQueue;

    this.handler = new ChiboFunction(this, 'EvaluateDeadlines', {
      entry: 'functions/evaluate-deadlines/handler.ts',
      description: 'chibo-monitor: daily deadline sweep, fanned out per province through the sweep queue',
      timeout,
      memorySize: 1024,
      environment: { SWEEP_QUEUE_URL: queue.queueUrl },
    });
    wirePipelineFunction(this.handler, { ...props, deadLetterQueue });
    queue.grantSendMessages(this.handler);
    this.handler.addEventSource(new SqsEventSource(queue, { batchSize: 1, maxConcurrency: 5, reportBatchItemFailures: true }));

    // The scheduler's own role: it may invoke this function and nothing else, for schedules of this account only.
    const stack = Stack.of(this);
    const schedulerRole = new iam.Role(this, 'SchedulerRole', {
      description: 'chibo-monitor: EventBridge Scheduler invokes evaluate-deadlines',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': stack.formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: 'default' }),
          },
        },
      }),
    });
    Validations.of(schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.handler.node.defaultChild as CfnElement)}.Arn>:*]`,
      reason: 'Written by grantInvoke for the scheduler target: the versions and aliases (<function ARN>:*) of evaluate-deadlines itself, no other function.',
    });

    this.schedule = new scheduler.Schedule(this, 'DailySweep', {
      description: 'Daily deadline sweep at 06:00 Vietnam time',
      schedule: scheduler.ScheduleExpression.cron({ minute: '0', hour: '6', timeZone: TimeZone.ASIA_HO_CHI_MINH }),
      target: new LambdaInvoke(this.handler, {
        role: schedulerRole,
        input: scheduler.ScheduleTargetInput.fromObject(SCHEDULER_INPUT),
        retryAttempts: 3,
        maxEventAge: Duration.hours(2),
      }),
    });
  }
}
