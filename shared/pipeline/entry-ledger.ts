/** Stored entries as an in-memory Ledger, so the pipeline evaluates them with the same engine as the CLI. */
import { entryKey, Ledger } from '../ledger/ledger.ts';
import type { EntryRef, StoredEntry } from '../ports/ledger-store.ts';

export function ledgerOf(entries: readonly StoredEntry[]): Ledger {
  const ledger = new Ledger();
  for (const entry of entries) {
    for (const [meetingId, register] of entry.registers) {
      const slots = Object.entries(register.slots);
      if (slots.length === 0) continue;
      const meeting = ledger.meeting(meetingId);
      Object.assign(meeting, { version: register.version, unitId: register.unitId, kind: register.kind, heldAt: register.heldAt });
      for (const [slot, evidence] of slots) ledger.add({ ruleId: entry.ruleId, subject: entry.subject, period: entry.period, slot, meetingId, evidence });
    }
    for (const [meetingId, fields] of entry.followUps) for (const [field, at] of fields) ledger.noteFollowUp(meetingId, field, at);
  }
  return ledger;
}

export const keyOf = (ref: EntryRef): string => entryKey(ref.ruleId, ref.subject, ref.period);
