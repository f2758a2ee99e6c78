/** An API Gateway HTTP API (payload 2.0) event as the JWT authorizer passes it on: the path's query split out, the claims flattened to strings. */
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';

export function apiGatewayEvent(method: string, pathAndQuery: string, body: string | undefined, claims: Record<string, string> | null, headers: Record<string, string> = {}): APIGatewayProxyEventV2WithJWTAuthorizer {
  const url = new URL(pathAndQuery, 'https://api.example');
  const query = Object.fromEntries(url.searchParams);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: false,
    requestContext: {
      http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'test' },
      ...(claims ? { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } } } : {}),
    } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'],
  };
}
