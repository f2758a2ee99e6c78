/**
 * Delivery on AWS, read off the template: the delivery queue subscribed to
 * both topics (envelope kept) with its DLQ, the digest queue and its DLQ,
 * the 07:00 Asia/Ho_Chi_Minh schedule, alarms on both DLQs; least privilege:
 * ses:SendEmail on the configured identity only, sns:Publish to phone
 * numbers only (every SNS ARN denied); the ZNS token secret only when ZNS is
 * configured; and cdk-nag still clean with every delivery setting given.
 */
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assemble } from '../../infra/assemble.ts';
import type { ChiboFunction } from '../../infra/chibo-function.ts';
import { deliverySettings } from '../../infra/settings.ts';
import { actionsOf, arn, ref, referencedIds, resourcesOfType, type Statement, synthesise, type Synthesised } from './support.ts';

const CONTEXT = {
  mailFrom: 'Chibo <chibo@thongbao.example.vn>',
  sesConfigurationSet: 'chibo-events',
  smsSenderId: 'CHIBO',
  znsUrl: 'https://business.openapi.zalo.me/message/template',
  znsTokenSecret: 'chibo/zns-token',
  znsTemplates: { reminder: '301234', violation: '301235' },
};

let bare: Synthesised;
let full: Synthesised;
beforeAll(() => {
  bare = synthesise();
  full = synthesise({ context: CONTEXT });
});

