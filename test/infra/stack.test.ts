/**
 * The synthesised template of ChiboMonitorStack: every resource of issue 3
 * with its key properties. Synthesised once, without bundling.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTableInput, TABLE } from '../../adapters/dynamodb/table-definition.ts';
import { settingsEnvironment } from '../../infra/settings.ts';
import { arn, ref, resourcesOfType, synthesise, type Synthesised } from './support.ts';

let s: Synthesised;
beforeAll(() => {
  s = synthesise();
});

describe('Ledger: the DynamoDB table', () => {
  it('is the table of adapters/dynamodb/table-definition.ts: keys, TTL and both GSIs', () => {
    const local = createTableInput('any');
    const tables = resourcesOfType(s, 'AWS::DynamoDB::Table');
    expect(tables).toHaveLength(1);
    const props = tables[0]![1].Properties!;
    expect(props['KeySchema']).toEqual(local.KeySchema);
    expect(new Set(props['AttributeDefinitions'])).toEqual(new Set(local.AttributeDefinitions));
    expect(props['GlobalSecondaryIndexes']).toEqual(local.GlobalSecondaryIndexes);
    expect(props['GlobalSecondaryIndexes'].map((i: { IndexName: string }) => i.IndexName)).toEqual(
      Object.values(TABLE.indexes).map((i) => i.indexName),
    );
    expect(props['TimeToLiveSpecification']).toEqual({ AttributeName: TABLE.timeToLiveAttribute, Enabled: true });
  });

  it('is on demand, with point-in-time recovery, encrypted with the customer-managed key, retained', () => {
    s.template.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: arn(s.id(s.stack.key)) },
        DeletionProtectionEnabled: true,
      }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });
});

describe('the customer-managed key', () => {
  it('is the only key, rotates, and is retained', () => {
    s.template.resourceCountIs('AWS::KMS::Key', 1);
    s.template.hasResource('AWS::KMS::Key', {
      Properties: Match.objectLike({ EnableKeyRotation: true }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });
});

describe('Ingestion: bus, archive, rule, queue, dead letters', () => {
  it('the bus has an archive of its meeting events, kept 365 days', () => {
    s.template.resourceCountIs('AWS::Events::EventBus', 1);
    s.template.hasResourceProperties('AWS::Events::Archive', {
      SourceArn: arn(s.id(s.stack.ingestion.bus)),
      RetentionDays: 365,
      EventPattern: { source: ['chibo.meetings'] },
    });
  });

  it('a rule sends MeetingRecorded and MeetingRetracted of source chibo.meetings to the queue; undeliverable ones to its DLQ', () => {
    s.template.resourceCountIs('AWS::Events::Rule', 1);
    s.template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: ref(s.id(s.stack.ingestion.bus)),
      EventPattern: { source: ['chibo.meetings'], 'detail-type': ['MeetingRecorded', 'MeetingRetracted'] },
      Targets: [
        Match.objectLike({
          Arn: arn(s.id(s.stack.ingestion.queue)),
          DeadLetterConfig: { Arn: arn(s.id(s.stack.ingestion.deadLetterQueue)) },
        }),
      ],
    });
  });

  it('the meeting queue redrives to its DLQ after 3 receives and outlasts the function 6 times over', () => {
    const queue = s.json.Resources[s.id(s.stack.ingestion.queue)]!.Properties!;
    expect(queue['RedrivePolicy']).toEqual({ deadLetterTargetArn: arn(s.id(s.stack.ingestion.deadLetterQueue)), maxReceiveCount: 3 });
    const fn = s.json.Resources[s.id(s.stack.ingestion.handler)]!.Properties!;
    expect(queue['VisibilityTimeout']).toBeGreaterThanOrEqual(6 * fn['Timeout']);
  });

  it('on-meeting-recorded consumes the queue in small batches with partial batch failures', () => {
    s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: arn(s.id(s.stack.ingestion.queue)),
      FunctionName: ref(s.id(s.stack.ingestion.handler)),
      BatchSize: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });
});

describe('Deadlines: schedule and sweep queue', () => {
  it('the scheduler runs daily at 06:00 in Asia/Ho_Chi_Minh and invokes evaluate-deadlines with {"source":"chibo.scheduler"}', () => {
    const schedules = resourcesOfType(s, 'AWS::Scheduler::Schedule');
    // The other is the 07:00 digests' (delivery.test.ts).
    expect(schedules).toHaveLength(2);
    const props = s.json.Resources[s.id(s.stack.deadlines.schedule)]!.Properties!;
    expect(props['ScheduleExpression']).toBe('cron(0 6 * * ? *)');
    expect(props['ScheduleExpressionTimezone']).toBe('Asia/Ho_Chi_Minh');
    expect(props['FlexibleTimeWindow']).toEqual({ Mode: 'OFF' });
    expect(props['Target'].Arn).toEqual(arn(s.id(s.stack.deadlines.handler)));
    expect(JSON.parse(props['Target'].Input)).toEqual({ source: 'chibo.scheduler' });
  });

  it('the sweep queue redrives to its DLQ after 3 receives; evaluate-deadlines consumes it one province at a time', () => {
    const queue = s.json.Resources[s.id(s.stack.deadlines.queue)]!.Properties!;
    expect(queue['RedrivePolicy']).toEqual({ deadLetterTargetArn: arn(s.id(s.stack.deadlines.deadLetterQueue)), maxReceiveCount: 3 });
    const fn = s.json.Resources[s.id(s.stack.deadlines.handler)]!.Properties!;
    expect(queue['VisibilityTimeout']).toBeGreaterThanOrEqual(6 * fn['Timeout']);
    s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: arn(s.id(s.stack.deadlines.queue)),
      FunctionName: ref(s.id(s.stack.deadlines.handler)),
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('exactly four event source mappings (meetings, sweeps, notices, digests), all reporting batch item failures', () => {
    const mappings = resourcesOfType(s, 'AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(4);
    for (const [, m] of mappings) expect(m.Properties!['FunctionResponseTypes']).toEqual(['ReportBatchItemFailures']);
  });
});

describe('queues', () => {
  it('all eight queues (meetings, sweeps, notices, digests and their DLQs) are encrypted with the customer-managed key and refuse requests without TLS', () => {
    const queues = resourcesOfType(s, 'AWS::SQS::Queue');
    expect(queues).toHaveLength(8);
    for (const [id, q] of queues) {
      expect(q.Properties!['KmsMasterKeyId'], id).toEqual(arn(s.id(s.stack.key)));
      s.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(id)],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } }, Resource: arn(id) }),
          ]),
        },
      });
    }
  });
});

describe('Notifications: topics', () => {
  it('reminders and violations (and the ops alarm topic) are encrypted with the customer-managed key and TLS only', () => {
    const topics = [s.stack.notifications.reminders, s.stack.notifications.violations, s.stack.observability.alarmTopic];
    s.template.resourceCountIs('AWS::SNS::Topic', topics.length);
    for (const topic of topics) {
      expect(s.json.Resources[s.id(topic)]!.Properties!['KmsMasterKeyId']).toEqual(arn(s.id(s.stack.key)));
      s.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [ref(s.id(topic))],
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
    }
  });
});

describe('functions', () => {
  const fns = () => ({
    'http-api': s.stack.api.handler,
    'on-meeting-recorded': s.stack.ingestion.handler,
    'evaluate-deadlines': s.stack.deadlines.handler,
  });

  it('five functions, all nodejs22.x on arm64 with active tracing and the Powertools settings', () => {
    const functions = resourcesOfType(s, 'AWS::Lambda::Function');
    expect(functions).toHaveLength(5);
    for (const [id, f] of functions) {
      const p = f.Properties!;
      expect(p['Runtime'], id).toBe('nodejs22.x');
      expect(p['Architectures'], id).toEqual(['arm64']);
      expect(p['TracingConfig'], id).toEqual({ Mode: 'Active' });
      expect(p['Handler'], id).toBe('index.handler');
      expect(p['Environment'].Variables, id).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'chibo-monitor',
        POWERTOOLS_METRICS_NAMESPACE: 'ChiboMonitor',
        NODE_OPTIONS: '--enable-source-maps',
      });
      // Its own log group, with a retention.
      const logGroupId = p['LoggingConfig'].LogGroup.Ref as string;
      expect(s.json.Resources[logGroupId]!.Properties!['RetentionInDays'], id).toBeGreaterThan(0);
    }
  });

  it('each function gets exactly the environment its handler reads', () => {
    const env = (name: keyof ReturnType<typeof fns>) => s.json.Resources[s.id(fns()[name])]!.Properties!['Environment'].Variables;
    const table = ref(s.id(s.stack.ledger.table));
    const reminders = ref(s.id(s.stack.notifications.reminders));
    const violations = ref(s.id(s.stack.notifications.violations));
    expect(env('http-api')).toMatchObject({ TABLE_NAME: table, EVENT_BUS_NAME: ref(s.id(s.stack.ingestion.bus)) });
    expect(env('on-meeting-recorded')).toMatchObject({
      TABLE_NAME: table,
      REMINDERS_TOPIC_ARN: reminders,
      VIOLATIONS_TOPIC_ARN: violations,
      DEAD_LETTER_QUEUE_URL: ref(s.id(s.stack.ingestion.deadLetterQueue)),
      MAX_RECEIVES: '3',
    });
    expect(env('evaluate-deadlines')).toMatchObject({
      TABLE_NAME: table,
      SWEEP_QUEUE_URL: ref(s.id(s.stack.deadlines.queue)),
      REMINDERS_TOPIC_ARN: reminders,
      VIOLATIONS_TOPIC_ARN: violations,
      DEAD_LETTER_QUEUE_URL: ref(s.id(s.stack.deadlines.deadLetterQueue)),
      MAX_RECEIVES: '3',
    });
    for (const name of ['on-meeting-recorded', 'http-api'] as const) expect(env(name)).not.toHaveProperty('SWEEP_QUEUE_URL');
    expect(env('http-api')).not.toHaveProperty('REMINDERS_TOPIC_ARN');
  });

  it('rule packs and the first month come from the CDK context when set', () => {
    expect(settingsEnvironment({})).toEqual({});
    expect(settingsEnvironment({ rulePacks: 'yb-qd18', monitorFrom: '2026-01' })).toEqual({ RULE_PACKS: 'yb-qd18', MONITOR_FROM: '2026-01' });
  });
});

describe('Api: HTTP API, JWT authorizer, Cognito', () => {
  it('has exactly the routes of DESIGN.md and GET /report, all to the http-api function', () => {
    const routes = resourcesOfType(s, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties!['RouteKey']);
    expect(routes.sort()).toEqual([
      'GET /cells',
      'GET /contacts',
      'GET /deliveries',
      'GET /findings',
      'GET /health',
      'GET /heatmap',
      'GET /meetings',
      'GET /obligations',
      'GET /quality-sheets',
      'GET /report',
      'GET /rules',
      'GET /units/{id}/members',
      'POST /decisions',
      'POST /events',
      'POST /events/preview',
      'PUT /contacts',
      'PUT /org',
    ]);
    s.template.resourceCountIs('AWS::ApiGatewayV2::Integration', 1);
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: arn(s.id(s.stack.api.handler)),
      PayloadFormatVersion: '2.0',
    });
  });

  it('every route but GET /health requires a JWT from the stack user pool app client', () => {
    const authorizers = resourcesOfType(s, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizers).toHaveLength(1);
    const [authorizerId, authorizer] = authorizers[0]!;
    expect(authorizer.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [ref(s.id(s.stack.api.userPoolClient))] },
    });
    expect(JSON.stringify(authorizer.Properties!['JwtConfiguration'].Issuer)).toContain(s.id(s.stack.api.userPool));
    for (const [, r] of resourcesOfType(s, 'AWS::ApiGatewayV2::Route')) {
      const p = r.Properties!;
      if (p['RouteKey'] === 'GET /health') expect(p['AuthorizationType']).toBe('NONE');
      else expect(p, p['RouteKey']).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: ref(authorizerId) });
    }
  });

  it('the $default stage writes access logs to a log group with a retention', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('\\$context\\.requestId') },
    });
  });

  it('the user pool: admin-created users, a units custom attribute, groups recorder/inspector/admin', () => {
    s.template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Schema: Match.arrayWith([Match.objectLike({ Name: 'units', AttributeDataType: 'String', Mutable: true })]),
    });
    const groups = resourcesOfType(s, 'AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties!['GroupName']);
    expect(groups.sort()).toEqual(['admin', 'inspector', 'recorder']);
  });

  it('the app client reads custom:units but cannot write it (a user never widens their own scope)', () => {
    const clients = resourcesOfType(s, 'AWS::Cognito::UserPoolClient');
    expect(clients).toHaveLength(1);
    const p = clients[0]![1].Properties!;
    expect(p['ReadAttributes']).toContain('custom:units');
    expect(p['WriteAttributes']).not.toContain('custom:units');
    expect(p['GenerateSecret']).toBe(false);
  });
});

describe('Observability: alarms', () => {
  it('thirteen alarms: four DLQ depths, five function error counts, four ages of the oldest message (delivery.test.ts checks the delivery ones)', () => {
    const alarms = resourcesOfType(s, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties!);
    expect(alarms).toHaveLength(13);
    const byMetric = (name: string) => alarms.filter((a) => a['MetricName'] === name);
    expect(byMetric('ApproximateNumberOfMessagesVisible')).toHaveLength(4);
    expect(byMetric('Errors')).toHaveLength(5);
    expect(byMetric('ApproximateAgeOfOldestMessage')).toHaveLength(4);

    const dimension = (a: Record<string, any>) => a['Dimensions'][0].Value;
    expect(byMetric('ApproximateNumberOfMessagesVisible').map(dimension)).toEqual(
      expect.arrayContaining([
        { 'Fn::GetAtt': [s.id(s.stack.ingestion.deadLetterQueue), 'QueueName'] },
        { 'Fn::GetAtt': [s.id(s.stack.deadlines.deadLetterQueue), 'QueueName'] },
      ]),
    );
    for (const a of byMetric('ApproximateNumberOfMessagesVisible')) expect(a).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    expect(byMetric('Errors').map(dimension)).toEqual(
      expect.arrayContaining([s.stack.api.handler, s.stack.ingestion.handler, s.stack.deadlines.handler].map((f) => ref(s.id(f)))),
    );
    expect(byMetric('ApproximateAgeOfOldestMessage').map(dimension)).toEqual(
      expect.arrayContaining([s.stack.ingestion.queue, s.stack.deadlines.queue].map((q) => ({ 'Fn::GetAtt': [s.id(q), 'QueueName'] }))),
    );
    for (const a of alarms) {
      expect(a['AlarmActions']).toEqual([ref(s.id(s.stack.observability.alarmTopic))]);
      expect(a['AlarmName']).toMatch(/^ChiboMonitorStack-[A-Za-z]+Alarm$/);
    }
    expect(alarms.map((a) => a['AlarmName']).sort()).toEqual(
      [
        'DeliverNoticesErrorsAlarm',
        'DeliveryQueueDeadLettersAlarm',
        'DeliveryQueueOldestMessageAlarm',
        'DigestQueueDeadLettersAlarm',
        'DigestQueueOldestMessageAlarm',
        'EvaluateDeadlinesErrorsAlarm',
        'HttpApiErrorsAlarm',
        'MeetingQueueDeadLettersAlarm',
        'MeetingQueueOldestMessageAlarm',
        'OnMeetingRecordedErrorsAlarm',
        'SendDigestsErrorsAlarm',
        'SweepQueueDeadLettersAlarm',
        'SweepQueueOldestMessageAlarm',
      ].map((n) => `ChiboMonitorStack-${n}`),
    );
  });

  it('CloudWatch may publish to the encrypted alarm topic', () => {
    s.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [ref(s.id(s.stack.observability.alarmTopic))],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Allow', Action: 'sns:Publish', Principal: { Service: 'cloudwatch.amazonaws.com' } }),
        ]),
      },
    });
    s.template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});

describe('outputs', () => {
  it('gives ops the API URL, the user pool and client ids, the topic ARNs and what the runbooks need', () => {
    expect(Object.keys(s.json.Outputs ?? {})).toEqual(
      expect.arrayContaining([
        'ApiUrl',
        'UserPoolId',
        'UserPoolClientId',
        'RemindersTopicArn',
        'ViolationsTopicArn',
        'AlarmTopicArn',
        'EventBusArn',
        'ArchiveArn',
        'MeetingRuleArn',
        'MeetingQueueArn',
        'SweepQueueArn',
        'OnMeetingRecordedLogGroup',
        'EvaluateDeadlinesLogGroup',
        'HttpApiLogGroup',
        'MeetingDeadLetterQueueArn',
        'SweepDeadLetterQueueArn',
        'MeetingDeadLetterQueueUrl',
        'SweepDeadLetterQueueUrl',
        'EvaluateDeadlinesFunctionName',
      ]),
    );
  });
});
