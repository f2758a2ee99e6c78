/**
 * The real Lambda handlers against dynalite (AWS_ENDPOINT_URL_DYNAMODB), with
 * SNS and SQS mocked: a poison message in a batch is the only one that fails
 * and reaches the dead-letter queue with its reason; the scheduler's call fans
 * out one sweep per province, and a sweep message sweeps.
 */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoOrgStore } from '../../adapters/dynamodb/org-store.ts';
import type { MeetingEvent } from '../../shared/contract/events.ts';
import { buildOrg, exampleEvents, exampleOrgJson } from '../support/builders.ts';
import { startDynamo, type LocalDynamo } from '../support/dynamo.ts';
import { setLambdaEnv } from '../support/lambda-env.ts';

const sns = mockClient(SNSClient);
const sqs = mockClient(SQSClient);
const eventBridge = mockClient(EventBridgeClient);
let dynamo: LocalDynamo;
let onMeetingRecorded: (e: SQSEvent, c: Context) => Promise<{ batchItemFailures: Array<{ itemIdentifier: string }> }>;
let evaluateDeadlines: typeof import('../../functions/evaluate-deadlines/handler.ts')['handler'];
const context = { functionName: 'test', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 30_000 } as unknown as Context;

beforeAll(async () => {
  dynamo = await startDynamo();
  setLambdaEnv(dynamo, {
    REMINDERS_TOPIC_ARN: 'arn:aws:sns:ap-southeast-1:1:reminders',
    VIOLATIONS_TOPIC_ARN: 'arn:aws:sns:ap-southeast-1:1:violations',
    DEAD_LETTER_QUEUE_URL: 'https://sqs/ingestion-dlq',
    SWEEP_QUEUE_URL: 'https://sqs/sweeps',
    RULE_PACKS: 'yb-qd18',
    MONITOR_FROM: '2026-01',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  sns.on(PublishCommand).resolves({ MessageId: 'm' });
  sqs.on(SendMessageCommand).resolves({});
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
  await new DynamoOrgStore(dynamo.db, dynamo.table).replace(buildOrg(exampleOrgJson() as never).snapshot);
  ({ handler: onMeetingRecorded } = await import('../../functions/on-meeting-recorded/handler.ts'));
  ({ handler: evaluateDeadlines } = await import('../../functions/evaluate-deadlines/handler.ts'));
});
afterAll(async () => dynamo.stop());

const record = (id: string, body: string, receiveCount = 1): SQSRecord =>
  ({ messageId: id, body, attributes: { ApproximateReceiveCount: String(receiveCount) }, eventSource: 'aws:sqs', receiptHandle: id }) as unknown as SQSRecord;
const busMessage = (e: MeetingEvent) => JSON.stringify({ version: '0', id: `bus-${e.eventId}`, source: 'chibo.meetings', 'detail-type': e.type, detail: e });

describe('on-meeting-recorded', () => {
  it('a batch with one poison message: the others are applied, the poison goes to the DLQ with its reason', async () => {
    const [a, b] = exampleEvents() as [MeetingEvent, MeetingEvent];
    const poison = JSON.stringify({ source: 'chibo.meetings', 'detail-type': 'MeetingRecorded', detail: { ...a, eventId: 'bad', attendance: [{ memberId: 'TDP2-1', status: 'late' }] } });
    const result = await onMeetingRecorded({ Records: [record('1', busMessage(a)), record('2', poison), record('3', busMessage(b))] }, context);
    expect(result.batchItemFailures).toEqual([]);
    const dead = sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input);
    expect(dead).toHaveLength(1);
    expect(dead[0]!.QueueUrl).toBe('https://sqs/ingestion-dlq');
    expect(dead[0]!.MessageBody).toBe(poison);
    expect(dead[0]!.MessageAttributes!['reason']!.StringValue).toMatch(/^rejected: detail\.attendance\[0\]\.status: /);
    const meetings = (await dynamo.scanAll()).filter((i) => String(i['pk']).startsWith('MEETING#')).map((i) => i['pk']);
    expect(meetings.sort()).toEqual([`MEETING#${a.meetingId}`, `MEETING#${b.meetingId}`].sort());
  });

  it('a failure that may pass is reported for retry, not dead-lettered, until the last delivery', async () => {
    const [a] = exampleEvents() as [MeetingEvent];
    process.env['TABLE_NAME'] = 'no-such-table';
    // The table name is read when the handler module builds its adapters: a fresh import points the store at a missing table.
    vi.resetModules();
    const { handler } = await import('../../functions/on-meeting-recorded/handler.ts');
    process.env['TABLE_NAME'] = dynamo.table;
    sqs.resetHistory();
    const first = await handler({ Records: [record('9', busMessage(a), 1)] }, context);
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: '9' }]);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
    const last = await handler({ Records: [record('9', busMessage(a), 3)] }, context);
    expect(last.batchItemFailures).toEqual([]);
    expect(sqs.commandCalls(SendMessageCommand)[0]!.args[0].input.MessageAttributes!['reason']!.StringValue).toMatch(/^failed 3 times: /);
  });
});

