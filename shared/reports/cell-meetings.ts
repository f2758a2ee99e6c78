/**
 * A cell's meetings held in a period, from the registers its ledger entries
 * keep (no separate record of meetings is stored): when, what kind, the
 * attendance the year's excused-absence-streak register carries, and the
 * rules each meeting counts toward.
 */
import { periodBounds } from '../calendar/period.ts';
import type { CellMeeting, CellMeetings } from '../contract/dashboard.ts';
import type { PeriodId } from '../contract/findings.ts';
import type { OrgIndex } from '../org/org-index.ts';
import type { StoredEntry } from '../ports/ledger-store.ts';

export function cellMeetings(org: OrgIndex, cellId: string, period: PeriodId, entries: readonly StoredEntry[]): CellMeetings {
  const unit = org.unit(cellId);
  if (!unit) throw new Error(`unknown unit ${cellId}`);
  const bounds = periodBounds(period);
  const meetings = new Map<string, CellMeeting>();
  for (const entry of entries) {
    for (const [meetingId, register] of entry.registers) {
      if (register.unitId !== cellId || register.heldAt < bounds.start || register.heldAt >= bounds.end) continue;
      const slots = Object.values(register.slots);
      if (slots.length === 0) continue;
      const m = meetings.get(meetingId) ?? { meetingId, version: register.version, heldAt: new Date(register.heldAt).toISOString(), kind: register.kind, present: null, eligible: null, excused: [], countsFor: [] };
      m.version = Math.max(m.version, register.version);
      const ev = slots[0]!;
      if (typeof ev['present'] === 'number' && typeof ev['eligible'] === 'number') {
        m.present = ev['present'];
        m.eligible = ev['eligible'];
        m.excused = ((ev['excused'] as string[] | undefined) ?? []).map((id) => ({ id, name: org.members.get(id)?.name ?? id }));
      }
      if (!m.countsFor.includes(entry.ruleId)) m.countsFor.push(entry.ruleId);
      meetings.set(meetingId, m);
    }
  }
  const list = [...meetings.values()].sort((a, b) => (a.heldAt < b.heldAt ? -1 : a.heldAt > b.heldAt ? 1 : 0));
  for (const m of list) m.countsFor.sort();
  return { unitId: cellId, name: unit.name, period, meetings: list };
}
