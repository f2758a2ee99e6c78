/**
 * The data at rest and in transit, read off the template by resource type (so
 * a resource added later cannot slip past): everything that holds or carries
 * meeting data is under the stack's customer-managed key and refuses requests
 * without TLS; every Allow on Resource "*" is one of a known, justified list.
 * (stack.test.ts checks each named resource; iam.test.ts each role.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { arn, referencedIds, resourcesOfType, type Statement, synthesise, type Synthesised } from './support.ts';

let s: Synthesised;
beforeAll(() => {
  s = synthesise();
}, 60_000);

/** Where each type keeps its key: what "encrypted with the stack's key" reads as in the template. */
const KEY_OF: Record<string, (p: Record<string, any>) => unknown> = {
  'AWS::DynamoDB::Table': (p) => p['SSESpecification']?.KMSMasterKeyId,
  'AWS::SQS::Queue': (p) => p['KmsMasterKeyId'],
  'AWS::SNS::Topic': (p) => p['KmsMasterKeyId'],
  'AWS::Events::EventBus': (p) => p['KmsKeyIdentifier'],
  'AWS::Events::Archive': (p) => p['KmsKeyIdentifier'],
};

describe('at rest: the stack’s customer-managed key', () => {
  it('on the table, the bus and its archive, every queue (dead-letter queues too) and every topic', () => {
    const key = arn(s.id(s.stack.key));
    const counts: Record<string, number> = {};
    for (const [type, keyOf] of Object.entries(KEY_OF)) {
      const resources = resourcesOfType(s, type);
      counts[type] = resources.length;
      for (const [id, r] of resources) expect(keyOf(r.Properties ?? {}), `${type} ${id}`).toEqual(key);
    }
    expect(counts).toEqual({ 'AWS::DynamoDB::Table': 1, 'AWS::SQS::Queue': 8, 'AWS::SNS::Topic': 3, 'AWS::Events::EventBus': 1, 'AWS::Events::Archive': 1 });
  });

  it('the table is encrypted with SSE-KMS explicitly, not the default AWS-owned key', () => {
    for (const [id, t] of resourcesOfType(s, 'AWS::DynamoDB::Table')) expect(t.Properties!['SSESpecification'], id).toMatchObject({ SSEEnabled: true, SSEType: 'KMS' });
  });

  it('the only buckets are the dashboard’s page and its access logs (no data in S3: test/infra/dashboard.test.ts checks their encryption and TLS)', () => {
    expect(resourcesOfType(s, 'AWS::S3::Bucket').map(([id]) => id).sort()).toEqual([s.id(s.stack.dashboard.logBucket), s.id(s.stack.dashboard.bucket)].sort());
  });
});

describe('in transit: TLS only', () => {
  /** The statements of every resource policy of this type that applies to the resource. */
  function policyStatements(policyType: string, targetsKey: string, id: string): Statement[] {
    return resourcesOfType(s, policyType)
      .filter(([, p]) => referencedIds(p.Properties![targetsKey]).has(id))
      .flatMap(([, p]) => p.Properties!['PolicyDocument'].Statement as Statement[]);
  }
  const isTlsDeny = (st: Statement) => st.Effect === 'Deny' && JSON.stringify(st.Condition) === JSON.stringify({ Bool: { 'aws:SecureTransport': 'false' } });
  const everyone = (st: Statement) => st.Principal === '*' || JSON.stringify(st.Principal) === JSON.stringify({ AWS: '*' });

  it('every queue denies every SQS action to everyone without TLS', () => {
    for (const [id] of resourcesOfType(s, 'AWS::SQS::Queue')) {
      const denies = policyStatements('AWS::SQS::QueuePolicy', 'Queues', id).filter(isTlsDeny);
      expect(denies.map((st) => ({ action: st.Action, everyone: everyone(st), resource: st.Resource })), id).toEqual([{ action: 'sqs:*', everyone: true, resource: arn(id) }]);
    }
  });

  it('every topic denies publishing to everyone without TLS', () => {
    for (const [id] of resourcesOfType(s, 'AWS::SNS::Topic')) {
      const denies = policyStatements('AWS::SNS::TopicPolicy', 'Topics', id).filter(isTlsDeny);
      expect(denies.map((st) => ({ action: st.Action, everyone: everyone(st), resource: st.Resource })), id).toEqual([{ action: 'sns:Publish', everyone: true, resource: { Ref: id } }]);
    }
  });

  it('the API is served over HTTPS only (API Gateway HTTP APIs have no plain-HTTP endpoint) and its URL says so', () => {
    const url = JSON.stringify(s.json.Outputs?.['ApiUrl']?.Value);
    expect(url).toContain('https://');
  });
});

