/** Dead letters with their reason: the message body as received, the reason as a message attribute. */
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { DeadLetters } from '../../shared/ports/dead-letters.ts';

/** SQS message attributes hold at most 256 KiB in all; a reason is a line, not a dump. */
const MAX_REASON = 1000;

export class SqsDeadLetters implements DeadLetters {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(body: string, reason: string): Promise<void> {
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl,
        MessageBody: body,
        MessageAttributes: { reason: { DataType: 'String', StringValue: reason.slice(0, MAX_REASON) } },
      }),
    );
  }
}
