/** A ledger entry item ↔ StoredEntry: registers and follow-ups live in top-level attributes named by meeting. */
import type { Subject } from '../../shared/contract/findings.ts';
import type { ObligationView } from '../../shared/contract/obligations.ts';
import type { Evidence } from '../../shared/ledger/ledger.ts';
import type { Register, StoredEntry } from '../../shared/ports/ledger-store.ts';
import type { MeetingKind } from '../../shared/contract/events.ts';

/** A register as stored: short names, since every meeting of an entry has one. */
export interface RegisterAttribute {
  v: number;
  e: string;
  u: string;
  h: number;
  k: MeetingKind;
  s: Record<string, Evidence>;
}

export const toRegisterAttribute = (r: Register): RegisterAttribute => ({ v: r.version, e: r.eventId, u: r.unitId, h: r.heldAt, k: r.kind, s: r.slots });

export function entryFromItem(item: Record<string, unknown>): StoredEntry {
  const registers = new Map<string, Register>();
  const followUps = new Map<string, Map<string, number>>();
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith('m:')) {
      const r = value as RegisterAttribute;
      registers.set(name.slice(2), { version: Number(r.v), eventId: r.e, unitId: r.u, heldAt: Number(r.h), kind: r.k, slots: r.s ?? {} });
    } else if (name.startsWith('f:')) {
      // f:<meetingId>:<field>: meeting ids may contain ':', field names do not.
      const rest = name.slice(2);
      const cut = rest.lastIndexOf(':');
      const meetingId = rest.slice(0, cut);
      const fields = followUps.get(meetingId) ?? new Map<string, number>();
      fields.set(rest.slice(cut + 1), Number(value));
      followUps.set(meetingId, fields);
    }
  }
  return {
    ruleId: String(item['ruleId']),
    subject: item['subject'] as Subject,
    period: String(item['period']),
    rev: Number(item['rev'] ?? 0),
    registers,
    followUps,
    saved: {
      raised: (item['raised'] as Record<string, string> | undefined) ?? {},
      status: (item['status'] as 'open' | 'met' | null | undefined) ?? null,
      attentionAt: typeof item['attentionAt'] === 'number' ? item['attentionAt'] : null,
      view: (item['obligation'] as ObligationView | null | undefined) ?? null,
    },
  };
}
