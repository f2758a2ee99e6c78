import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

/** A conditional write: its result, or null when its condition did not hold. */
export async function conditional<T>(write: Promise<T>): Promise<T | null> {
  try {
    return await write;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException || (err as Error).name === 'ConditionalCheckFailedException') return null;
    throw err;
  }
}
