/**
 * Isolation through the Lambda handler with Cognito-style claims, on a real
 * DynamoDB engine (dynalite; the handler's SDK client finds it through
 * AWS_ENDPOINT_URL_DYNAMODB). EventBridge has no local engine: its client is
 * mocked so that each put event is recorded through the pipeline's own use
 * case, as the queue's consumer would.
 */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, expect } from 'vitest';
import { pipelineConfig } from '../../shared/use-cases/pipeline-config.ts';
import { MeetingEvent } from '../../shared/contract/events.ts';
import { startDynamo, type LocalDynamo } from '../support/dynamo.ts';
import { setLambdaEnv } from '../support/lambda-env.ts';
import { Pipeline } from '../support/pipeline.ts';
import { apiGatewayEvent } from './api-gateway-event.ts';
import { describeIsolation, type Client } from './isolation-table.ts';
import { AS_OF, claims, ENV, START, twoProvinceEvents, twoProvinceOrg } from './two-provinces.ts';

let dynamo: LocalDynamo;
let handler: (typeof import('../../functions/http-api/handler.ts'))['handler'];
const eventBridge = mockClient(EventBridgeClient);

const client: Client = async (who, method, path, body) => {
  const caller = who === 'nobody' ? null : who === 'national' ? claims('national', 'all') : claims(who.province, who.role);
  const res = await handler(apiGatewayEvent(method, path, body === undefined ? undefined : JSON.stringify(body), caller));
  return { status: res.statusCode ?? 0, body: JSON.parse(String(res.body)) as unknown };
};

beforeAll(async () => {
  dynamo = await startDynamo();
  setLambdaEnv(dynamo);
  ({ handler } = await import('../../functions/http-api/handler.ts'));
  const config = pipelineConfig(ENV);
  const pipeline = new Pipeline(dynamo, config.packs, START, AS_OF, config.everywhere);
  eventBridge.on(PutEventsCommand).callsFake(async (input: { Entries: Array<{ Detail: string }> }) => {
    for (const entry of input.Entries) await pipeline.record(MeetingEvent.parse(JSON.parse(entry.Detail)));
    return { FailedEntryCount: 0, Entries: input.Entries.map((_, i) => ({ EventId: `eb-${i}` })) };
  });
  expect((await client('national', 'PUT', '/org', twoProvinceOrg())).status).toBe(200);
  expect((await client('national', 'POST', '/events', twoProvinceEvents())).status).toBe(202);
  await pipeline.sweep(AS_OF);
});
afterAll(async () => {
  eventBridge.restore();
  await dynamo?.stop();
});

describeIsolation('lambda', () => client);
