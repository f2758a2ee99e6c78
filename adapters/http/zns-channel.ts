/**
 * Zalo Notification Service: a POST of `{phone, template_id, template_data,
 * tracking_id}` with the OA's `access_token` header (CHIBO_ZNS_URL,
 * CHIBO_ZNS_TOKEN). ZNS answers HTTP 200 with `{"error": 0}` when it took the
 * message, and a negative `error` when it did not: -100 (unknown error, "try
 * again later") is retried; any other code names something wrong with the
 * request, the template, the account or the number, and is permanent.
 */
import type { ChannelSender, ZaloMessage } from '../../shared/ports/channel-sender.ts';
import { DeliveryFailure } from '../../shared/ports/channel-sender.ts';
import { redact } from '../../shared/delivery/redact.ts';
import { postJson, type Fetch } from './post-json.ts';

/** ZNS codes that trying again may cure. */
const TRANSIENT_ZNS = new Set([-100]);

/** ZNS takes the number as 84xxxxxxxxx, without the plus. */
const znsPhone = (e164: string): string => e164.replace(/^\+/, '');

export class ZnsChannel implements ChannelSender<ZaloMessage> {
  constructor(private readonly options: { url: string; token: string; fetch?: Fetch; timeoutMs?: number }) {}

  async send(m: ZaloMessage): Promise<void> {
    const body = { phone: znsPhone(m.to), template_id: m.templateId, template_data: m.data, tracking_id: m.trackingId };
    const answer = (await postJson('zalo', this.options.url, body, { access_token: this.options.token }, this.options)) as { error?: unknown; message?: unknown } | null;
    const code = typeof answer?.error === 'number' ? answer.error : Number.NaN;
    if (code === 0) return;
    const words = typeof answer?.message === 'string' ? redact(answer.message.slice(0, 200)) : 'no error code in the answer';
    throw new DeliveryFailure('zalo', !(Number.isNaN(code) || TRANSIENT_ZNS.has(code)), `ZNS error ${Number.isNaN(code) ? '?' : code}: ${words}`);
  }
}
