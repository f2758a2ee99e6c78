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
 * The notification claims with the finding items, the publishes, then the
 * outcomes and a mark on each notice sent. Until its outcome is saved, an
 * entry's retry (the same claimant: an event id, a sweep) derives the same
 * notices and findings and may claim and write them again, so a failure
 * before then loses nothing; a notice sent is not sent again once its mark
 * or its entry's outcome is written (either suffices, so both are waited for
 * before an error is thrown). `lastly` is written beside the outcomes, when
 * every finding and notice went out.
 */
export async function saveAndAnnounce(outcomes: readonly EntryOutcome[], deps: AnnounceDeps, claimant: string, now: number, lastly?: () => Promise<void>): Promise<number> {
  const changed = outcomes.filter((o) => o.changed);
  // Wording a withdrawal needs the finding as raised: one more read, only when something may be withdrawn.
  const candidates = changed.flatMap(withdrawalCandidates);
  const previous = candidates.length > 0 ? await deps.store.findings(candidates) : new Map<string, Finding>();
  const raisedNow = new Set(outcomes.flatMap((o) => Object.keys(o.raised)));
  const pending = changed.flatMap((outcome) =>
    noticesOf(outcome, previous, raisedNow).flatMap((notice) =>
      notificationsFor(notice.finding, notice.stage, outcome.placement).map((notification) => ({
        outcome,
        notification,
        key: notificationKey(notice.finding, notice.stage, notification.attributes.recipientId),
      })),
    ),
  );
  // A sweep may write thousands at once: a bounded number in flight keeps sockets and memory in hand; an event's few all go at once.
  // Findings go in the claims' round trip: an outcome saved while one of its findings was not written would hide it from every retry.
  const [claims, findingErrors] = await Promise.all([
    mapLimit(pending, IN_FLIGHT, (p) => deps.store.claimNotification(p.key, claimant, now)),
    mapLimit(changed, IN_FLIGHT, settled((o) => deps.store.saveFindings(o, now))),
  ]);
  const toSend = pending.filter((_, i) => claims[i]);
  const unsaved = new Set<EntryOutcome>(changed.filter((_, i) => findingErrors[i]));
  const publishErrors = await mapLimit(toSend, IN_FLIGHT, settled((p) => deps.notifier.publish(p.notification)));
  toSend.forEach((p, i) => publishErrors[i] && unsaved.add(p.outcome));
  // An outcome whose findings or notices did not all go out stays unsaved: its retry writes and announces them again.
  const writeErrors = await mapLimit(
    [
      ...toSend.filter((_, i) => !publishErrors[i]).map((p) => () => persistently(() => deps.store.notificationSent(p.key, now))),
      ...changed.filter((o) => !unsaved.has(o)).map((o) => () => deps.store.saveOutcome(o, now)),
      // The claimant's own mark of being done, only when nothing is left for its retry to do.
      ...(lastly && unsaved.size === 0 ? [lastly] : []),
    ],
    IN_FLIGHT,
    settled((write) => write()),
  );
  const error = [...findingErrors, ...publishErrors, ...writeErrors].find((e) => e !== null);
  if (error) throw error.cause;
  return toSend.length;
}

/**
 * A sent mark lost together with its entry's outcome would send the notice
 * again on the retry, to a person: it is tried a few more times than the
 * store's own retries before the failure is let through.
 */
async function persistently(write: () => Promise<void>, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (attempt >= attempts) throw err;
    }
  }
}

/** Every item tried, its failure kept (wrapped, as anything may be thrown) instead of cutting the others short. */
const settled =
  <T>(fn: (item: T) => Promise<unknown>) =>
  (item: T): Promise<{ cause: unknown } | null> =>
    fn(item).then(
      () => null,
      (cause: unknown) => ({ cause }),
    );
