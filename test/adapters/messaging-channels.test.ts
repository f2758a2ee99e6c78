/**
 * The channels of one machine against real servers on 127.0.0.1: an HTTP
 * server standing in for the SMS gateway and for ZNS (the exact request
 * asserted; 429 and 5xx retried, other 4xx and ZNS error codes permanent),
 * and smtp-server for SMTP (a 5xx refusal permanent, a 4xx one retried).
 * No reason carries the address.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmsGatewayChannel } from '../../adapters/http/sms-gateway-channel.ts';
import { ZnsChannel } from '../../adapters/http/zns-channel.ts';
import { SmtpChannel } from '../../adapters/smtp/smtp-channel.ts';
import { DeliveryFailure } from '../../shared/ports/channel-sender.ts';
import { startMailServer, type MailServer } from '../support/mail-server.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

let server: Server;
let base: string;
const seen: Seen[] = [];
/** The next answers, in order: [status, body]. */
const answers: Array<[number, unknown]> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: JSON.parse(text) });
      const [status, body] = answers.shift() ?? [200, { error: 0, message: 'Success', data: { msg_id: 'm1' } }];
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const failure = async (p: Promise<unknown>): Promise<DeliveryFailure> => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DeliveryFailure);
  return err as DeliveryFailure;
};

describe('the SMS gateway', () => {
  const sms = () => new SmsGatewayChannel({ url: `${base}/sms` });

  it('POSTs {to, text} as JSON', async () => {
    seen.length = 0;
    answers.push([202, {}]);
    await sms().send({ channel: 'sms', to: '+84900000001', text: '[Vi pham] Chi bo LC.NL.TDP5' });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.url).toBe('/sms');
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(seen[0]!.body).toEqual({ to: '+84900000001', text: '[Vi pham] Chi bo LC.NL.TDP5' });
  });

  it.each([
    [429, false],
    [500, false],
    [503, false],
    [400, true],
    [404, true],
  ])('answers HTTP %i: permanent %s, and the reason holds no number', async (status, permanent) => {
    answers.push([status, { error: 'bad number +84900000001' }]);
    const f = await failure(sms().send({ channel: 'sms', to: '+84900000001', text: 'x' }));
    expect(f.permanent).toBe(permanent);
    expect(f.message).toMatch(new RegExp(`^HTTP ${status}: `));
    expect(f.message).not.toContain('84900000001');
  });

  it('counts a refused connection as passing', async () => {
    const f = await failure(new SmsGatewayChannel({ url: 'http://127.0.0.1:9/sms', timeoutMs: 2000 }).send({ channel: 'sms', to: '+84900000001', text: 'x' }));
    expect(f.permanent).toBe(false);
  });
});

describe('Zalo ZNS', () => {
  const zns = () => new ZnsChannel({ url: `${base}/message/template`, token: 'oa-token' });
  const message = { channel: 'zalo' as const, to: '+84900000001', templateId: '301234', data: { kind: 'Vi phạm', period: 'tháng 02/2026' }, trackingId: 't-1' };

  it('POSTs {phone, template_id, template_data, tracking_id} with the access_token header, the phone as 84…', async () => {
    seen.length = 0;
    await zns().send(message);
    expect(seen[0]!.headers['access_token']).toBe('oa-token');
    expect(seen[0]!.body).toEqual({ phone: '84900000001', template_id: '301234', template_data: { kind: 'Vi phạm', period: 'tháng 02/2026' }, tracking_id: 't-1' });
  });

  it.each([
    [-100, false],
    [-108, true],
    [-109, true],
    [-118, true],
    [-124, true],
  ])('answers ZNS error %i: permanent %s', async (code, permanent) => {
    answers.push([200, { error: code, message: `error for 84900000001` }]);
    const f = await failure(zns().send(message));
    expect(f.permanent).toBe(permanent);
    expect(f.message).toMatch(new RegExp(`^ZNS error ${code}: `));
    expect(f.message).not.toContain('84900000001');
  });

  it('retries HTTP 5xx and 429, and takes HTTP 401 as permanent', async () => {
    answers.push([502, {}], [429, {}], [401, {}]);
    expect((await failure(zns().send(message))).permanent).toBe(false);
    expect((await failure(zns().send(message))).permanent).toBe(false);
    expect((await failure(zns().send(message))).permanent).toBe(true);
  });
});

describe('SMTP', () => {
  let mail: MailServer;
  beforeAll(async () => void (mail = await startMailServer()));
  afterAll(async () => mail.close());
  const email = (to: string) => ({ channel: 'email' as const, to, subject: '[Vi phạm] Chi bộ tổ dân phố 5', text: 'Căn cứ: Điều lệ Đảng, Điều 24', html: '<p>Căn cứ</p>' });

  it('delivers the subject with diacritics and both parts', async () => {
    const smtp = new SmtpChannel(mail.url, 'chibo <chibo@example.vn>');
    await smtp.send(email('a@example.vn'));
    smtp.close();
    const got = mail.received.at(-1)!;
    expect(got.to).toEqual(['a@example.vn']);
    expect(got.mail.subject).toBe('[Vi phạm] Chi bộ tổ dân phố 5');
    expect(got.mail.text?.trim()).toBe('Căn cứ: Điều lệ Đảng, Điều 24');
    expect(got.mail.html).toBe('<p>Căn cứ</p>');
  });

  it('takes a 550 refusal as permanent, a 451 as passing, and names no address', async () => {
    const smtp = new SmtpChannel(mail.url);
    mail.reject.add('gone@example.vn');
    const refused = await failure(smtp.send(email('gone@example.vn')));
    expect(refused.permanent).toBe(true);
    expect(refused.message).toMatch(/^SMTP 550: /);
    expect(refused.message).not.toContain('gone@example.vn');
    mail.busyFor(1);
    const busy = await failure(smtp.send(email('b@example.vn')));
    expect(busy.permanent).toBe(false);
    expect(busy.message).toMatch(/^SMTP 451: /);
    smtp.close();
  });
});
