/**
 * One send, once: claimed in the delivery log, tried a few times with
 * growing waits while the channel fails for a while, then marked sent or
 * failed. A failure that trying again within this delivery did not cure is
 * thrown, the claim kept, so the queue's retry of the same message takes it
 * again; a permanent one is logged with its reason and returned.
 */
import { createHash } from 'node:crypto';
import type { DeliveryConfig } from '../delivery/delivery-config.ts';
import { redact } from '../delivery/redact.ts';
import { DeliveryFailure, type ChannelSenders, type OutgoingMessage } from '../ports/channel-sender.ts';
import type { DeliveryLog, Placement, SendKey } from '../ports/delivery-log.ts';

export interface SendDeps {
  log: DeliveryLog;
  senders: ChannelSenders;
  config: DeliveryConfig;
  now: () => number;
  /** Waits between tries (tests pass a clock of their own). */
  sleep?: (ms: number) => Promise<void>;
}

export type SendResult = { status: 'sent' | 'done' } | { status: 'failed'; reason: string };

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A tracking id for channels that echo one back (ZNS): derived from the send, never an address. */
export const trackingIdOf = (key: SendKey): string => createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 32);

export async function sendOnce(key: SendKey, where: Placement, claimant: string, message: OutgoingMessage, deps: SendDeps): Promise<SendResult> {
  const sender = deps.senders[message.channel] as { send(m: OutgoingMessage): Promise<void> } | undefined;
  if (!sender) throw new Error(`no ${message.channel} sender`);
  const claim = await deps.log.claim(key, where, claimant, deps.now(), deps.config.leaseMs);
  if (claim === 'done') return { status: 'done' };
  // Another delivery of the same notice is sending it now: the queue asks again later, and finds it sent.
  if (claim === 'held') throw new Error(`${message.channel}: another delivery of this notice is in progress`);
  const sleep = deps.sleep ?? wait;
  for (let attempt = 1; ; attempt++) {
    try {
      await sender.send(message);
      await deps.log.sent(key, deps.now());
      return { status: 'sent' };
    } catch (err) {
      const failure = err instanceof DeliveryFailure ? err : new DeliveryFailure(message.channel, false, redact((err as Error).message ?? String(err)));
      if (failure.permanent) {
        const reason = redact(failure.message);
        await deps.log.failed(key, reason, deps.now());
        return { status: 'failed', reason };
      }
      if (attempt >= deps.config.attempts) throw new Error(`${message.channel}: ${redact(failure.message)}`);
      await sleep(deps.config.backoffMs * 2 ** (attempt - 1));
    }
  }
}
