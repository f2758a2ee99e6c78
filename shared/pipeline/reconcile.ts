/**
 * Reconciling an entry: what the engine says of it now, against what was
 * raised from it before. The result is written by the store and announced
 * by the notifier; it is computed the same way whether a meeting or the
 * daily sweep touched the entry.
 */
import { findingIdentity, type Finding } from '../contract/findings.ts';
import type { Engine } from '../engine/engine.ts';
import type { Ledger } from '../ledger/ledger.ts';
import type { OrgIndex } from '../org/org-index.ts';
import type { EntryOutcome, Placement, StoredEntry } from '../ports/ledger-store.ts';
import { keyOf } from './entry-ledger.ts';
import { fingerprint } from './fingerprint.ts';
import { meetingName } from '../reports/meeting-name.ts';

export function reconcileEntry(engine: Engine, ledger: Ledger, entry: StoredEntry, now: number, from: number): EntryOutcome {
  const findings = engine.findingsAt(ledger, now, { from, scope: new Set([keyOf(entry)]) });
  const raised: Record<string, Finding> = {};
  for (const f of findings) raised[findingIdentity(f)] = f;
  const ledgerEntry = ledger.entry(entry.ruleId, entry.subject, entry.period) ?? { ...entry, slots: new Map() };
  const obligation = engine.obligationOf(ledger, ledgerEntry, now);
  const status: 'open' | 'met' | null = obligation === null ? null : Object.keys(obligation.missing).length > 0 ? 'open' : 'met';
  const attentionAt = status === 'open' && obligation ? ([obligation.remindFrom, obligation.deadline, obligation.violationAt].find((t) => t > now) ?? null) : null;
  const view =
    obligation === null || status === null
      ? null
      : { ruleId: entry.ruleId, subject: entry.subject, period: entry.period, required: obligation.required, counted: obligation.counted, missing: obligation.missing, evidence: obligation.evidence, status };
  const { saved } = entry;
  const fingerprints = Object.fromEntries(Object.entries(raised).map(([id, f]) => [id, fingerprint(f)]));
  const changed =
    saved.status !== status || saved.attentionAt !== attentionAt || JSON.stringify(saved.view) !== JSON.stringify(view) || JSON.stringify(sorted(saved.raised)) !== JSON.stringify(sorted(fingerprints));
  return {
    entry,
    placement: placementOf(entry, engine.org, ledger),
    status,
    attentionAt,
    raised,
    view,
    dropped: Object.keys(saved.raised).filter((id) => !(id in raised)),
    changed,
  };
}

const sorted = (r: Record<string, string>) => Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1));

/** The unit a subject belongs to (and a meeting's name): a cell itself, a member's cell, a meeting's unit, a leader's first position. */
export function placementOf(entry: StoredEntry, org: OrgIndex, ledger: Ledger): Placement {
  const { subject } = entry;
  let unitId: string | undefined;
  if (subject.type === 'cell' || subject.type === 'unit') unitId = subject.id;
  else if (subject.type === 'member') unitId = org.members.get(subject.id)?.cellId;
  else if (subject.type === 'meeting') unitId = ledger.meetings.get(subject.id)?.unitId ?? [...entry.registers.values()][0]?.unitId;
  else unitId = org.leaders.get(subject.id)?.positions[0]?.unitId;
  unitId ??= subject.id;
  const unitPath: string[] = [];
  for (let id: string | null | undefined = unitId; id != null && unitPath.length <= org.units.size; id = org.unit(id)?.parentId) unitPath.unshift(id);
  const placement = { unitId, unitPath, provinceId: unitPath[0] ?? unitId };
  if (subject.type !== 'meeting') return placement;
  const heldAt = ledger.meetings.get(subject.id)?.heldAt ?? [...entry.registers.values()][0]?.heldAt ?? null;
  return { ...placement, meetingName: meetingName(org.unit(unitId)?.name ?? unitId, heldAt || null) };
}

export type Notice = { stage: 'raised' | 'withdrawn'; finding: Finding };

/** Dropped findings that may need a withdrawal notice: when nothing is owed any more. */
export function withdrawalCandidates(outcome: EntryOutcome): string[] {
  return outcome.status === 'open' ? [] : outcome.dropped;
}

/**
 * What to tell people: every finding raised that was not raised before; a
 * finding withdrawn only when nothing replaces it, no other entry of the
 * same event raises it, and nothing is owed any more (a late record, a
 * corrected meeting). A reminder that becomes a violation, or one that
 * lapses into the grace days, goes without a word.
 */
export function noticesOf(outcome: EntryOutcome, previous: ReadonlyMap<string, Finding>, raisedElsewhere: ReadonlySet<string> = new Set()): Notice[] {
  const notices: Notice[] = [];
  for (const [id, finding] of Object.entries(outcome.raised)) if (!(id in outcome.entry.saved.raised)) notices.push({ stage: 'raised', finding });
  for (const id of withdrawalCandidates(outcome)) {
    const old = previous.get(id);
    // A meeting moved to another cell takes its finding along: that entry raises it, nothing is withdrawn.
    if (!old || raisedElsewhere.has(id)) continue;
    const replaced = Object.values(outcome.raised).some((f) => f.ruleId === old.ruleId && f.subject.id === old.subject.id && f.subject.type === old.subject.type && f.period === old.period);
    if (!replaced) notices.push({ stage: 'withdrawn', finding: old });
  }
  return notices;
}
