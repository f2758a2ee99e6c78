/**
 * E-mail by SMTP on one machine (CHIBO_SMTP_URL=smtp://[user:pass@]host:port,
 * CHIBO_MAIL_FROM), with nodemailer: the subject RFC 2047-encoded, a plain
 * text and an HTML alternative. A 5xx reply is permanent (the server refused
 * the address or the message); a 4xx reply, a refused or dropped connection
 * may pass and is retried. Reasons are redacted: SMTP replies quote addresses.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { redact } from '../../shared/delivery/redact.ts';
import { DeliveryFailure, type ChannelSender, type EmailMessage } from '../../shared/ports/channel-sender.ts';

export const DEFAULT_FROM = 'chibo-monitor <chibo-monitor@localhost>';

interface SmtpError extends Error {
  responseCode?: number;
  code?: string;
}

export class SmtpChannel implements ChannelSender<EmailMessage> {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string = DEFAULT_FROM,
  ) {
    // A small pool: a sweep's notices go out over a few connections, not one each.
    this.transport = nodemailer.createTransport({ url, pool: true, maxConnections: 2 } as Parameters<typeof nodemailer.createTransport>[0]);
  }

  async send(m: EmailMessage): Promise<void> {
    try {
      await this.transport.sendMail({ from: this.from, to: m.to, subject: m.subject, text: m.text, html: m.html, textEncoding: 'quoted-printable' });
    } catch (err) {
      const e = err as SmtpError;
      const code = e.responseCode;
      const permanent = code !== undefined && code >= 500;
      throw new DeliveryFailure('email', permanent, `SMTP ${code ?? e.code ?? 'error'}: ${redact(e.message ?? String(err))}`);
    }
  }

  close(): void {
    this.transport.close();
  }
}
