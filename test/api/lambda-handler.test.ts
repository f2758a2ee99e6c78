/**
 * functions/http-api/handler.ts: the API Gateway payload 2.0 event → handleRequest → a JSON response.
 * The store is mocked at the SDK; the routes themselves are tested in routes.test.ts.
 */
import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exampleEvents } from '../support/builders.ts';

const db = mockClient(DynamoDBDocumentClient);
let handler: typeof import('../../functions/http-api/handler.ts')['handler'];
const logged: string[] = [];

beforeAll(async () => {
  Object.assign(process.env, { TABLE_NAME: 'chibo', EVENT_BUS_NAME: 'chibo-meetings', AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x', POWERTOOLS_DEV: 'false' });
  ({ handler } = await import('../../functions/http-api/handler.ts'));
  // Powertools writes its JSON lines to stdout and stderr through its own Console.
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
  }
});

afterAll(() => vi.restoreAllMocks());

function apiEvent(method: string, path: string, opts: { body?: string; base64?: boolean; claims?: Record<string, unknown>; query?: Record<string, string> } = {}): APIGatewayProxyEventV2WithJWTAuthorizer {
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: new URLSearchParams(opts.query ?? {}).toString(),
    headers: {},
    ...(opts.query ? { queryStringParameters: opts.query } : {}),
    ...(opts.body === undefined ? {} : { body: opts.base64 ? Buffer.from(opts.body).toString('base64') : opts.body }),
    isBase64Encoded: opts.base64 ?? false,
    requestContext: {
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      ...(opts.claims ? { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: opts.claims as Record<string, string>, scopes: [] } } } : {}),
    } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'],
  };
}
const json = { 'content-type': 'application/json; charset=utf-8' };
const recorder = { sub: 'u-1', 'custom:units': 'LC.NL', 'cognito:groups': '[recorder]' };

describe('http-api handler', () => {
  it('GET /health: 200 JSON without a token', async () => {
    expect(await handler(apiEvent('GET', '/health'))).toEqual({ statusCode: 200, headers: json, body: '{"status":"ok"}' });
  });

  it('no authorizer context, or claims that do not make a caller, is 401', async () => {
    expect(await handler(apiEvent('GET', '/findings'))).toMatchObject({ statusCode: 401, headers: json });
    const refused = await handler(apiEvent('GET', '/findings', { claims: { sub: 'u-2', 'custom:units': 'not an id!', 'cognito:groups': '[admin]' } }));
    expect(refused).toMatchObject({ statusCode: 401 });
    expect(logged.some((l) => l.includes('token claims refused') && l.includes('u-2'))).toBe(true);
  });

  it('reads a base64 body and the claims as API Gateway flattens them', async () => {
    const many = JSON.stringify(Array.from({ length: 501 }, () => exampleEvents()[0]));
    const res = await handler(apiEvent('POST', '/events', { body: many, base64: true, claims: recorder }));
    expect(res).toEqual({ statusCode: 413, headers: json, body: JSON.stringify({ error: 'at most 500 events per request, not 501' }) });
    const bad = await handler(apiEvent('POST', '/events', { body: '{"type":"MeetingRecorded"', claims: recorder }));
    expect(bad).toEqual({ statusCode: 400, headers: json, body: '{"error":"the body is not valid JSON","errors":[{"path":"(root)","message":"invalid JSON (CloseBraceExpected at line 1, column 26)"}]}' });
  });

  it('a failing store is a 500 {"error":"internal error"} with no stack, logged without names or bodies', async () => {
    db.on(BatchGetCommand).rejects(new Error('ProvisionedThroughputExceededException'));
    const event = exampleEvents()[0]!;
    const res = await handler(apiEvent('POST', '/events', { body: JSON.stringify(event), claims: recorder }));
    expect(res).toEqual({ statusCode: 500, headers: json, body: '{"error":"internal error"}' });
    const line = logged.find((l) => l.includes('request failed'))!;
    expect(line).toContain('ProvisionedThroughputExceededException');
    expect(line).not.toContain(event.eventId);
    expect(logged.join('\n')).not.toMatch(/Hoàng Văn Minh|TDP2-1/);
  });
});
