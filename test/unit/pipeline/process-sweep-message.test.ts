/** A sweeps-queue message that can never be a sweep is a PermanentError (dead-lettered at once), naming what is wrong. */
import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../../shared/use-cases/errors.ts';
import { processSweepMessage } from '../../../shared/use-cases/process-sweep-message.ts';

// Never reached: a bad message stops before the store.
const deps = {} as Parameters<typeof processSweepMessage>[1];

describe('processSweepMessage', () => {
  it('a body that is not JSON is permanent (before, a SyntaxError: retried three times for nothing)', async () => {
    await expect(processSweepMessage('{not json', deps)).rejects.toEqual(new PermanentError('the message is not JSON'));
  });

  it('a job without a valid instant is permanent and names the field', async () => {
    const err = await processSweepMessage(JSON.stringify({ provinceId: 'LC', at: 'tomorrow' }), deps).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as Error).message).toMatch(/^not a sweep job: at: /);
  });
});
