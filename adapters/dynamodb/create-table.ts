/**
 * Creates the table in a local engine and waits until it is ACTIVE: dynalite,
 * like DynamoDB, answers CreateTable while the table is still CREATING and
 * refuses item calls until then (on AWS, CDK creates the table).
 */
import { CreateTableCommand, waitUntilTableExists, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTableInput } from './table-definition.ts';

export async function createTableAndWait(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 0.01, maxDelay: 0.1 }, { TableName: tableName });
}