describe('who may write and how long things are kept', () => {
  it('the bus has no resource policy: only this account’s IAM principals may put events on it (of the stack’s roles, http-api alone: iam.test.ts)', () => {
    expect(resourcesOfType(s, 'AWS::Events::EventBusPolicy')).toEqual([]);
    for (const [id, bus] of resourcesOfType(s, 'AWS::Events::EventBus')) expect(bus.Properties!['Policy'], id).toBeUndefined();
  });

  it('every log group has a retention: functions 90 days, API access logs a year', () => {
    const days = resourcesOfType(s, 'AWS::Logs::LogGroup').map(([, g]) => g.Properties!['RetentionInDays'] as number).sort((a, b) => a - b);
    expect(days).toEqual([90, 90, 90, 90, 90, 365]);
  });
});

describe('permissions on Resource "*"', () => {
  /** Every Allow statement on Resource "*" in any policy of the template: who, what, where. */
  function allowsOnEverything(): string[] {
    const found: string[] = [];
    for (const [id, r] of Object.entries(s.json.Resources)) {
      const p = r.Properties ?? {};
      for (const doc of [p['PolicyDocument'], p['KeyPolicy']]) {
        for (const st of (doc?.Statement ?? []) as Statement[]) {
          if (st.Effect !== 'Allow' || ![st.Resource].flat().includes('*')) continue;
          const who = st.Principal === undefined ? 'role' : JSON.stringify(st.Principal).includes(':root') ? 'account' : JSON.stringify(st.Principal);
          found.push(`${r.Type === 'AWS::KMS::Key' ? 'key policy' : id.replace(/[0-9A-F]{8}$/, '')} | ${who} | ${[st.Action].flat().sort().join(',')}`);
        }
      }
    }
    return found.sort();
  }

  it('only where AWS requires it, each listed with its reason', () => {
    expect(allowsOnEverything()).toEqual([
      // X-Ray has no resource-level permissions: tracing needs "*".
      'ApiHttpApiHandlerRoleDefaultPolicy | role | xray:PutTelemetryRecords,xray:PutTraceSegments',
      'DeadlinesEvaluateDeadlinesRoleDefaultPolicy | role | xray:PutTelemetryRecords,xray:PutTraceSegments',
      // SMS goes to a phone number, which has no ARN; a Deny of sns:Publish on every SNS ARN beside it (iam.test.ts, delivery.test.ts).
      'DeliveryDeliverNoticesRoleDefaultPolicy | role | sns:Publish',
      'DeliveryDeliverNoticesRoleDefaultPolicy | role | xray:PutTelemetryRecords,xray:PutTraceSegments',
      'DeliverySendDigestsRoleDefaultPolicy | role | sns:Publish',
      'DeliverySendDigestsRoleDefaultPolicy | role | xray:PutTelemetryRecords,xray:PutTraceSegments',
      'IngestionOnMeetingRecordedRoleDefaultPolicy | role | xray:PutTelemetryRecords,xray:PutTraceSegments',
      // In a key policy "*" is the key itself. The account's IAM decides who else may use it (AWS's default key policy).
      'key policy | account | kms:*',
      // CloudWatch alarms publish to the encrypted alarm topic (this account only).
      'key policy | {"Service":"cloudwatch.amazonaws.com"} | kms:Decrypt,kms:GenerateDataKey',
      // EventBridge encrypts the bus and its archive and delivers to the encrypted queue (this account only).
      'key policy | {"Service":"events.amazonaws.com"} | kms:Decrypt,kms:DescribeKey,kms:GenerateDataKey,kms:ReEncrypt*',
      'key policy | {"Service":"events.amazonaws.com"} | kms:Decrypt,kms:Encrypt,kms:GenerateDataKey*,kms:ReEncrypt*',
      // SNS delivers both encrypted topics to the encrypted delivery queue (this account only).
      'key policy | {"Service":"sns.amazonaws.com"} | kms:Decrypt,kms:GenerateDataKey',
    ]);
  });

  it('every service principal on the key is held to this account', () => {
    const policy = s.json.Resources[s.id(s.stack.key)]!.Properties!['KeyPolicy'].Statement as Statement[];
    const services = policy.filter((st) => JSON.stringify(st.Principal).includes('"Service"'));
    expect(services.length).toBeGreaterThan(0);
    for (const st of services) expect(st.Condition, JSON.stringify(st.Principal)).toEqual({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } });
  });

  it('no Allow uses NotAction or NotResource (they grant everything they do not name)', () => {
    const all = Object.values(s.json.Resources).flatMap((r) => [r.Properties?.['PolicyDocument'], r.Properties?.['KeyPolicy']].flatMap((d) => (d?.Statement ?? []) as Array<Record<string, unknown>>));
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((st) => st['Effect'] === 'Allow' && ('NotAction' in st || 'NotResource' in st))).toEqual([]);
  });
});
