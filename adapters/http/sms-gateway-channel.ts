/** SMS through an HTTP gateway on one machine (CHIBO_SMS_URL): a POST of `{"to": "+84…", "text": "…"}`; any 2xx is taken as sent. */
import type { ChannelSender, SmsMessage } from '../../shared/ports/channel-sender.ts';
import { postJson, type Fetch } from './post-json.ts';

export class SmsGatewayChannel implements ChannelSender<SmsMessage> {
  constructor(private readonly options: { url: string; fetch?: Fetch; timeoutMs?: number }) {}

  async send(m: SmsMessage): Promise<void> {
    await postJson('sms', this.options.url, { to: m.to, text: m.text }, {}, this.options);
  }
}
