/**
 * The channels of one machine, from the environment: e-mail by SMTP
 * (CHIBO_SMTP_URL, CHIBO_MAIL_FROM), SMS through an HTTP gateway
 * (CHIBO_SMS_URL), Zalo through ZNS (CHIBO_ZNS_URL, CHIBO_ZNS_TOKEN). A
 * channel left unset is not used: its notices stay in the outbox, and the
 * start-up banner says so. The banner names hosts, never credentials.
 */
import { SmsGatewayChannel } from '../adapters/http/sms-gateway-channel.ts';
import { ZnsChannel } from '../adapters/http/zns-channel.ts';
import { DEFAULT_FROM, SmtpChannel } from '../adapters/smtp/smtp-channel.ts';
import type { ChannelSenders } from '../shared/ports/channel-sender.ts';

export interface LocalChannels {
  senders: ChannelSenders;
  /** One line per channel for the banner: where it sends, or that it is off. */
  banner: string[];
  close(): void;
}

/** scheme://host:port of a URL: what may be shown (no user, no password, no path or query with a key in it). */
function where(url: string, variable: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    throw new Error(`${variable}: not a URL`);
  }
}

export function localChannels(env: Readonly<Record<string, string | undefined>>): LocalChannels {
  const senders: ChannelSenders = {};
  const banner: string[] = [];
  const smtp = env['CHIBO_SMTP_URL'];
  let mail: SmtpChannel | null = null;
  if (smtp) {
    const shown = where(smtp, 'CHIBO_SMTP_URL');
    mail = new SmtpChannel(smtp, env['CHIBO_MAIL_FROM'] || DEFAULT_FROM);
    senders.email = mail;
    banner.push(`E-mail: gửi qua / sent through ${shown}`);
  } else banner.push('E-mail: chưa đặt CHIBO_SMTP_URL, thư chỉ nằm trong outbox / CHIBO_SMTP_URL not set: e-mail stays in the outbox');
  const sms = env['CHIBO_SMS_URL'];
  if (sms) {
    banner.push(`SMS: gửi qua / sent through ${where(sms, 'CHIBO_SMS_URL')}`);
    senders.sms = new SmsGatewayChannel({ url: sms });
  } else banner.push('SMS: chưa đặt CHIBO_SMS_URL / CHIBO_SMS_URL not set');
  const zns = env['CHIBO_ZNS_URL'];
  if (zns) {
    const token = env['CHIBO_ZNS_TOKEN'];
    if (!token) throw new Error('CHIBO_ZNS_URL is set without CHIBO_ZNS_TOKEN (the Official Account access token)');
    banner.push(`Zalo ZNS: gửi qua / sent through ${where(zns, 'CHIBO_ZNS_URL')}`);
    senders.zalo = new ZnsChannel({ url: zns, token });
  } else banner.push('Zalo ZNS: chưa đặt CHIBO_ZNS_URL / CHIBO_ZNS_URL not set');
  return { senders, banner, close: () => mail?.close() };
}
