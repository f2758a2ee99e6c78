/**
 * Delivery against a real DynamoDB engine (dynalite) and a real SMTP server:
 * the delivery log's claims (once per notice and channel; a retry of the same
 * message takes its own claim again; a live claim of another copy holds it
 * back until its lease ends), the held notices (either stage first), the
 * directory's replacement by province; and under faults — one send in five
 * failing for a while, another refused for good — every notice delivered
 * once, the refused one logged and dead-lettered with its reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoContactDirectory } from '../../adapters/dynamodb/contact-directory.ts';
import { DynamoDeliveryLog } from '../../adapters/dynamodb/delivery-log.ts';
import { SmtpChannel } from '../../adapters/smtp/smtp-channel.ts';
import { Contact, type PlacedContact } from '../../shared/contract/contacts.ts';
import type { Finding } from '../../shared/contract/findings.ts';
import { deliveryConfig } from '../../shared/delivery/delivery-config.ts';
import type { DeliveryMessage } from '../../shared/delivery/delivery-message.ts';
import { DeliveryFailure, type ChannelSender, type EmailMessage } from '../../shared/ports/channel-sender.ts';
import type { SendKey } from '../../shared/ports/delivery-log.ts';
import { deliverNotice, type DeliveryDeps } from '../../shared/use-cases/deliver-notice.ts';
import { PermanentError } from '../../shared/use-cases/errors.ts';
import { sendDigests } from '../../shared/use-cases/send-digests.ts';
import { startDynamo, type LocalDynamo } from '../support/dynamo.ts';
import { tdp5Month } from '../support/findings.ts';
import { startMailServer, type MailServer } from '../support/mail-server.ts';

let dynamo: LocalDynamo;
let log: DynamoDeliveryLog;
let contacts: DynamoContactDirectory;
let mail: MailServer;
let now = Date.parse('2026-04-05T06:30:00+07:00');

const finding = (period: string): Finding => tdp5Month(period);
const message = (recipientId: string, f: Finding, stage: 'raised' | 'withdrawn' = 'raised'): DeliveryMessage => ({ finding: f, stage, recipientId, provinceId: 'LC', unitId: 'LC.NL.TDP5' });
const placed = (recipient: string, email: string, digest: 'immediate' | 'daily' = 'immediate'): PlacedContact => ({ ...Contact.parse({ recipient, name: `Đồng chí ${recipient}`, email, channels: ['email'], digest }), provinceId: 'LC' });

beforeAll(async () => {
  dynamo = await startDynamo();
  log = new DynamoDeliveryLog(dynamo.db, dynamo.table);
  contacts = new DynamoContactDirectory(dynamo.db, dynamo.table);
  mail = await startMailServer();
});
afterAll(async () => {
  await mail?.close();
  await dynamo?.stop();
});

describe('the delivery log', () => {
  const key = (recipient: string): SendKey => ({ recipient, channel: 'email', what: { notice: { kind: 'violation', ruleId: 'r/x', subject: { type: 'cell', id: 'C' }, period: '2026-02', stage: 'raised' } } });
  const where = { provinceId: 'LC', unitId: 'LC.NL' };

  it('lets one claimant take a send, again on its retry, another only once the lease is over, nobody once it is sent', async () => {
    const k = key('L-claims');
    expect(await log.claim(k, where, 'msg-1', now, 60_000)).toBe('claimed');
    expect(await log.claim(k, where, 'msg-1', now + 1, 60_000)).toBe('claimed');
    expect(await log.claim(k, where, 'msg-2', now + 2, 60_000)).toBe('held');
    expect(await log.claim(k, where, 'msg-2', now + 60_002, 60_000)).toBe('claimed');
    await log.sent(k, now + 60_003);
    expect(await log.claim(k, where, 'msg-2', now + 60_004, 60_000)).toBe('done');
    expect(await log.claim(k, where, 'msg-3', now + 10 * 60_000, 60_000)).toBe('done');
    const [record] = await log.records({ recipient: 'L-claims' });
    expect(record).toMatchObject({ recipient: 'L-claims', channel: 'email', status: 'sent', attempts: 3, provinceId: 'LC', unitId: 'LC.NL', digest: null });
  });

  it('lets a failed send be taken again (nothing went out), and keeps a sent one sent when a late twin fails', async () => {
    const k = key('L-failed');
    expect(await log.claim(k, where, 'a', now, 60_000)).toBe('claimed');
    await log.failed(k, 'SMTP 550: refused', now);
    expect((await log.records({ recipient: 'L-failed' }))[0]).toMatchObject({ status: 'failed', reason: 'SMTP 550: refused' });
    expect(await log.claim(k, where, 'b', now + 1, 60_000)).toBe('claimed');
    await log.sent(k, now + 2);
    await log.failed(k, 'late', now + 3);
    expect((await log.records({ recipient: 'L-failed' }))[0]).toMatchObject({ status: 'sent' });
    expect((await log.records({ recipient: 'L-failed' }))[0]!.reason).toBeUndefined();
  });

  it('holds a notice for the digest whichever stage comes first, each once', async () => {
    const f = finding('2026-02');
    await log.hold('ubkt:order', f, 'withdrawn', where, now + 5);
    await log.hold('ubkt:order', f, 'raised', where, now + 1);
    await log.hold('ubkt:order', f, 'raised', where, now + 9);
    const [held] = await log.held('ubkt:order');
    expect(held).toEqual({ finding: f, raisedAt: now + 1, withdrawnAt: now + 5 });
  });
});

describe('the contact directory', () => {
  it('replaces the contacts of the provinces named and no others', async () => {
    expect(await contacts.replace(['LC'], [placed('L-a', 'a@example.vn'), placed('L-b', 'b@example.vn')])).toBe(2);
    await contacts.replace(['HN'], [{ ...placed('L-h', 'h@example.vn'), provinceId: 'HN' }]);
    expect(await contacts.replace(['LC'], [placed('L-b', 'b2@example.vn')])).toBe(1);
    expect((await contacts.list(['LC'])).map((c) => [c.recipient, c.email])).toEqual([['L-b', 'b2@example.vn']]);
    expect(await contacts.contact('L-a')).toBeNull();
    expect((await contacts.contact('L-h'))?.email).toBe('h@example.vn');
  });
});

describe('delivery under faults', () => {
  it('delivers every notice once when one send in five fails for a while, and logs and dead-letters a refused one', async () => {
    const recipients = Array.from({ length: 10 }, (_, i) => `L-f${i}`);
    await contacts.replace(['LC'], [...recipients.map((r) => placed(r, `${r.toLowerCase()}@example.vn`)), placed('L-gone', 'gone@example.vn')]);
    mail.reject.add('gone@example.vn');
    const smtp = new SmtpChannel(mail.url);
    let sends = 0;
    // Every fifth send fails before reaching the server, as a dropped connection would.
    const flaky: ChannelSender<EmailMessage> = {
      send: async (m) => {
        if (++sends % 5 === 0) throw new DeliveryFailure('email', false, 'connection reset');
        await smtp.send(m);
      },
    };
    const deps: DeliveryDeps = { contacts, log, senders: { email: flaky }, config: { ...deliveryConfig({}), attempts: 1, backoffMs: 0 }, now: () => now };
    const periods = ['2026-01', '2026-02', '2026-03'];
    const messages = recipients.flatMap((r) => periods.map((p) => message(r, finding(p))));
    // A queue: each message redelivered until it goes through (with its own id as claimant), and every one delivered twice over (duplicates).
    const before = mail.received.length;
    let redeliveries = 0;
    for (const [i, m] of [...messages, ...messages].entries()) {
      for (;;) {
        try {
          await deliverNotice(m, deps, `msg-${i % messages.length}`);
          break;
        } catch {
          redeliveries++;
        }
      }
    }
    const got = mail.received.slice(before);
    expect(redeliveries).toBeGreaterThan(0);
    expect(got).toHaveLength(messages.length);
    const perNotice = new Map<string, number>();
    for (const r of got) perNotice.set(`${r.to[0]}|${r.mail.subject}`, (perNotice.get(`${r.to[0]}|${r.mail.subject}`) ?? 0) + 1);
    expect([...perNotice.values()].every((n) => n === 1)).toBe(true);
    expect(perNotice.size).toBe(messages.length);

    const refused = await deliverNotice(message('L-gone', finding('2026-01')), deps, 'gone').then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(PermanentError);
    expect((refused as Error).message).toMatch(/^email refused: SMTP 550: /);
    expect((refused as Error).message).not.toContain('gone@example.vn');
    expect((await log.records({ recipient: 'L-gone' }))[0]).toMatchObject({ status: 'failed', channel: 'email' });
    smtp.close();
  });

  it('sends a daily recipient one digest a day, whatever the reruns, and none on a day with nothing open', async () => {
    await contacts.replace(['LC'], [placed('ubkt:LC.NL', 'ubkt@example.vn', 'daily')]);
    const smtp = new SmtpChannel(mail.url);
    const deps: DeliveryDeps = { contacts, log, senders: { email: smtp }, config: { ...deliveryConfig({}), attempts: 1, backoffMs: 0 }, now: () => now };
    for (const p of ['2026-01', '2026-02']) await deliverNotice(message('ubkt:LC.NL', finding(p)), deps, `m-${p}`);
    const before = mail.received.length;
    const seven = Date.parse('2026-04-05T07:00:00+07:00');
    expect(await sendDigests('LC', seven, deps, 'run-1')).toMatchObject({ day: '2026-04-05', recipients: 1, sent: 1 });
    expect(await sendDigests('LC', seven, deps, 'run-1')).toMatchObject({ sent: 0 });
    expect(await sendDigests('LC', seven + 3600_000, deps, 'run-2')).toMatchObject({ sent: 0 });
    const digests = mail.received.slice(before);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.mail.subject).toBe('[Bản tin ngày 05/04/2026] 2 vi phạm, 0 nhắc nhở, 0 cảnh báo');
    // Withdrawn, both: nothing open the next day, no digest.
    for (const p of ['2026-01', '2026-02']) await deliverNotice(message('ubkt:LC.NL', finding(p), 'withdrawn'), deps, `w-${p}`);
    expect(await sendDigests('LC', seven + 86_400_000, deps, 'run-3')).toMatchObject({ recipients: 0, sent: 0 });
    expect(mail.received.length).toBe(before + 1);
    // The log shows the held notices as sent by that day's digest.
    const records = await log.records({ recipient: 'ubkt:LC.NL' });
    expect(records.filter((r) => r.notice !== null).every((r) => r.digest === null || r.digest === '2026-04-05')).toBe(true);
    smtp.close();
  });
});