function roleStatements(s: Synthesised, fn: ChiboFunction): Statement[] {
  const roleId = s.id(fn.role as IConstruct);
  return resourcesOfType(s, 'AWS::IAM::Policy')
    .filter(([, p]) => referencedIds(p.Properties!['Roles']).has(roleId))
    .flatMap(([, p]) => p.Properties!['PolicyDocument'].Statement as Statement[]);
}
const withAction = (statements: Statement[], prefix: string) => statements.filter((st) => actionsOf(st).some((a) => a.startsWith(prefix)));
const identityArn = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ses:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:identity/${name}`]] });
const fns = (s: Synthesised) => [s.stack.delivery.handler, s.stack.delivery.digestHandler];

describe('the delivery queue', () => {
  it('is subscribed to both topics, the SNS envelope kept (no raw delivery), and SNS may send to it from those topics only', () => {
    const subs = resourcesOfType(bare, 'AWS::SNS::Subscription').map(([, r]) => r.Properties!);
    expect(subs).toHaveLength(2);
    const queue = arn(bare.id(bare.stack.delivery.queue));
    const topics = [bare.stack.notifications.reminders, bare.stack.notifications.violations].map((t) => ref(bare.id(t)));
    expect(subs.map((p) => p['TopicArn'])).toEqual(expect.arrayContaining(topics));
    for (const p of subs) expect(p).toMatchObject({ Protocol: 'sqs', Endpoint: queue, RawMessageDelivery: false });
    const policy = resourcesOfType(bare, 'AWS::SQS::QueuePolicy').find(([, p]) => referencedIds(p.Properties!['Queues']).has(bare.id(bare.stack.delivery.queue)))!;
    const allow = (policy[1].Properties!['PolicyDocument'].Statement as Statement[]).filter((st) => st.Effect === 'Allow');
    expect(allow).toEqual([
      expect.objectContaining({ Action: 'sqs:SendMessage', Principal: { Service: 'sns.amazonaws.com' }, Resource: queue, Condition: { ArnEquals: { 'aws:SourceArn': topics } } }),
    ]);
  });

  it('SNS may use the key for it for this account only (the key policy names no topic: no cycle)', () => {
    const key = bare.json.Resources[bare.id(bare.stack.key)]!.Properties!['KeyPolicy'].Statement as Statement[];
    expect(key.filter((st) => JSON.stringify(st.Principal).includes('sns.amazonaws.com'))).toEqual([
      expect.objectContaining({ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } }),
    ]);
  });

  it('redrives to its DLQ after 3 receives, outlasts the function 6 times over, and is consumed with partial batch failures', () => {
    for (const [queue, dlq, fn] of [
      [bare.stack.delivery.queue, bare.stack.delivery.deadLetterQueue, bare.stack.delivery.handler],
      [bare.stack.delivery.digestQueue, bare.stack.delivery.digestDeadLetterQueue, bare.stack.delivery.digestHandler],
    ] as const) {
      const q = bare.json.Resources[bare.id(queue)]!.Properties!;
      expect(q['RedrivePolicy']).toEqual({ deadLetterTargetArn: arn(bare.id(dlq)), maxReceiveCount: 3 });
      expect(q['KmsMasterKeyId']).toEqual(arn(bare.id(bare.stack.key)));
      expect(q['VisibilityTimeout']).toBeGreaterThanOrEqual(6 * bare.json.Resources[bare.id(fn)]!.Properties!['Timeout']);
      bare.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { EventSourceArn: arn(bare.id(queue)), FunctionName: ref(bare.id(fn)), FunctionResponseTypes: ['ReportBatchItemFailures'] });
    }
  });

  it('each DLQ has an alarm on any message in it, to the ops topic', () => {
    const alarms = resourcesOfType(bare, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties!);
    for (const dlq of [bare.stack.delivery.deadLetterQueue, bare.stack.delivery.digestDeadLetterQueue]) {
      expect(alarms).toContainEqual(
        expect.objectContaining({
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [bare.id(dlq), 'QueueName'] } }],
          Threshold: 0,
          ComparisonOperator: 'GreaterThanThreshold',
          AlarmActions: [ref(bare.id(bare.stack.observability.alarmTopic))],
        }),
      );
    }
  });
});

describe('the digests', () => {
  it('run daily at 07:00 in Asia/Ho_Chi_Minh, an hour after the sweep, invoking send-digests with {"source":"chibo.scheduler"}', () => {
    const p = bare.json.Resources[bare.id(bare.stack.delivery.schedule)]!.Properties!;
    expect(p['ScheduleExpression']).toBe('cron(0 7 * * ? *)');
    expect(p['ScheduleExpressionTimezone']).toBe('Asia/Ho_Chi_Minh');
    expect(p['Target'].Arn).toEqual(arn(bare.id(bare.stack.delivery.digestHandler)));
    expect(JSON.parse(p['Target'].Input)).toEqual({ source: 'chibo.scheduler' });
    const sweep = bare.json.Resources[bare.id(bare.stack.deadlines.schedule)]!.Properties!;
    expect(sweep['ScheduleExpression']).toBe('cron(0 6 * * ? *)');
  });

  it('send-digests may send to and consume its own queue, and dead-letter to its own DLQ', () => {
    const env = bare.json.Resources[bare.id(bare.stack.delivery.digestHandler)]!.Properties!['Environment'].Variables;
    expect(env).toMatchObject({ DIGEST_QUEUE_URL: ref(bare.id(bare.stack.delivery.digestQueue)), DEAD_LETTER_QUEUE_URL: ref(bare.id(bare.stack.delivery.digestDeadLetterQueue)), MAX_RECEIVES: '3' });
    const sqs = withAction(roleStatements(bare, bare.stack.delivery.digestHandler), 'sqs:');
    expect(resourcesOfTypeIds(sqs)).toEqual(new Set([bare.id(bare.stack.delivery.digestQueue), bare.id(bare.stack.delivery.digestDeadLetterQueue)]));
  });
});
const resourcesOfTypeIds = (statements: Statement[]) => referencedIds(statements.map((st) => st.Resource));

describe('least privilege', () => {
  it('without mailFrom: no SES permission at all, and no MAIL_FROM', () => {
    for (const fn of fns(bare)) {
      expect(withAction(roleStatements(bare, fn), 'ses:')).toEqual([]);
      expect(bare.json.Resources[bare.id(fn)]!.Properties!['Environment'].Variables).not.toHaveProperty('MAIL_FROM');
    }
  });

  it('ses:SendEmail alone, on the From domain\'s identity and the configuration set, nothing else of SES', () => {
    for (const fn of fns(full)) {
      expect(withAction(roleStatements(full, fn), 'ses:')).toEqual([
        {
          Sid: 'SendEmailAsTheIdentity',
          Effect: 'Allow',
          Action: 'ses:SendEmail',
          // In the order CDK's policy minimisation sorts them.
          Resource: [
            { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ses:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':configuration-set/chibo-events']] },
            identityArn('thongbao.example.vn'),
          ],
        },
      ]);
    }
  });

  it('sesIdentity names the identity when it is not the From\'s domain; sandbox recipients are added by name', () => {
    const s = synthesise({ context: { mailFrom: 'chibo@thongbao.example.vn', sesIdentity: 'chibo@thongbao.example.vn', sesSandboxRecipients: 'tester@example.vn, ubkt@example.vn' } });
    const [st] = withAction(roleStatements(s, s.stack.delivery.handler), 'ses:');
    expect(st!.Resource).toEqual([identityArn('chibo@thongbao.example.vn'), identityArn('tester@example.vn'), identityArn('ubkt@example.vn')]);
  });

  it('sns:Publish only to phone numbers: an Allow on "*" and a Deny on every SNS ARN; no topic named', () => {
    for (const s of [bare, full]) {
      for (const fn of fns(s)) {
        const statements = withAction(roleStatements(s, fn), 'sns:');
        expect(statements).toEqual([
          { Sid: 'PublishSmsToPhoneNumbers', Effect: 'Allow', Action: 'sns:Publish', Resource: '*' },
          { Sid: 'NoPublishToAnySnsResource', Effect: 'Deny', Action: 'sns:Publish', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sns:*:*:*']] } },
        ]);
        const topicIds = [s.stack.notifications.reminders, s.stack.notifications.violations].map((t) => s.id(t));
        for (const id of topicIds) expect(referencedIds(roleStatements(s, fn)).has(id)).toBe(false);
      }
    }
  });

  it('item access on the table and use of the key; no other function\'s queue', () => {
    const table = bare.id(bare.stack.ledger.table);
    const statements = roleStatements(bare, bare.stack.delivery.handler);
    expect(resourcesOfTypeIds(withAction(statements, 'dynamodb:')).has(table)).toBe(true);
    expect(resourcesOfTypeIds(withAction(statements, 'kms:'))).toEqual(new Set([bare.id(bare.stack.key)]));
    expect(resourcesOfTypeIds(withAction(statements, 'sqs:'))).toEqual(new Set([bare.id(bare.stack.delivery.queue), bare.id(bare.stack.delivery.deadLetterQueue)]));
  });

  it('without ZNS: no secret, no extension layer; with it: the one secret by name and the layer', () => {
    for (const fn of fns(bare)) {
      expect(withAction(roleStatements(bare, fn), 'secretsmanager:')).toEqual([]);
      expect(bare.json.Resources[bare.id(fn)]!.Properties!['Layers']).toBeUndefined();
    }
    for (const fn of fns(full)) {
      const secrets = withAction(roleStatements(full, fn), 'secretsmanager:');
      expect(secrets).toHaveLength(1);
      expect(JSON.stringify(secrets[0]!.Resource)).toContain(':secret:chibo/zns-token-??????');
      expect(full.json.Resources[full.id(fn)]!.Properties!['Layers']).toHaveLength(1);
    }
  });
});

describe('the delivery functions\' environment', () => {
  it('the settings as the handlers read them; e-mails link to the dashboard unless publicUrl is given', () => {
    const env = full.json.Resources[full.id(full.stack.delivery.handler)]!.Properties!['Environment'].Variables;
    expect(env).toMatchObject({
      TABLE_NAME: ref(full.id(full.stack.ledger.table)),
      DEAD_LETTER_QUEUE_URL: ref(full.id(full.stack.delivery.deadLetterQueue)),
      MAX_RECEIVES: '3',
      MAIL_FROM: 'Chibo <chibo@thongbao.example.vn>',
      SES_CONFIGURATION_SET: 'chibo-events',
      SMS_SENDER_ID: 'CHIBO',
      CHIBO_ZNS_URL: CONTEXT.znsUrl,
      CHIBO_ZNS_TOKEN_SECRET: 'chibo/zns-token',
      CHIBO_ZNS_TEMPLATES: JSON.stringify(CONTEXT.znsTemplates),
    });
    expect(JSON.stringify(env['CHIBO_PUBLIC_URL'])).toContain(full.id(full.stack.dashboard.distribution));
    expect(env).not.toHaveProperty('CHIBO_ZNS_TOKEN');
    const other = synthesise({ context: { publicUrl: 'https://chibo.example.vn' } });
    expect(other.json.Resources[other.id(other.stack.delivery.handler)]!.Properties!['Environment'].Variables['CHIBO_PUBLIC_URL']).toBe('https://chibo.example.vn');
  });

  it('znsUrl without znsTokenSecret is refused at synthesis, naming the setting', () => {
    expect(() => synthesise({ context: { znsUrl: CONTEXT.znsUrl } })).toThrow(/znsTokenSecret/);
    expect(deliverySettings({ tryGetContext: (k: string) => ({ mailFrom: 'a@b.vn' })[k] } as never)).toEqual({ mailFrom: 'a@b.vn', sesIdentity: 'b.vn' });
  });
});

describe('the routes and cdk-nag', () => {
  it('PUT /contacts, GET /contacts and GET /deliveries go to the http-api function behind the JWT authorizer', () => {
    const routes = resourcesOfType(bare, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties!);
    for (const key of ['PUT /contacts', 'GET /contacts', 'GET /deliveries']) expect(routes).toContainEqual(expect.objectContaining({ RouteKey: key, AuthorizationType: 'JWT' }));
  });

  it('finds nothing unacknowledged with every delivery setting given', () => {
    const { app } = assemble({ bundle: false, nag: false, context: CONTEXT });
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(app);
    expect(report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });
});
