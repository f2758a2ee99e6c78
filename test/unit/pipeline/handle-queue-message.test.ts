import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../../shared/use-cases/errors.ts';
import { handleQueueMessage } from '../../../shared/use-cases/handle-queue-message.ts';

function deadLetters() {
  const sent: Array<{ body: string; reason: string }> = [];
  return { sent, send: async (body: string, reason: string) => void sent.push({ body, reason }) };
}

describe('handleQueueMessage', () => {
  it('a message that processes is not dead-lettered', async () => {
    const dl = deadLetters();
    expect(await handleQueueMessage('{}', 1, 3, async () => {}, dl)).toBe('processed');
    expect(dl.sent).toEqual([]);
  });

  it('a message that can never be processed goes to the dead-letter queue at once, with the reason', async () => {
    const dl = deadLetters();
    const result = await handleQueueMessage('not json', 1, 3, async () => { throw new PermanentError('the message is not JSON'); }, dl);
    expect(result).toBe('dead-lettered');
    expect(dl.sent).toEqual([{ body: 'not json', reason: 'rejected: the message is not JSON' }]);
  });

  it('a transient failure is retried by the queue until the last delivery, then dead-lettered with the reason', async () => {
    const dl = deadLetters();
    const failing = async () => { throw new Error('ProvisionedThroughputExceeded'); };
    await expect(handleQueueMessage('{"a":1}', 2, 3, failing, dl)).rejects.toThrow('ProvisionedThroughputExceeded');
    expect(dl.sent).toEqual([]);
    expect(await handleQueueMessage('{"a":1}', 3, 3, failing, dl)).toBe('dead-lettered');
    expect(dl.sent).toEqual([{ body: '{"a":1}', reason: 'failed 3 times: ProvisionedThroughputExceeded' }]);
  });
});
