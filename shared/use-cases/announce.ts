/** Saves reconciled entries and tells people, each (finding, stage, recipient) once. */
import { notificationKey } from '../notifications/dedup-key.ts';
import { notificationsFor } from '../notifications/compose.ts';
import type { EntryOutcome, LedgerStore } from '../ports/ledger-store.ts';
import type { Notifier } from '../ports/notifier.ts';
import { noticesOf } from '../pipeline/reconcile.ts';

export interface AnnounceDeps {
  store: LedgerStore;
  notifier: Notifier;
}

/**
 * One round trip of writes (outcomes and notification claims in parallel),
 * then the publishes. The claimant (an event id, a sweep) may claim again on
 * its own retry, so a crash between claim and publish does not lose a message.
 */
export async function saveAndAnnounce(outcomes: readonly EntryOutcome[], deps: AnnounceDeps, claimant: string, now: number): Promise<number> {
  const pending = outcomes.flatMap((outcome) =>
    noticesOf(outcome).flatMap((notice) =>
      notificationsFor(notice.finding, notice.stage, { provinceId: outcome.placement.provinceId, unitId: outcome.placement.unitId }).map((notification) => ({
        notification,
        key: notificationKey(notice.finding, notice.stage, notification.attributes.recipientId),
      })),
    ),
  );
  const [, claims] = await Promise.all([
    Promise.all(outcomes.map((o) => deps.store.saveOutcome(o, now))),
    Promise.all(pending.map((p) => deps.store.claimNotification(p.key, claimant, now))),
  ]);
  const toSend = pending.filter((_, i) => claims[i]);
  await Promise.all(toSend.map((p) => deps.notifier.publish(p.notification)));
  return toSend.length;
}
