/**
 * The delivery functions' channels from their environment: e-mail only with
 * MAIL_FROM; SMS always; Zalo only with CHIBO_ZNS_URL, its token read from
 * the secret through the secrets extension at each send (a bare token or
 * Zalo's JSON), a token that cannot be read a failure that is retried.
 */
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { SesEmailChannel } from '../../adapters/ses/ses-email-channel.ts';
import { SnsSmsChannel } from '../../adapters/sns/sns-sms-channel.ts';
import { deliverySenders } from '../../functions/wiring/delivery-deps.ts';
import { DeliveryFailure, type ZaloMessage } from '../../shared/ports/channel-sender.ts';

const clients = { ses: new SESv2Client({ region: 'ap-southeast-1' }), sns: new SNSClient({ region: 'ap-southeast-1' }) };
const zalo: ZaloMessage = { channel: 'zalo', to: '+84912345678', templateId: '301234', data: { period: '03/2026' }, trackingId: 't-1' };

/** A fetch that answers the secrets extension with `secret` and ZNS with {"error": 0}, recording each request. */
function fakeFetch(secret: string | null) {
  const calls: Array<{ url: string; headers: Record<string, string>; body?: unknown }> = [];
  const impl = (async (url: string, init: RequestInit = {}) => {
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    calls.push({ url, headers, ...(init.body ? { body: JSON.parse(String(init.body)) } : {}) });
    if (url.startsWith('http://localhost:2773/')) return secret === null ? new Response('not found', { status: 400 }) : Response.json({ Name: 'chibo/zns-token', SecretString: secret });
    return Response.json({ error: 0, message: 'Success' });
  }) as typeof fetch;
  return { impl, calls };
}

describe('deliverySenders', () => {
  it('SMS always, e-mail only with MAIL_FROM, no Zalo without CHIBO_ZNS_URL', () => {
    const bare = deliverySenders({}, clients);
    expect(bare.sms).toBeInstanceOf(SnsSmsChannel);
    expect(bare.email).toBeUndefined();
    expect(bare.zalo).toBeUndefined();
    expect(deliverySenders({ MAIL_FROM: 'chibo@x.vn' }, clients).email).toBeInstanceOf(SesEmailChannel);
  });

  it('CHIBO_ZNS_URL without the token secret is refused at start-up, naming the variable', () => {
    expect(() => deliverySenders({ CHIBO_ZNS_URL: 'https://business.openapi.zalo.me/message/template' }, clients)).toThrow(/CHIBO_ZNS_TOKEN_SECRET/);
  });

  it.each([
    ['a bare token', 'tok-123'],
    ['Zalo\'s JSON', JSON.stringify({ access_token: 'tok-123', refresh_token: 'ref-456', expires_in: '90000' })],
  ])('Zalo: the token from the secret (%s) in the access_token header of the ZNS POST', async (_what, secret) => {
    const fetch = fakeFetch(secret);
    const senders = deliverySenders({ CHIBO_ZNS_URL: 'https://zns.example/send', CHIBO_ZNS_TOKEN_SECRET: 'chibo/zns-token' }, { ...clients, fetch: fetch.impl });
    process.env['AWS_SESSION_TOKEN'] = 'session-1';
    await senders.zalo!.send(zalo).finally(() => delete process.env['AWS_SESSION_TOKEN']);
    expect(fetch.calls[0]).toEqual({ url: 'http://localhost:2773/secretsmanager/get?secretId=chibo%2Fzns-token', headers: { 'x-aws-parameters-secrets-token': 'session-1' } });
    expect(fetch.calls[1]).toMatchObject({ url: 'https://zns.example/send', headers: { access_token: 'tok-123' }, body: { phone: '84912345678', template_id: '301234', template_data: { period: '03/2026' }, tracking_id: 't-1' } });
  });

  it('a token that cannot be read: a failure that may pass, naming the secret, not a value', async () => {
    const fetch = fakeFetch(null);
    const senders = deliverySenders({ CHIBO_ZNS_URL: 'https://zns.example/send', CHIBO_ZNS_TOKEN_SECRET: 'chibo/zns-token' }, { ...clients, fetch: fetch.impl });
    const err = await senders.zalo!.send(zalo).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryFailure);
    expect(err).toMatchObject({ channel: 'zalo', permanent: false, message: 'the ZNS token could not be read: secret chibo/zns-token: the secrets extension answered HTTP 400' });
    expect(fetch.calls).toHaveLength(1);
  });
});
