/**
 * One queue message, whatever happens: processed; or, when it can never be
 * (it does not parse, its unit is unknown) or its last delivery failed, put
 * in the dead-letter queue with the reason. Anything else fails the message
 * so the queue retries it.
 */
import type { DeadLetters } from '../ports/dead-letters.ts';
import { PermanentError } from './errors.ts';

export async function handleQueueMessage(
  body: string,
  receiveCount: number,
  maxReceives: number,
  process: (body: string) => Promise<void>,
  deadLetters: DeadLetters,
): Promise<'processed' | 'dead-lettered'> {
  try {
    await process(body);
    return 'processed';
  } catch (err) {
    const permanent = err instanceof PermanentError;
    if (!permanent && receiveCount < maxReceives) throw err;
    await deadLetters.send(body, `${permanent ? 'rejected' : `failed ${receiveCount} times`}: ${(err as Error).message}`);
    return 'dead-lettered';
  }
}
