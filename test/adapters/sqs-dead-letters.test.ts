/** SqsDeadLetters: the body as received, the reason as a message attribute. */
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SqsDeadLetters } from '../../adapters/sqs/sqs-dead-letters.ts';

const sqs = mockClient(SQSClient);
beforeEach(() => sqs.reset());

describe('SqsDeadLetters', () => {
  it('sends the body as received with the reason as an attribute', async () => {
    sqs.on(SendMessageCommand).resolves({});
    await new SqsDeadLetters(new SQSClient({}), 'https://sqs/dlq').send('{"x":1}', 'rejected: detail.unitId: unknown');
    expect(sqs.commandCalls(SendMessageCommand)[0]!.args[0].input).toEqual({
      QueueUrl: 'https://sqs/dlq',
      MessageBody: '{"x":1}',
      MessageAttributes: { reason: { DataType: 'String', StringValue: 'rejected: detail.unitId: unknown' } },
    });
  });
});
