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
 * The notification claims, the publishes, then the outcomes and a mark on
 * each notice sent. Until its outcome is saved, an entry's retry (the same
 * claimant: an event id, a sweep) derives the same notices and may claim
 * them again, so a failure between claim and publish loses nothing; a
 * notice sent is not sent again once its mark or its entry's outcome is
 * written (either suffices, so both are waited for before an error is
 * thrown).
 */
export async function saveAndAnnounce(outcomes: readonly EntryOutcome[], deps: AnnounceDeps, claimant: string, now: number): Promise<number> {
  const changed = outcomes.filter((o) => o.changed);
  // Wording a withdrawal needs the finding as raised: one more read, only when something may be withdrawn.
  const candidates = changed.flatMap(withdrawalCandidates);
  const previous = candidates.length > 0 ? await deps.store.findings(candidates) : new Map<string, Finding>();
  const pending = changed.flatMap((outcome) =>
    noticesOf(outcome, previous).flatMap((notice) =>
      notificationsFor(notice.finding, notice.stage, { provinceId: outcome.placement.provinceId, unitId: outcome.placement.unitId }).map((notification) => ({
        outcome,
        notification,
        key: notificationKey(notice.finding, notice.stage, notification.attributes.recipientId),
      })),
    ),
  );
  // A sweep may write thousands at once: a bounded number in flight keeps sockets and memory in hand; an event's few all go at once.
  const claims = await mapLimit(pending, IN_FLIGHT, (p) => deps.store.claimNotification(p.key, claimant, now));
  const toSend = pending.filter((_, i) => claims[i]);
  const unsent = new Set<EntryOutcome>();
  const publishErrors = await mapLimit(toSend, IN_FLIGHT, settled((p) => deps.notifier.publish(p.notification)));
  toSend.forEach((p, i) => publishErrors[i] && unsent.add(p.outcome));
  // An outcome whose notices did not all go out stays unsaved: its retry announces them again.
  const writeErrors = await mapLimit(
    [...toSend.filter((_, i) => !publishErrors[i]).map((p) => () => deps.store.notificationSent(p.key, now)), ...changed.filter((o) => !unsent.has(o)).map((o) => () => deps.store.saveOutcome(o, now))],
    IN_FLIGHT,
    settled((write) => write()),
  );
  const error = [...publishErrors, ...writeErrors].find((e) => e !== null);
  if (error) throw error.cause;
  return toSend.length;
}

/** Every item tried, its failure kept (wrapped, as anything may be thrown) instead of cutting the others short. */
const settled =
  <T>(fn: (item: T) => Promise<unknown>) =>
  (item: T): Promise<{ cause: unknown } | null> =>
    fn(item).then(
      () => null,
      (cause: unknown) => ({ cause }),
    );
