/**
 * The daily digests of one province (07:00 Asia/Ho_Chi_Minh, after the 06:00
 * sweep): each `daily` contact managed there gets one message a local day on
 * each of its channels, when they have anything open. Each send is claimed
 * for (recipient, channel, day), so a rerun of the day sends nothing twice.
 */
import { localDateOf } from '../calendar/period.ts';
import { ADDRESS_FIELD, type Channel, type PlacedContact } from '../contract/contacts.ts';
import { countOpen, digestEmail, digestSms, digestZalo, openNotices, type OpenNotices } from '../delivery/digest.ts';
import { mapLimit } from '../concurrency.ts';
import type { OutgoingMessage } from '../ports/channel-sender.ts';
import type { SendKey } from '../ports/delivery-log.ts';
import type { DeliveryDeps } from './deliver-notice.ts';
import { sendOnce, trackingIdOf } from './send-on-channel.ts';

export interface DigestOutcome {
  day: string;
  recipients: number;
  sent: number;
  failed: number;
}

function digestMessage(channel: Channel, open: OpenNotices, day: string, c: PlacedContact, key: SendKey, deps: DeliveryDeps): OutgoingMessage | null {
  const to = c[ADDRESS_FIELD[channel]];
  if (to === undefined) return null;
  if (channel === 'email') return digestEmail(open, day, { ...c, email: to }, { publicUrl: deps.config.publicUrl });
  if (channel === 'sms') return digestSms(open, day, to, c.language);
  const template = deps.config.znsTemplates.digest;
  return template === undefined ? null : digestZalo(open, day, to, template, trackingIdOf(key));
}

/** `claimant`: the run (a retry of the same run may take its own claims again). Throws after every recipient was tried if a send failed for a while. */
export async function sendDigests(provinceId: string, at: number, deps: DeliveryDeps, claimant: string): Promise<DigestOutcome> {
  const day = localDateOf(at);
  const daily = (await deps.contacts.list([provinceId])).filter((c) => c.digest === 'daily');
  const outcome: DigestOutcome = { day, recipients: 0, sent: 0, failed: 0 };
  const transient: string[] = [];
  await mapLimit(daily, 8, async (c) => {
    const open = openNotices(await deps.log.held(c.recipient), at);
    if (countOpen(open) === 0) return;
    outcome.recipients++;
    for (const channel of c.channels) {
      if (!deps.senders[channel]) continue;
      const key: SendKey = { recipient: c.recipient, channel, what: { digest: day } };
      const message = digestMessage(channel, open, day, c, key, deps);
      if (message === null) continue;
      try {
        const result = await sendOnce(key, { provinceId: c.provinceId, unitId: null }, claimant, message, deps);
        if (result.status === 'sent') outcome.sent++;
        if (result.status === 'failed') outcome.failed++;
      } catch (err) {
        transient.push(`${c.recipient}: ${(err as Error).message}`);
      }
    }
  });
  if (transient.length > 0) throw new Error(`${transient.length} digest sends failed for a while, first: ${transient[0]}`);
  return outcome;
}
