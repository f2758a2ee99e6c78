/** Saves reconciled entries and tells people, each (finding, stage, recipient) once. */
import { notificationKey } from '../notifications/dedup-key.ts';
import { notificationsFor } from '../notifications/compose.ts';
import type { EntryOutcome, LedgerStore } from '../ports/ledger-store.ts';
import type { Notifier } from '../ports/notifier.ts';
import { noticesOf, withdrawalCandidates } from '../pipeline/reconcile.ts';
import type { Finding } from '../contract/findings.ts';
import { mapLimit } from '../concurrency.ts';

const IN_FLIGHT = 32;

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
  const changed = outcomes.filter((o) => o.changed);
  // Wording a withdrawal needs the finding as raised: one more read, only when something may be withdrawn.
  const candidates = changed.flatMap(withdrawalCandidates);
  const previous = candidates.length > 0 ? await deps.store.findings(candidates) : new Map<string, Finding>();
  const pending = changed.flatMap((outcome) =>
    noticesOf(outcome, previous).flatMap((notice) =>
      notificationsFor(notice.finding, notice.stage, { provinceId: outcome.placement.provinceId, unitId: outcome.placement.unitId }).map((notification) => ({
        notification,
        key: notificationKey(notice.finding, notice.stage, notification.attributes.recipientId),
      })),
    ),
  );
  // A sweep may write thousands at once: a bounded number in flight keeps sockets and memory in hand; an event's few all go at once.
  const [, claims] = await Promise.all([
    mapLimit(changed, IN_FLIGHT, (o) => deps.store.saveOutcome(o, now)),
    mapLimit(pending, IN_FLIGHT, (p) => deps.store.claimNotification(p.key, claimant, now)),
  ]);
  const toSend = pending.filter((_, i) => claims[i]);
  await mapLimit(toSend, IN_FLIGHT, (p) => deps.notifier.publish(p.notification));
  return toSend.length;
}
