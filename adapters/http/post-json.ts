/**
 * One JSON POST to a messaging gateway, its failures said as DeliveryFailure:
 * a network error, a timeout, HTTP 429 or 5xx may pass (retried); any other
 * 4xx is the request's fault (permanent). Reasons hold the status and the
 * gateway's words, redacted: never the address sent.
 */
import type { Channel } from '../../shared/contract/contacts.ts';
import { redact } from '../../shared/delivery/redact.ts';
import { DeliveryFailure } from '../../shared/ports/channel-sender.ts';

export type Fetch = typeof fetch;

export async function postJson(channel: Channel, url: string, body: unknown, headers: Record<string, string>, options: { fetch?: Fetch; timeoutMs?: number }): Promise<unknown> {
  let res: Response;
  try {
    res = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
  } catch (err) {
    throw new DeliveryFailure(channel, false, `no answer from the ${channel} gateway: ${redact((err as Error).message)}`);
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) throw new DeliveryFailure(channel, !(res.status === 429 || res.status >= 500), `HTTP ${res.status}: ${redact(text.slice(0, 200))}`);
  try {
    return text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return text;
  }
}
