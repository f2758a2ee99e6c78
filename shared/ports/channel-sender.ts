/**
 * A channel that carries messages to people: e-mail (SMTP, SES), SMS (an
 * HTTP gateway, SNS) or Zalo (ZNS). A sender throws `DeliveryFailure`,
 * saying whether trying again can help.
 */
import type { Channel } from '../contract/contacts.ts';

export interface EmailMessage {
  channel: 'email';
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface SmsMessage {
  channel: 'sms';
  /** E.164. */
  to: string;
  /** Short, ASCII. */
  text: string;
}

export interface ZaloMessage {
  channel: 'zalo';
  /** E.164, the number registered with Zalo. */
  to: string;
  /** The approved template's id. */
  templateId: string;
  /** The template's parameters: fields, not free text. */
  data: Record<string, string>;
  /** Ties the channel's callbacks to this delivery; never an address. */
  trackingId: string;
}

export type OutgoingMessage = EmailMessage | SmsMessage | ZaloMessage;

export interface ChannelSender<M extends OutgoingMessage = OutgoingMessage> {
  send(message: M): Promise<void>;
}

export type ChannelSenders = { email?: ChannelSender<EmailMessage>; sms?: ChannelSender<SmsMessage>; zalo?: ChannelSender<ZaloMessage> };

/**
 * A send that did not go through. `permanent`: the channel refused it for good (SMTP 5xx, HTTP 4xx, a ZNS
 * error that names the request), so it is logged as failed and dead-lettered; otherwise it is retried.
 * The reason must hold no address: senders build it from status codes and the channel's words, redacted.
 */
export class DeliveryFailure extends Error {
  constructor(
    readonly channel: Channel,
    readonly permanent: boolean,
    reason: string,
  ) {
    super(reason);
  }
}
