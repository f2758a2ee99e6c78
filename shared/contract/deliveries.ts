/**
 * The delivery log (GET /deliveries, `chibo deliveries`, the inbox): what
 * became of each notice on each channel. It names recipients by id and
 * channels by kind; it never holds an address.
 */
import * as z from 'zod';
import { Channel, RecipientId } from './contacts.ts';
import { FindingKind, PeriodId, Subject } from './findings.ts';
import { Id, Instant, LocalDate } from './primitives.ts';

/**
 * `sending`: claimed, not yet confirmed; `sent`: the channel took it; `failed`: refused for good (the reason says why);
 * `waiting`: held for the recipient's daily digest; `undeliverable`: the recipient has no contact in the directory.
 */
export const DeliveryStatus = z.enum(['sending', 'sent', 'failed', 'waiting', 'undeliverable']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/** The notice a delivery carries: a finding (kind, rule, subject, period) raised or withdrawn. */
export const NoticeRef = z.strictObject({ kind: FindingKind, ruleId: z.string(), subject: Subject, period: PeriodId, stage: z.enum(['raised', 'withdrawn']) });
export type NoticeRef = z.infer<typeof NoticeRef>;

export const DeliveryRecord = z.strictObject({
  recipient: RecipientId,
  /** Null when no channel was tried: the recipient has no contact, or the notice waits for the digest. */
  channel: Channel.nullable(),
  /** Null for a digest. */
  notice: NoticeRef.nullable(),
  /** The local day (Asia/Ho_Chi_Minh) of a digest, or, for a notice that waited, of the digest that carried it; else null. */
  digest: LocalDate.nullable(),
  status: DeliveryStatus,
  /** Why it failed: the channel's status and words, with any address taken out. */
  reason: z.string().optional(),
  /** When the status was last set. */
  at: Instant,
  attempts: z.number().int().nonnegative(),
  provinceId: Id,
  unitId: Id.nullable(),
});
export type DeliveryRecord = z.infer<typeof DeliveryRecord>;

export const DeliveriesQuery = z.strictObject({ recipient: RecipientId.optional(), status: DeliveryStatus.optional(), unit: Id.optional() });
export type DeliveriesQuery = z.infer<typeof DeliveriesQuery>;
