/**
 * The message the delivery of one notice to one recipient is made from: on
 * AWS it rides the SNS topics (the `delivery` message attribute), in one
 * process the delivery queue. Validated when read, like any boundary.
 */
import * as z from 'zod';
import { RecipientId } from '../contract/contacts.ts';
import { Finding } from '../contract/findings.ts';
import { Id } from '../contract/primitives.ts';
import type { Notification } from '../ports/notifier.ts';

export const DeliveryMessage = z.strictObject({
  finding: Finding,
  stage: z.enum(['raised', 'withdrawn']),
  recipientId: RecipientId,
  provinceId: Id,
  unitId: Id,
  /** A meeting's finding names the meeting so ("Chi bộ tổ dân phố 5, buổi 05/02/2026"). */
  meeting: z.string().max(500).optional(),
});
export type DeliveryMessage = z.infer<typeof DeliveryMessage>;

export function deliveryMessageOf(n: Notification): DeliveryMessage {
  const { recipientId, provinceId, unitId } = n.attributes;
  return { finding: n.notice.finding, stage: n.notice.stage, recipientId, provinceId, unitId, ...(n.meeting === undefined ? {} : { meeting: n.meeting }) };
}

/** The id of the message's notice for this recipient: what a queue's duplicates share. */
export const deliveryIdOf = (m: DeliveryMessage): string =>
  [m.finding.kind, m.finding.ruleId, `${m.finding.subject.type}:${m.finding.subject.id}`, m.finding.period, m.stage, m.recipientId].join('|');
