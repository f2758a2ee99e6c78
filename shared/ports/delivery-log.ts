/**
 * The delivery log: each send claimed before it is made, and what came of it;
 * and each recipient's notices held for their daily digest. A claim is a
 * conditional write, so a notice goes out once per (finding, stage,
 * recipient, channel) however often its message is delivered.
 */
import type { Channel } from '../contract/contacts.ts';
import type { DeliveryRecord, NoticeRef } from '../contract/deliveries.ts';
import type { Finding } from '../contract/findings.ts';

/** One send: a notice, or a recipient's digest of a local day, on one channel. */
export interface SendKey {
  recipient: string;
  channel: Channel;
  what: { notice: NoticeRef } | { digest: string };
}

/** Where the notice belongs: the delivery log is read by province and filtered by unit. */
export interface Placement {
  provinceId: string;
  unitId: string | null;
}

/** `claimed`: send now; `done`: it was sent already; `held`: another delivery of it is sending now (try later). */
export type ClaimResult = 'claimed' | 'done' | 'held';

/** A notice held for a digest: the finding as it was raised, and whether it was withdrawn since. */
export interface HeldNotice {
  finding: Finding;
  raisedAt: number | null;
  withdrawnAt: number | null;
  meeting?: string;
}

export interface DeliveryLog {
  /**
   * Takes a send for `claimant` (the message's id: a retry of the same message may take it again at once) for
   * `leaseMs`; a failed send may always be taken again, since nothing went out.
   */
  claim(key: SendKey, where: Placement, claimant: string, now: number, leaseMs: number): Promise<ClaimResult>;
  sent(key: SendKey, now: number): Promise<void>;
  failed(key: SendKey, reason: string, now: number): Promise<void>;
  /** A notice that no channel carried: the recipient has no contact, or the channel is not configured here. */
  undeliverable(recipient: string, channel: Channel | null, notice: NoticeRef, where: Placement, reason: string, now: number): Promise<void>;
  /** Keeps a notice for the recipient's digest; a withdrawal marks the raised one. Order-independent and idempotent. */
  hold(recipient: string, finding: Finding, stage: 'raised' | 'withdrawn', where: Placement & { meeting?: string }, now: number): Promise<void>;
  /** The notices held for a recipient's digest. */
  held(recipient: string): Promise<HeldNotice[]>;
  /** The log of one recipient, or of whole provinces (all recipients), as GET /deliveries shows it before filtering. */
  records(select: { recipient: string } | { provinceIds: readonly string[] }): Promise<DeliveryRecord[]>;
}
