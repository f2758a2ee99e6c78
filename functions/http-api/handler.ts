/** API Gateway HTTP API (JWT authorizer, payload 2.0) → the API of DESIGN.md. */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { documentClient, dynamoPorts } from '../../adapters/dynamodb/dynamo-ports.ts';
import { EventBridgeBus } from '../../adapters/eventbridge/eventbridge-bus.ts';
import { handleRequest } from '../../shared/api/handle-request.ts';
import type { ApiDeps } from '../../shared/api/api-types.ts';
import { callerFromClaims } from '../../shared/auth/caller.ts';
import { pipelineConfig } from '../../shared/use-cases/pipeline-config.ts';
import { requiredEnv } from '../wiring/config.ts';
import { logger } from '../wiring/observability.ts';

let deps: ApiDeps | undefined;
function dependencies(): ApiDeps {
  if (deps) return deps;
  const { orgStore, ledger, reports, decisions, contacts, deliveries } = dynamoPorts(documentClient(new DynamoDBClient({})), requiredEnv('TABLE_NAME'));
  return (deps = { orgStore, ledger, reports, decisions, contacts, deliveries, bus: new EventBridgeBus(new EventBridgeClient({}), requiredEnv('EVENT_BUS_NAME')), config: pipelineConfig(process.env), now: Date.now });
}

export const handler = async (event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<APIGatewayProxyStructuredResultV2> => {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  const caller = claims ? callerFromClaims(claims) : null;
  if (claims && !caller) logger.warn('token claims refused: custom:units or cognito:groups malformed', { sub: claims['sub'] });
  const request = {
    method: event.requestContext.http.method,
    path: event.rawPath,
    query: event.queryStringParameters ?? {},
    body: event.body === undefined ? undefined : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body,
    caller,
  };
  try {
    const response = await handleRequest(request, dependencies());
    logger.info('request', { method: request.method, path: request.path, status: response.status });
    return { statusCode: response.status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(response.body) };
  } catch (err) {
    // Never a stack trace to the caller; the log has it (ids only, no names).
    logger.error('request failed', { method: request.method, path: request.path, error: err as Error });
    return { statusCode: 500, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ error: 'internal error' }) };
  }
};
