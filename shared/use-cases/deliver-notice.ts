/**
 * A notice to one recipient, through the channels of their contact: sent now
 * (`immediate`), or held for their digest (`daily`). A recipient without a
 * contact, or a channel this deployment has not configured, is logged as
 * undeliverable: the notice stays on the topics and in the outbox.
 */
import { ADDRESS_FIELD, type Channel, type Contact } from '../contract/contacts.ts';
import type { NoticeRef } from '../contract/deliveries.ts';
import type { DeliveryMessage } from '../delivery/delivery-message.ts';
import { noticeEmail } from '../delivery/email-message.ts';
import { noticeSms, noticeZalo } from '../delivery/short-message.ts';
import type { OutgoingMessage } from '../ports/channel-sender.ts';
import type { ContactDirectoryStore } from '../ports/contact-directory.ts';
import type { SendKey } from '../ports/delivery-log.ts';
import { PermanentError } from './errors.ts';
import { sendOnce, trackingIdOf, type SendDeps } from './send-on-channel.ts';

export interface DeliveryDeps extends SendDeps {
  contacts: ContactDirectoryStore;
}

export interface DeliveryOutcome {
  sent: number;
  held: boolean;
  failed: Array<{ channel: Channel; reason: string }>;
  undeliverable: number;
}

/** The message for one channel, or why it cannot be made here. */
function messageFor(channel: Channel, m: DeliveryMessage, contact: Contact, key: SendKey, deps: DeliveryDeps): OutgoingMessage | string {
  const to = contact[ADDRESS_FIELD[channel]];
  if (to === undefined) return `the contact has no ${ADDRESS_FIELD[channel]}`;
  if (channel === 'email') return noticeEmail(m.finding, m.stage, { ...contact, email: to }, { publicUrl: deps.config.publicUrl });
  if (channel === 'sms') return noticeSms(m.finding, m.stage, to, contact.language, m.meeting);
  const template = deps.config.znsTemplates[m.stage === 'withdrawn' ? 'withdrawn' : m.finding.kind];
  if (template === undefined) return `no ZNS template is configured for ${m.stage === 'withdrawn' ? 'withdrawn' : m.finding.kind} notices (CHIBO_ZNS_TEMPLATES)`;
  return noticeZalo(m.finding, m.stage, to, template, trackingIdOf(key), contact.language, m.meeting);
}

/**
 * `claimant`: the id of the queue message (its redeliveries share it, so a retry may take its own claims again).
 * Throws when a channel failed for a while (the queue retries; what went out is not sent again), and a
 * PermanentError when one refused for good (dead-lettered, logged as failed), after every channel was tried.
 */
export async function deliverNotice(m: DeliveryMessage, deps: DeliveryDeps, claimant: string): Promise<DeliveryOutcome> {
  const { kind, ruleId, subject, period } = m.finding;
  const notice: NoticeRef = { kind, ruleId, subject, period, stage: m.stage };
  const where = { provinceId: m.provinceId, unitId: m.unitId };
  const outcome: DeliveryOutcome = { sent: 0, held: false, failed: [], undeliverable: 0 };
  const contact = await deps.contacts.contact(m.recipientId);
  if (!contact) {
    await deps.log.undeliverable(m.recipientId, null, notice, where, 'no contact for this recipient in the directory', deps.now());
    return { ...outcome, undeliverable: 1 };
  }
  if (contact.digest === 'daily') {
    await deps.log.hold(m.recipientId, m.finding, m.stage, { ...where, ...(m.meeting === undefined ? {} : { meeting: m.meeting }) }, deps.now());
    return { ...outcome, held: true };
  }
  const transient: string[] = [];
  for (const channel of contact.channels) {
    const key: SendKey = { recipient: m.recipientId, channel, what: { notice } };
    const message = messageFor(channel, m, contact, key, deps);
    if (typeof message === 'string' || !deps.senders[channel]) {
      await deps.log.undeliverable(m.recipientId, channel, notice, where, typeof message === 'string' ? message : `no ${channel} channel is configured here`, deps.now());
      outcome.undeliverable++;
      continue;
    }
    try {
      const result = await sendOnce(key, where, claimant, message, deps);
      if (result.status === 'sent') outcome.sent++;
      if (result.status === 'failed') outcome.failed.push({ channel, reason: result.reason });
    } catch (err) {
      transient.push((err as Error).message);
    }
  }
  if (transient.length > 0) throw new Error(transient.join('; '));
  if (outcome.failed.length > 0) throw new PermanentError(outcome.failed.map((f) => `${f.channel} refused: ${f.reason}`).join('; '));
  return outcome;
}
