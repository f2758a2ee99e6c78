/**
 * The embedded default's delivery queue: a notice refused for good is
 * dead-lettered at once with the redacted reason and logged failed; once the
 * address is fixed, a redrive of that dead letter sends it; a notice failing
 * for a while is retried by the queue until it goes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoContactDirectory } from '../../adapters/dynamodb/contact-directory.ts';
import { DynamoDeliveryLog } from '../../adapters/dynamodb/delivery-log.ts';
import { SmtpChannel } from '../../adapters/smtp/smtp-channel.ts';
import { Contact } from '../../shared/contract/contacts.ts';
import type { Finding } from '../../shared/contract/findings.ts';
import { deliveryConfig } from '../../shared/delivery/delivery-config.ts';
import { DeliveryQueue, isDeliveryBody } from '../../local/delivery-queue.ts';
import { startDynamo, type LocalDynamo } from '../support/dynamo.ts';
import { startMailServer, type MailServer } from '../support/mail-server.ts';
import { TDP5_FEBRUARY } from '../support/findings.ts';

let dynamo: LocalDynamo;
let mail: MailServer;
beforeAll(async () => {
  dynamo = await startDynamo();
  mail = await startMailServer();
});
afterAll(async () => {
  await mail?.close();
  await dynamo?.stop();
});

const finding: Finding = TDP5_FEBRUARY;

describe('the delivery queue', () => {
  it('dead-letters a refused notice with its reason, and sends it on the redrive once the address is fixed', async () => {
    const contacts = new DynamoContactDirectory(dynamo.db, dynamo.table);
    const log = new DynamoDeliveryLog(dynamo.db, dynamo.table);
    await contacts.replace(['LC'], [{ ...Contact.parse({ recipient: 'ubkt:LC.NL', name: 'UBKT', email: 'ubkt@example.vn', channels: ['email'], digest: 'immediate' }), provinceId: 'LC' }]);
    const smtp = new SmtpChannel(mail.url);
    const letters: Array<{ body: string; reason: string }> = [];
    const queue = new DeliveryQueue({ contacts, log, senders: { email: smtp }, config: { ...deliveryConfig({}), attempts: 1, backoffMs: 0 }, now: Date.now }, { send: async (body, reason) => void letters.push({ body, reason }) }, { backoffMs: 1 });

    mail.reject.add('ubkt@example.vn');
    await queue.put({ finding, stage: 'raised', recipientId: 'ubkt:LC.NL', provinceId: 'LC', unitId: 'LC.NL.TDP5' });
    await queue.idle();
    expect(letters).toHaveLength(1);
    expect(isDeliveryBody(letters[0]!.body)).toBe(true);
    expect(letters[0]!.reason).toMatch(/^rejected: email refused: SMTP 550: /);
    expect(letters[0]!.reason).not.toContain('ubkt@example.vn');
    expect(queue.counts).toMatchObject({ deadLettered: 1, retries: 0 });
    expect((await log.records({ recipient: 'ubkt:LC.NL' }))[0]).toMatchObject({ status: 'failed', channel: 'email' });

    mail.reject.delete('ubkt@example.vn');
    const before = mail.received.length;
    expect(await queue.redeliver(letters[0]!.body)).toBeNull();
    expect(mail.received.length).toBe(before + 1);
    expect((await log.records({ recipient: 'ubkt:LC.NL' }))[0]).toMatchObject({ status: 'sent' });

    // A server busy for a while: the queue tries again until it goes, once.
    mail.busyFor(2);
    await queue.put({ finding: { ...finding, period: '2026-03' }, stage: 'raised', recipientId: 'ubkt:LC.NL', provinceId: 'LC', unitId: 'LC.NL.TDP5' });
    await queue.idle();
    expect(queue.counts.retries).toBe(2);
    expect(mail.received.length).toBe(before + 2);
    smtp.close();
  });

  it('dead-letters a body that is not a delivery message, naming the field', async () => {
    const letters: string[] = [];
    const queue = new DeliveryQueue({} as never, { send: async (_b, reason) => void letters.push(reason) });
    expect(await queue.redeliver(JSON.stringify({ delivery: { stage: 'raised' } }))).toEqual({ reason: expect.stringMatching(/^rejected: not a delivery message: finding: /) });
    expect(letters).toEqual([]);
  });
});
