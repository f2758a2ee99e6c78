/**
 * The delivery functions' adapters on AWS (deliver-notices, send-digests),
 * built once per container from the environment infra/delivery.ts sets:
 * the contact directory and the delivery log in the table; e-mail by SES
 * from MAIL_FROM (none without it); SMS by SNS to phone numbers; Zalo by ZNS
 * only when CHIBO_ZNS_URL is set, its token read from the Secrets Manager
 * secret CHIBO_ZNS_TOKEN_SECRET through the secrets extension at each send
 * (cached there, so a rotated token is used within minutes).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoContactDirectory } from '../../adapters/dynamodb/contact-directory.ts';
import { DynamoDeliveryLog } from '../../adapters/dynamodb/delivery-log.ts';
import { documentClient } from '../../adapters/dynamodb/dynamo-ports.ts';
import { accessTokenOf, secretFromExtension } from '../../adapters/aws/secrets-extension.ts';
import type { Fetch } from '../../adapters/http/post-json.ts';
import { ZnsChannel } from '../../adapters/http/zns-channel.ts';
import { SesEmailChannel } from '../../adapters/ses/ses-email-channel.ts';
import { SnsSmsChannel } from '../../adapters/sns/sns-sms-channel.ts';
import { SqsDeadLetters } from '../../adapters/sqs/sqs-dead-letters.ts';
import { deliveryConfig } from '../../shared/delivery/delivery-config.ts';
import { DeliveryFailure, type ChannelSender, type ChannelSenders, type ZaloMessage } from '../../shared/ports/channel-sender.ts';
import { requiredEnv } from './config.ts';

/** Deliveries before a message goes to the dead-letter queue (the queue's maxReceiveCount). */
export const MAX_RECEIVES = Number(process.env['MAX_RECEIVES'] ?? 3);

export const sqs = new SQSClient({});

type Env = Readonly<Record<string, string | undefined>>;

/** ZNS with the token of the moment: a token that cannot be read is a failure that may pass (retried), named without its value. */
function znsWithSecretToken(url: string, secretId: string, fetchImpl?: Fetch): ChannelSender<ZaloMessage> {
  return {
    async send(m) {
      let token: string;
      try {
        token = accessTokenOf(await secretFromExtension(secretId, fetchImpl ? { fetch: fetchImpl } : {}));
      } catch (err) {
        throw new DeliveryFailure('zalo', false, `the ZNS token could not be read: ${(err as Error).message}`);
      }
      await new ZnsChannel({ url, token, ...(fetchImpl ? { fetch: fetchImpl } : {}) }).send(m);
    },
  };
}

export function deliverySenders(env: Env, clients: { ses: SESv2Client; sns: SNSClient; fetch?: Fetch }): ChannelSenders {
  const senders: ChannelSenders = { sms: new SnsSmsChannel(clients.sns, { senderId: env['SMS_SENDER_ID'] || undefined }) };
  const from = env['MAIL_FROM'];
  if (from) senders.email = new SesEmailChannel(clients.ses, { from, configurationSet: env['SES_CONFIGURATION_SET'] || undefined });
  const zns = env['CHIBO_ZNS_URL'];
  if (zns) {
    const secret = env['CHIBO_ZNS_TOKEN_SECRET'];
    if (!secret) throw new Error('CHIBO_ZNS_URL is set without CHIBO_ZNS_TOKEN_SECRET (the Secrets Manager secret holding the Official Account access token)');
    senders.zalo = znsWithSecretToken(zns, secret, clients.fetch);
  }
  return senders;
}

export function deliveryDeps(env: Env = process.env) {
  const db = documentClient(new DynamoDBClient({}));
  const table = requiredEnv('TABLE_NAME', env as NodeJS.ProcessEnv);
  // Only the adapters delivery uses, not dynamoPorts: the others would be bundled with them (≤ 500 KB a function).
  return {
    contacts: new DynamoContactDirectory(db, table),
    log: new DynamoDeliveryLog(db, table),
    senders: deliverySenders(env, { ses: new SESv2Client({}), sns: new SNSClient({}) }),
    config: deliveryConfig(env),
    deadLetters: new SqsDeadLetters(sqs, requiredEnv('DEAD_LETTER_QUEUE_URL', env as NodeJS.ProcessEnv)),
    now: () => Date.now(),
  };
}