describe('evaluate-deadlines', () => {
  it('the scheduler call fans out one sweep per province; a sweep message sweeps it and notifies', async () => {
    sqs.resetHistory();
    sns.resetHistory();
    const out = await evaluateDeadlines({ source: 'chibo.scheduler' }, context);
    expect(out).toEqual({ provinces: 1 });
    const batch = sqs.commandCalls(SendMessageBatchCommand)[0]!.args[0].input;
    expect(batch.QueueUrl).toBe('https://sqs/sweeps');
    expect(JSON.parse(batch.Entries![0]!.MessageBody!)).toMatchObject({ provinceId: 'LC' });

    const job = JSON.stringify({ provinceId: 'LC', at: '2026-04-04T06:00:00+07:00' });
    const result = (await evaluateDeadlines({ Records: [record('s1', job)] }, context)) as { batchItemFailures: unknown[] };
    expect(result.batchItemFailures).toEqual([]);
    const published = sns.commandCalls(PublishCommand).map((c) => c.args[0].input);
    expect(published.some((p) => p.TopicArn === 'arn:aws:sns:ap-southeast-1:1:violations' && p.MessageAttributes!['recipientId']!.StringValue === 'ubkt:LC.NL')).toBe(true);
  });
});

describe('http-api', () => {
  const apiEvent = (method: string, path: string, body?: unknown, claims?: Record<string, unknown>) =>
    ({
      rawPath: path,
      queryStringParameters: {},
      body: body === undefined ? undefined : JSON.stringify(body),
      isBase64Encoded: false,
      requestContext: { http: { method }, ...(claims ? { authorizer: { jwt: { claims, scopes: [] } } } : {}) },
    }) as never;

  it('turns a JWT-authorised POST /events into PutEvents on the bus, and answers JSON', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    const { handler } = await import('../../functions/http-api/handler.ts');
    const [a] = exampleEvents() as [MeetingEvent];
    const res = await handler(apiEvent('POST', '/events', { ...a, eventId: 'api-1', meetingId: 'api-mt-1' }, { 'custom:units': 'LC', 'cognito:groups': ['recorder'] }));
    expect(res.statusCode).toBe(202);
    expect(res.headers!['content-type']).toContain('application/json');
    expect(JSON.parse(res.body!)).toEqual({ accepted: 1, duplicates: 0 });
    expect(eventBridge.commandCalls(PutEventsCommand)[0]!.args[0].input.Entries![0]).toMatchObject({ EventBusName: 'chibo-meetings', Source: 'chibo.meetings', DetailType: a.type });
    expect((await handler(apiEvent('GET', '/findings'))).statusCode).toBe(401);
  });

  it('an internal failure is a 500 with a JSON error and no stack trace', async () => {
    eventBridge.on(PutEventsCommand).rejects(new Error('secret internals at line 42'));
    const { handler } = await import('../../functions/http-api/handler.ts');
    const [a] = exampleEvents() as [MeetingEvent];
    const res = await handler(apiEvent('POST', '/events', { ...a, eventId: 'api-2', meetingId: 'api-mt-2' }, { 'custom:units': 'LC', 'cognito:groups': ['recorder'] }));
    expect(res.statusCode).toBe(500);
    expect(res.body).toBe('{"error":"internal error"}');
  });
});
