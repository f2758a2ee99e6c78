/**
 * The Lambda handler's logs (Powertools JSON on stdout and stderr, at DEBUG so
 * nothing is left out) hold no member name and no token, whatever the request
 * carried: names in the org and in meeting topics, a Cognito ID token with
 * the user's name, a failing bus (500), a bad name (400), refused claims (401).
 */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamo, type LocalDynamo } from '../support/dynamo.ts';
import { setLambdaEnv } from '../support/lambda-env.ts';
import { apiGatewayEvent } from './api-gateway-event.ts';
import { captureLogs, linesWith } from './capture-logs.ts';
import { claims, memberNames, newMeeting, twoProvinceOrg } from './two-provinces.ts';

let dynamo: LocalDynamo;
let handler: (typeof import('../../functions/http-api/handler.ts'))['handler'];
const eventBridge = mockClient(EventBridgeClient);
const logs = captureLogs();

const NAMES = memberNames();
/** What an ID token looks like on the wire (header.payload.signature); the handler never sees it decoded, only the authorizer's claims. */
const JWT = 'eyJraWQiOiJzZWN1cml0eS10ZXN0In0.eyJzdWIiOiJzZWMtdGVzdCJ9.c2lnbmF0dXJlLW9mLWEtc3RvbGVuLXRva2Vu';
const userClaims = (base: Record<string, string>) => ({ ...base, name: NAMES[0]!, email: 'bithu.tdp2@example.vn' });

async function call(method: string, path: string, body: unknown, who: Record<string, string> | null) {
  const res = await handler(apiGatewayEvent(method, path, body === undefined ? undefined : JSON.stringify(body), who, { authorization: `Bearer ${JWT}` }));
  return res.statusCode;
}

beforeAll(async () => {
  dynamo = await startDynamo();
  setLambdaEnv(dynamo, { POWERTOOLS_LOG_LEVEL: 'DEBUG', POWERTOOLS_DEV: 'false' });
  ({ handler } = await import('../../functions/http-api/handler.ts'));
});
afterAll(async () => {
  logs.stop();
  eventBridge.restore();
  await dynamo?.stop();
});

describe('the Lambda handler’s logs', () => {
  it('name no member and carry no token, on success and on every kind of failure', async () => {
    const national = userClaims(claims('national', 'all'));
    expect(await call('PUT', '/org', twoProvinceOrg(), national)).toBe(200);

    const withNames = (id: string) => ({ ...newMeeting('LC.NL.TDP2', id), topic: `Kiểm điểm đồng chí ${NAMES[0]} và ${NAMES[1]}` });
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'eb-1' }] });
    expect(await call('POST', '/events', withNames('log-ok'), national)).toBe(202);
    eventBridge.on(PutEventsCommand).rejects(new Error('ServiceUnavailable: EventBridge is down'));
    expect(await call('POST', '/events', withNames('log-500'), national)).toBe(500);

    const badName = twoProvinceOrg();
    badName.members[0]!.name = `${badName.members[0]!.name}\u0007`;
    expect(await call('PUT', '/org', badName, national)).toBe(400);

    expect(await call('GET', '/findings', undefined, { ...userClaims({ sub: 'sec-refused' }), 'custom:units': NAMES[2]!, 'cognito:groups': '[admin]' })).toBe(401);
    expect(await call('GET', '/findings?unit=HG', undefined, userClaims(claims('LC', 'inspector')))).toBe(403);
    expect(await call('GET', '/obligations?subject=LC.NL.TDP2', undefined, userClaims(claims('LC', 'recorder')))).toBe(200);

    // The logs were written (so the assertion below could fail): a line per request, the failure and the refusal.
    const text = logs.lines.join('');
    expect(text).toContain('request failed');
    expect(text).toContain('token claims refused');
    expect(text).toContain('sec-refused');
    expect(logs.lines.filter((l) => l.includes('"message":"request"')).length).toBeGreaterThanOrEqual(6);
    expect(linesWith(logs.lines, [...NAMES, JWT, 'bithu.tdp2@example.vn'])).toEqual([]);
  });
});
