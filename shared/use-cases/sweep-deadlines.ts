/**
 * The daily deadline sweep (evaluate-deadlines): fanned out per province;
 * each province opens the obligations of periods that began since its last
 * sweep (so a cell that never records still owes), then reconciles only the
 * obligations whose reminder window, deadline or grace end has come.
 */
import { instantMs, periodBounds, periodOf } from '../calendar/period.ts';
import { Engine } from '../engine/engine.ts';
import { Ledger } from '../ledger/ledger.ts';
import type { LedgerStore, StoredEntry } from '../ports/ledger-store.ts';
import type { Notifier } from '../ports/notifier.ts';
import type { SweepJob, SweepQueue } from '../ports/sweep-queue.ts';
import { ledgerOf } from '../pipeline/entry-ledger.ts';
import { reconcileEntry } from '../pipeline/reconcile.ts';
import { saveAndAnnounce } from './announce.ts';
import { engineOptions, type PipelineConfig } from './pipeline-config.ts';

/** `store`: anything that lists the org's provinces (the ledger store; the digests pass the org store). */
export async function fanOutSweeps(at: string, deps: { store: { provinces(): Promise<readonly string[]> }; queue: SweepQueue }): Promise<number> {
  const provinces = await deps.store.provinces();
  await deps.queue.enqueue(provinces.map((provinceId) => ({ provinceId, at })));
  return provinces.length;
}

export interface SweepResult {
  opened: number;
  reconciled: number;
  notified: number;
}

export async function sweepProvince(job: SweepJob, deps: { store: LedgerStore; notifier: Notifier; config: PipelineConfig }): Promise<SweepResult> {
  const { store, config } = deps;
  const now = instantMs(job.at);
  const claimant = `sweep:${job.provinceId}:${job.at}`;
  const month = periodOf(now, 'month');
  let opened = 0;
  let notified = 0;

  const last = await store.lastOpened(job.provinceId);
  if (last === null || last < month) {
    const org = await store.provinceOrg(job.provinceId);
    const engine = new Engine(org, config.packs, engineOptions(config));
    // Catch up from `from` on the first sweep; afterwards the periods begun since the last month opened (more than this month when sweeps were missed).
    const from = last === null ? config.from : Math.max(config.from, periodBounds(last).end);
    const refs = engine.boundObligations(new Ledger(), now, { from });
    const entries = await store.entries(refs);
    notified += await reconcileAll(engine, entries, now, deps, claimant);
    opened = entries.length;
    await store.markOpened(job.provinceId, month);
  }

  const due = await store.entriesNeedingAttention(job.provinceId, now);
  if (due.length > 0) {
    const engine = new Engine(await store.orgFor(due), config.packs, engineOptions(config));
    notified += await reconcileAll(engine, due, now, deps, claimant);
  }
  return { opened, reconciled: due.length, notified };
}

async function reconcileAll(engine: Engine, entries: readonly StoredEntry[], now: number, deps: { store: LedgerStore; notifier: Notifier; config: PipelineConfig }, claimant: string): Promise<number> {
  const ledger = ledgerOf(entries);
  const outcomes = entries.map((entry) => reconcileEntry(engine, ledger, entry, now, deps.config.from));
  return saveAndAnnounce(outcomes, deps, claimant, now);
}
