/**
 * E-mail through SES v2 on AWS: one SendEmail per message, from the
 * configured identity (MAIL_FROM), to the one address of the contact, with a
 * Vietnamese subject and a text and an HTML part, all in UTF-8.
 *
 * What SES refuses for good is permanent: MessageRejected (bad content, or
 * in the sandbox a recipient not verified), MailFromDomainNotVerified,
 * AccountSuspended, SendingPaused (an operator resumes sending, then
 * redrives: the queue's few minutes of retries would not see it resumed),
 * NotFound (no such configuration set), BadRequest and any other 4xx.
 * TooManyRequests (the sending rate), LimitExceeded (the daily quota) and
 * 5xx or no answer are retried.
 */
import { SendEmailCommand, type SendEmailCommandInput, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { ChannelSender, EmailMessage } from '../../shared/ports/channel-sender.ts';
import { awsDeliveryFailure } from '../aws/delivery-failure.ts';

export interface SesEmailOptions {
  /** The From: a verified address, or one at a verified domain; `Name <address>` shows a name (non-ASCII names are MIME-encoded here). */
  from: string;
  /** An SES configuration set (event publishing, a dedicated IP pool); the role must be allowed it too. */
  configurationSet?: string | undefined;
}

/** SES takes a display name outside ASCII only as a MIME encoded-word (RFC 2047). */
export function sesFromAddress(from: string): string {
  const m = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(from);
  if (!m) return from.trim();
  const [, name = '', address = ''] = m;
  if (name === '') return address;
  const unquoted = name.replace(/^"(.*)"$/, '$1');
  const shown = /^[\x20-\x7E]*$/.test(unquoted) ? `"${unquoted.replace(/["\\]/g, '\\$&')}"` : `=?UTF-8?B?${Buffer.from(unquoted, 'utf8').toString('base64')}?=`;
  return `${shown} <${address}>`;
}

export class SesEmailChannel implements ChannelSender<EmailMessage> {
  private readonly from: string;

  constructor(
    private readonly client: SESv2Client,
    private readonly options: SesEmailOptions,
  ) {
    this.from = sesFromAddress(options.from);
  }

  /** The exact SendEmail input for a message. */
  input(m: EmailMessage): SendEmailCommandInput {
    return {
      FromEmailAddress: this.from,
      Destination: { ToAddresses: [m.to] },
      Content: {
        Simple: {
          Subject: { Data: m.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: m.text, Charset: 'UTF-8' }, Html: { Data: m.html, Charset: 'UTF-8' } },
        },
      },
      ...(this.options.configurationSet ? { ConfigurationSetName: this.options.configurationSet } : {}),
    };
  }

  async send(m: EmailMessage): Promise<void> {
    try {
      await this.client.send(new SendEmailCommand(this.input(m)));
    } catch (err) {
      throw awsDeliveryFailure('email', 'SES', err, ['LimitExceededException']);
    }
  }
}
