/** The environment a Lambda handler reads, pointed at a test's local DynamoDB: set before the handler module is imported. */
import type { LocalDynamo } from './dynamo.ts';

export function setLambdaEnv(dynamo: LocalDynamo, extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_REGION: 'ap-southeast-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    TABLE_NAME: dynamo.table,
    EVENT_BUS_NAME: 'chibo-meetings',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    ...extra,
  });
}
