/** Vitest global setup of the "integration on DynamoDB Local" project: one JVM for the whole run, stopped at its end. */
import type { TestProject } from 'vitest/node';
import { launchDynamoDbLocal } from './dynamodb-local.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engine = await launchDynamoDbLocal();
  project.provide('dynamoDbLocalEndpoint', engine.endpoint);
  return () => engine.stop();
}
